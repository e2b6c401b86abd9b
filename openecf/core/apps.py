from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openecf.core"
    label = "core"

from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "openecf.notices"
    label = "notices"

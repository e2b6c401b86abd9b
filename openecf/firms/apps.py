from django.apps import AppConfig


class FirmsConfig(AppConfig):
    name = "openecf.firms"
    label = "firms"

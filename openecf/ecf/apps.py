from django.apps import AppConfig


class EcfConfig(AppConfig):
    name = "openecf.ecf"
    label = "ecf"

from django.apps import AppConfig


class CourtsConfig(AppConfig):
    name = "openecf.courts"
    label = "courts"

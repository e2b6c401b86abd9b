from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "openecf.readiness"
    label = "readiness"

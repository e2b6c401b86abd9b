from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "openecf.web"
    label = "web"

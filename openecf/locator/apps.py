from django.apps import AppConfig


class LocatorConfig(AppConfig):
    name = "openecf.locator"
    label = "locator"

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "openecf.reports"
    label = "reports"

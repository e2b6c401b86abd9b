from django.apps import AppConfig


class DocketConfig(AppConfig):
    name = "openecf.docket"
    label = "docket"

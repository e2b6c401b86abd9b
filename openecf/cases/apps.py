from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openecf.cases"
    label = "cases"

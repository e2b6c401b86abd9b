from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "openecf.billing"
    label = "billing"

from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "openecf.payments"
    label = "payments"

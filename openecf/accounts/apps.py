from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openecf.accounts"
    label = "accounts"

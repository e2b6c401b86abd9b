from django.apps import AppConfig


class SignonConfig(AppConfig):
    name = "openecf.signon"
    label = "signon"

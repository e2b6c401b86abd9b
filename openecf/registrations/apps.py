from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "openecf.registrations"
    label = "registrations"
    verbose_name = "E-file registration"

from django.apps import AppConfig


class EcfConfig(AppConfig):
    name = "openecf.ecf"
    label = "ecf"

    def ready(self) -> None:
        from openecf.courts.commands import register_subcommand
        from openecf.ecf import court_commands

        register_subcommand(court_commands)  # openecf courts import-logins

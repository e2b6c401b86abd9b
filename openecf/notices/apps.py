from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "openecf.notices"
    label = "notices"

    def ready(self) -> None:
        """Notice every entry the docket records, inside its transaction (issue 11)."""
        from openecf.docket import facade as docket
        from openecf.notices.actions.docket_entries import notify_recorded_entry

        docket.when_entry_recorded(notify_recorded_entry)

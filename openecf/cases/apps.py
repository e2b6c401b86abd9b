from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openecf.cases"
    label = "cases"

    def ready(self) -> None:
        # The national Case Locator rebuilds its index from this record (locator rebuild).
        from openecf.cases.indexing import every_case
        from openecf.locator import facade as locator

        locator.read_record_with(every_case)

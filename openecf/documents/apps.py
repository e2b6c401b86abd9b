from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "openecf.documents"
    label = "documents"

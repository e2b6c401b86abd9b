from django.urls import path

from openecf.documents import views

app_name = "documents"

urlpatterns = [
    path("utilities/check-pdf/", views.check_pdf_page, name="check_pdf"),
    path("verify-document/", views.verify_page, name="verify"),
    path("clerk/pdf-rules/", views.pdf_rules_page, name="pdf_rules"),
]

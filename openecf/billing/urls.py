from django.urls import path

from openecf.billing import exemptions, views

app_name = "billing"
urlpatterns = [
    path("account/usage/", views.usage, name="usage"),
    path("account/client-code/", views.client_code, name="client_code"),
    path("account/exemptions/<int:exemption_id>/", views.switch_exemption, name="switch_exemption"),
    path("account/payments/", views.payments_page, name="payments"),
    path("account/invoices/<int:statement_id>/", views.statement, name="statement"),
    path("account/invoices/<int:statement_id>/pdf/", views.statement_pdf, name="statement_pdf"),
    path("firm/usage/", views.firm_usage, name="firm_usage"),
    path(
        "<court:court_id>/clerk/exemptions/",
        exemptions.exemptions_page,
        name="court_exemptions",
    ),
]

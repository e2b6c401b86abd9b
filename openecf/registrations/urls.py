from django.urls import path

from openecf.registrations import views

app_name = "registrations"
urlpatterns = [
    path(
        "account/maintenance/efile/attorney/",
        views.efile,
        {"audience": "attorney"},
        name="efile_attorney",
    ),
    path(
        "account/maintenance/efile/non-attorney/",
        views.efile,
        {"audience": "non-attorney"},
        name="efile_non_attorney",
    ),
    path("account/efile/", views.efile_start, name="efile_start"),
    path("account/maintenance/requests/", views.my_requests, name="requests"),
    path("account/maintenance/requests/<int:registration_id>/", views.my_request, name="request"),
    path(
        "account/maintenance/requests/<int:registration_id>/certificate/",
        views.my_certificate,
        name="certificate",
    ),
    path("account/maintenance/courts/", views.registered_courts, name="courts"),
    path("<court:court_id>/clerk/registrations/", views.clerk_queue, name="clerk_queue"),
    path(
        "<court:court_id>/clerk/registrations/<int:registration_id>/",
        views.clerk_request,
        name="clerk_request",
    ),
    path(
        "<court:court_id>/clerk/registrations/<int:registration_id>/certificate/",
        views.clerk_certificate,
        name="clerk_certificate",
    ),
]

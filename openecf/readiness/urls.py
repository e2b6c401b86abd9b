from django.urls import path

from openecf.readiness import views

app_name = "readiness"
urlpatterns = [
    path("account/courts/", views.your_courts, name="your_courts"),
    path("firm/readiness/", views.readiness, name="readiness"),
    path("firm/readiness.csv", views.readiness_csv, name="csv"),
    path("firm/readiness/courts/", views.choose_courts, name="courts"),
    path("firm/readiness/remind/", views.remind, name="remind"),
]

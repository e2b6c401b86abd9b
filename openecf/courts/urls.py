from django.urls import path

from openecf.courts import views

app_name = "courts"
urlpatterns = [
    path("", views.court_home, name="home"),
    path("clerk/", views.clerk_office, name="clerk_office"),
    path("clerk/settings/", views.court_settings, name="settings"),
    path("clerk/settings/fees/", views.court_fees, name="fees"),
]

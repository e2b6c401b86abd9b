from django.urls import path  # noqa: F401

app_name = "signon_account"
urlpatterns: list = []

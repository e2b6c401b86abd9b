from django.urls import path

from openecf.locator import views

app_name = "locator"
urlpatterns = [path("locator/", views.search_page, name="search")]

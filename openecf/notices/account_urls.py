"""'My notices' in Manage My Account (``/account/notices/``): every court's notices to me."""

from django.urls import path

from openecf.notices import views

app_name = "mynotices"
urlpatterns = [
    path("", views.my_notices, name="list"),
    path("<int:notice_id>/", views.my_notice, name="notice"),
]

from django.urls import path

from openecf.docket import views

app_name = "docket"

urlpatterns = [
    path("clerk/events/", views.event_catalogue, name="event_catalogue"),
    path("clerk/events/add/", views.add_event, name="add_event"),
    path("clerk/events/<slug:code>/", views.edit_event, name="edit_event"),
]

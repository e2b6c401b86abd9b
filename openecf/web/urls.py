from django.urls import path

from openecf.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("outbox/", views.outbox, name="outbox"),
]

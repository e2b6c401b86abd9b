from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from openecf.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("favicon.ico", RedirectView.as_view(url=static("web/favicon.svg")), name="favicon"),
    path("outbox/", views.outbox, name="outbox"),
]

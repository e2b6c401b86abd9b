"""OpenECF's routes, plus ``/bench/same-bytes/<key>/``: the floor every page is measured against.

The static view runs through the same WSGI handler and middleware as a real page, touches no
database and returns bytes recorded from that page, so ``ours / baseline`` is what the page's
own work (queries, connection, templates) costs on top of Django itself.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from openecf.urls import handler403, handler404, handler500
from openecf.urls import urlpatterns as openecf_urls

SAME_BYTES: dict[str, tuple[bytes, str]] = {}


def same_bytes(request: HttpRequest, key: str) -> HttpResponse:
    body, content_type = SAME_BYTES[key]
    return HttpResponse(body, content_type=content_type)


urlpatterns = [path("bench/same-bytes/<str:key>/", same_bytes), *openecf_urls]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

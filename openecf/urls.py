from django.http import HttpRequest, JsonResponse
from django.urls import include, path, register_converter

from openecf.api import api
from openecf.web import views as web_views
from openecf.web.converters import CourtIdConverter
from openecf.web.urls import urlpatterns as web_urls

register_converter(CourtIdConverter, "court")

urlpatterns = [
    path("", include((web_urls, "web"))),
    path("api/v1/", api.urls),
    path("", include("openecf.signon.urls")),
    path("account/", include("openecf.signon.account_urls")),
    path("account/", include("openecf.accounts.urls")),
    path("firm/", include("openecf.firms.urls")),
    path("", include("openecf.readiness.urls")),
    path("", include("openecf.registrations.urls")),
    path("<court:court_id>/", include("openecf.courts.urls")),
    path("<court:court_id>/", include("openecf.ecf.urls")),
    path("<court:court_id>/", include("openecf.notices.urls")),
]


def handler404(request: HttpRequest, exception: Exception | None = None):
    if request.path.startswith("/api/") or request.path.startswith("/services/"):
        return JsonResponse(
            {
                "error": {
                    "code": "not_found",
                    "message": f"No endpoint at {request.path}: see /api/v1/docs.",
                }
            },
            status=404,
        )
    return web_views.not_found(request, exception)


handler403 = web_views.forbidden
handler500 = web_views.server_error

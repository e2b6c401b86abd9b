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
    path("account/", include("openecf.ecf.account_urls")),
    path("account/notices/", include("openecf.notices.account_urls")),
    path("", include("openecf.billing.urls")),
    path("", include("openecf.locator.urls")),
    path("firm/", include("openecf.firms.urls")),
    path("", include("openecf.readiness.urls")),
    path("", include("openecf.registrations.urls")),
    path("", include("openecf.payments.urls")),
    path("<court:court_id>/", include("openecf.courts.urls")),
    path("<court:court_id>/", include("openecf.ecf.urls")),
    path("<court:court_id>/", include("openecf.notices.urls")),
    path("<court:court_id>/", include("openecf.docket.urls")),
    path("", include("openecf.cases.urls")),
    path("<court:court_id>/", include("openecf.documents.urls")),
    path("<court:court_id>/", include("openecf.reports.urls")),
]


# A program's 404 is turned into the error shape by web.middleware.ProgramErrorShapeMiddleware.
handler404 = web_views.not_found
handler403 = web_views.forbidden
handler500 = web_views.server_error

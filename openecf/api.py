"""The JSON API under /api/v1/: one NinjaAPI, one error shape for every 4xx.

Errors are always ``{"error": {"code": "...", "message": "..."}}`` (plus ``fields`` for
``invalid_input``), produced by ``openecf.core.web.error_response``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from openecf.core.errors import DomainError, InputInvalid, NotSignedIn
from openecf.core.web import domain_error_response, error_response

api = NinjaAPI(
    title="OpenECF API",
    version="1",
    description=(
        "PACER Central Sign-On and NextGen CM/ECF. Authenticate with the `nextGenCSO` token from "
        "`POST /services/cso-auth` as `Authorization: Bearer <token>` or the `NextGenCSO` cookie. "
        'Every 4xx answer has the shape `{"error": {"code": "...", "message": "..."}}`.'
    ),
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return domain_error_response(exc)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A body that does not fit the schema: 422 ``invalid_input``, like an action's problems."""
    parts = []
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        where = ".".join(
            str(p)
            for p in error.get("loc", ())
            if p not in ("body", "query", "path", "payload", "file", "form")
        )
        sentence = error.get("msg", "invalid")
        parts.append(f"{where}: {sentence}" if where else sentence)
        fields.setdefault(where, []).append(sentence)
    return error_response(
        InputInvalid.status,
        InputInvalid.code,
        "; ".join(parts) or "The input is not valid.",
        fields=fields,
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(
        NotSignedIn.status,
        NotSignedIn.code,
        "Sign in first: send the nextGenCSO token from /services/cso-auth as a Bearer token.",
    )


CODES = {
    400: "bad_request",
    401: "not_signed_in",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    429: "throttled",
}


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = str(exc)
    if exc.status_code == 403 and message == "CSRF check Failed":  # django-ninja's own words
        return error_response(403, "csrf_failed", CSRF_HELP)
    return error_response(exc.status_code, CODES.get(exc.status_code, "error"), message)


CSRF_HELP = (
    "The CSRF check failed: a program should send its nextGenCSO token as "
    "'Authorization: Bearer <token>'; a browser session must send the X-CSRFToken header."
)


# Each app's ``api.py`` exposes ``router``; mounted in this order, at these prefixes. Imported by
# name, so a renamed or broken module stops the start-up instead of its endpoints vanishing.
def _register_routers() -> None:
    from openecf.accounts import api as accounts_api
    from openecf.billing import api as billing_api
    from openecf.billing import exemptions as billing_exemptions
    from openecf.cases import api as cases_api
    from openecf.courts import api as courts_api
    from openecf.docket import api as docket_api
    from openecf.docket import opening_api as docket_opening_api
    from openecf.documents import api as documents_api
    from openecf.ecf import api as ecf_api
    from openecf.ecf import fees_api as ecf_fees_api
    from openecf.firms import api as firms_api
    from openecf.locator import api as locator_api
    from openecf.notices import api as notices_api
    from openecf.payments import api as payments_api
    from openecf.readiness import api as readiness_api
    from openecf.registrations import api as registrations_api
    from openecf.reports import api as reports_api
    from openecf.reports import claims_api as reports_claims_api
    from openecf.reports import feed_api as reports_feed_api
    from openecf.signon import api as signon_api

    # Opening a case is a docket filing on the cases router's path (GET finds, POST opens):
    # one path, one router, or django-ninja would route the POST to the GET's pattern.
    docket_opening_api.add_to(cases_api.router)
    # Reading a case's entries (the record's access rule and charge) on the docket router's
    # path for filing one (GET reads, POST files), for the same reason.
    reports_api.add_to(docket_api.router)
    for prefix, router in [
        ("/courts", courts_api.router),
        ("", accounts_api.router),
        ("", signon_api.router),
        ("/firms", firms_api.router),
        ("", ecf_api.router),
        ("", ecf_fees_api.router),
        ("", registrations_api.router),
        ("", notices_api.router),
        ("", readiness_api.router),
        ("", docket_api.router),
        ("", cases_api.router),
        ("", payments_api.router),
        ("", documents_api.router),
        ("", billing_api.router),
        ("", billing_exemptions.router),
        ("", locator_api.router),
        ("", reports_api.router),
        ("", reports_feed_api.router),
        ("", reports_claims_api.router),
    ]:
        api.add_router(prefix, router)


_register_routers()

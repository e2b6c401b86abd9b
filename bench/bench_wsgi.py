"""Pages and API calls as gunicorn serves them: through ``openecf.wsgi.application``.

Each line compares one request with a static Django view that returns the same bytes through
the same WSGI handler and middleware (``bench/urls.py``): the ratio is what the request's own
work costs on top of Django, including opening (or reusing) the database connection, which
Django's test client hides by keeping it open.

- ``wsgi_court_page_signed_in_vs_static``: ``/mowd/`` with a live ``NextGenCSO`` session.
- ``wsgi_api_me_vs_static``: ``GET /api/v1/me`` with ``Authorization: Bearer``.
- ``wsgi_clerk_login_list_vs_static``: ``/mowd/clerk/logins/`` as the court's clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.harness import Answer, Result, benchmark, best_of, same_bytes_as, through_wsgi


@dataclass(frozen=True)
class Request:
    """One request a benchmark repeats, and what its answer must contain."""

    name: str
    method: str
    path: str
    headers: dict[str, str]
    expect: bytes

    def send(self) -> Answer:
        answer = through_wsgi(self.method, self.path, headers=self.headers)
        assert answer.status == 200 and self.expect in answer.body, (self.path, answer.status)
        return answer


def session_token(username: str) -> str:
    """A live Central Sign-On session for a demo (or bench) account."""
    from openecf.accounts.models import Account
    from openecf.signon.sessions import start_session

    account = Account.objects.get(username=username)
    return start_session(account_id=account.pk).token


def bench_reader() -> str:
    from bench.bench_signon import _bench_account

    return _bench_account("benchreader1").username


def court_page() -> Request:
    username = bench_reader()
    token = session_token(username)
    return Request(
        "court page", "GET", "/mowd/", {"Cookie": f"NextGenCSO={token}"}, username.encode()
    )


def api_me() -> Request:
    username = bench_reader()
    token = session_token(username)
    return Request(
        "API call", "GET", "/api/v1/me", {"Authorization": f"Bearer {token}"}, username.encode()
    )


def clerk_login_list() -> Request:
    from openecf.ecf.demo import CLERK_USERNAME

    token = session_token(CLERK_USERNAME)
    return Request(
        "clerk login list",
        "GET",
        "/mowd/clerk/logins/",
        {"Cookie": f"NextGenCSO={token}"},
        CLERK_USERNAME.encode(),
    )


def versus_static(name: str, build: Callable[[], Request]) -> Result:
    request = build()
    static = same_bytes_as(name, request.send())

    def baseline() -> None:
        assert through_wsgi("GET", static).status == 200

    return Result(name, best_of(request.send), best_of(baseline), target="informational")


@benchmark
def wsgi_court_page_signed_in_vs_static() -> Result:
    return versus_static("wsgi_court_page_signed_in_vs_static", court_page)


@benchmark
def wsgi_api_me_vs_static() -> Result:
    return versus_static("wsgi_api_me_vs_static", api_me)


@benchmark
def wsgi_clerk_login_list_vs_static() -> Result:
    return versus_static("wsgi_clerk_login_list_vs_static", clerk_login_list)

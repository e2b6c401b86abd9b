"""A form's action carried out, or its refusal put on the form (``core.web.carried_out``)."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from openecf.core.errors import DomainError, InputInvalid
from openecf.core.web import carried_out


class NameForm(forms.Form):
    name = forms.CharField()


def _posted() -> tuple:
    request = RequestFactory().post("/", {"name": "Ada"})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    form = NameForm(request.POST)
    assert form.is_valid()
    return request, form


def _said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(request)]


def test_a_done_action_answers_what_it_did_and_says_so_on_the_next_page():
    request, form = _posted()
    done = carried_out(request, form, lambda: 42, lambda n: f"Saved {n}.")
    assert done == 42
    assert _said(request) == [("success", "Saved 42.")]
    assert form.errors == {}


def test_a_refusal_answers_none_and_stands_on_the_field_it_names():
    request, form = _posted()

    def refuse():
        raise InputInvalid({"name": ["That name is taken."]})

    assert carried_out(request, form, refuse, lambda _: "never said") is None
    assert form.errors == {"name": ["That name is taken."]}
    assert _said(request) == []


def test_a_refusal_of_no_field_stands_above_the_form_and_aliases_map_names():
    request, form = _posted()

    def refuse():
        raise InputInvalid({"full_name": ["Too long."], "": ["Not today."]})

    assert carried_out(request, form, refuse, str, aliases={"full_name": "name"}) is None
    assert form.errors == {"name": ["Too long."], "__all__": ["Not today."]}


def test_any_domain_refusal_is_put_on_the_form():
    request, form = _posted()

    def refuse():
        raise DomainError("The court is closed.")

    assert carried_out(request, form, refuse, str) is None
    assert form.non_field_errors() == ["The court is closed."]

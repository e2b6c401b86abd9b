"""What the filing pages and the case-opening pages share: both walk a server-side draft step
by step, keep uploaded PDFs on it, and submit it from a review page that may take a card."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from openecf.core import clock
from openecf.core.errors import DomainError, InputInvalid
from openecf.core.web import show_on_form
from openecf.courts.access import signed_in_court
from openecf.courts.models import Court
from openecf.courts.presentation import court_page
from openecf.docket import actions
from openecf.docket.errors import DraftNotFound, PrivacyCheckHits
from openecf.docket.forms import DocumentForm
from openecf.docket.models import DocketEntry, FilingDraft
from openecf.payments import facade as payments

Done = TypeVar("Done")


def posted(request: HttpRequest):
    """The submitted form data (an empty submission is still a submission), or None."""
    return request.POST if request.method == "POST" else None


def form_page(
    request: HttpRequest, court: Court, template: str, form: Any, **extra: Any
) -> HttpResponse:
    """A page with a form (or None): 400 while the form shows problems."""
    status = 400 if form is not None and form.errors else 200
    return court_page(request, court, template, status=status, form=form, **extra)


def own_draft(
    request: HttpRequest, court_id: str, draft_id: int, *, to: str
) -> tuple[Court, FilingDraft]:
    """The court and the signed-in person's own draft there."""
    court, _ = signed_in_court(request, court_id, to=to)
    draft = actions.draft_of(
        account_id=request.account.pk, court_id=court.pk, draft_id=draft_id, now=clock.now()
    )
    return court, draft


def filed_draft(
    request: HttpRequest, court_id: str, draft_id: int, *, to: str, missing: str
) -> tuple[Court, FilingDraft, DocketEntry]:
    """The court, the person's own draft that has been filed, and its entry, for a receipt
    (``missing``: what the page says when there is no such receipt)."""
    court, _ = signed_in_court(request, court_id, to=to)
    draft = (
        FilingDraft.objects.select_related("entry", "entry__event")
        .filter(pk=draft_id, court=court, account=request.account, entry__isnull=False)
        .first()
    )
    if draft is None or draft.entry is None:
        raise DraftNotFound(missing)
    return court, draft, draft.entry


def step_problems(
    problems: Mapping[str, list[str]], on_step: Callable[[str], bool]
) -> InputInvalid | None:
    """The problems of the fields ``on_step`` says the step owns (a step shows only its own:
    later steps are not done yet), or None."""
    mine = {field: found for field, found in problems.items() if on_step(field)}
    return InputInvalid(mine) if mine else None


def step_page(
    request: HttpRequest,
    court: Court,
    template: str,
    *,
    draft: FilingDraft,
    steps: list[dict[str, Any]],
    form: Any,
    **extra: Any,
) -> HttpResponse:
    """One step's page."""
    return form_page(request, court, template, form, draft=draft, steps=steps, **extra)


def next_step(draft: FilingDraft, names: Sequence[str], after: str, *, url: str) -> HttpResponse:
    """To the step that follows ``after`` among ``names`` (``url`` takes the step's name)."""
    following = names[list(names).index(after) + 1]
    return redirect(url.format(following), court_id=draft.court_id, draft_id=draft.pk)


def removed_file(request: HttpRequest, draft: FilingDraft) -> None:
    """The documents step's remove button: the PDF at that position leaves the draft."""
    position = request.POST["remove"]
    if position.isdigit() and len(position) <= 3:  # the page's own buttons: 0-999
        actions.remove_draft_file(draft=draft, position=int(position))


def kept_upload(
    form: DocumentForm,
    draft: FilingDraft,
    *,
    main: bool,
    kind: str | None = None,
    description: str | None = None,
) -> bool:
    """Keep the valid form's PDF on the draft, checked on upload (as the form's kind and
    description unless given); False with the refusal put on the form."""
    data = form.cleaned_data
    try:
        actions.add_draft_file(
            draft=draft,
            source=data["pdf"],
            file_name=data["pdf"].name,
            main=main,
            kind=kind or data["kind"],
            description=description or data["description"],
        )
    except DomainError as error:
        show_on_form(form, error, aliases={"document": "pdf", "file": "pdf"})
        return False
    return True


def typed_card(data: dict[str, Any]) -> payments.Card:
    """The card typed on a review page."""
    return payments.Card(
        number=data["card_number"],
        exp_month=data["exp_month"],
        exp_year=data["exp_year"],
        cvc=data["cvc"],
        name=data["card_name"],
    )


def submitted(form: Any, submit: Callable[[], Done]) -> tuple[Done | None, list]:
    """Submit the draft from its review page: what was filed and no privacy hits, or None with
    the refusal on the form (and the privacy check's hits, when that was the refusal)."""
    try:
        return submit(), []
    except PrivacyCheckHits as error:
        form.add_error("privacy_reason", error.message)
        return None, error.items
    except DomainError as error:
        show_on_form(form, error, aliases={"payment": "card_number"})
        return None, []


def receipt_documents(entry: DocketEntry, court: Court) -> dict[str, Any]:
    """A receipt page's documents of the filed entry and the time it was filed."""
    return {
        "documents": list(
            entry.documents.select_related("stored_pdf").order_by("attachment_number")
        ),
        "filed_at": clock.format_court_time(entry.filed_at, court.time_zone),
    }

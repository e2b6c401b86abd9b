"""Filing an entry, page by page in CM/ECF's order, on a server-side draft.

Start (event and case number) → parties (filer, filed against, the attorney's flags, sealed)
→ documents (main PDF and attachments, checked on upload and kept on the draft) → a proof of
claim's amounts (amount claimed, secured, priority; that event only) → links,
modifier and free text → review (the final docket text, the fee, "Have you redacted?", the
privacy check's hits) → submit → the receipt. Back and next keep everything on the draft.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.errors import InputInvalid
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts import doc_ids
from openecf.courts.access import signed_in_court, standing_of
from openecf.courts.models import Court
from openecf.courts.presentation import court_page
from openecf.docket import access, actions, queries, rules
from openecf.docket.forms import (
    ClaimForm,
    DocumentForm,
    LinksForm,
    PartiesForm,
    ReviewForm,
    StartForm,
)
from openecf.docket.models import FilingDraft
from openecf.docket.views import wizard
from openecf.ecf import facade as ecf

STEPS = [
    ("parties", "Parties"),
    ("documents", "Documents"),
    ("claim", "Claim amounts"),
    ("links", "Links and text"),
    ("review", "Review and submit"),
]
# The fields each step owns: a step shows only its own problems (later steps are not done).
STEP_FIELDS = {
    "parties": {"filer_parties", "against_parties", "sealed", "on_behalf_of"},
    "documents": {"document", "attachments"},
    "claim": {"claim", *(f"claim.{name}" for name in rules.CLAIM_FIELDS)},
    "links": {"links", "modifier", "free_text"},
}
# The rules' names for the amounts -> the claim step's form fields.
CLAIM_ALIASES = {f"claim.{name}": name for name in rules.CLAIM_FIELDS}


def _draft(request: HttpRequest, court_id: str, draft_id: int) -> tuple[Court, FilingDraft]:
    return wizard.own_draft(request, court_id, draft_id, to="file")


def _steps(draft: FilingDraft, here: str) -> list[dict[str, Any]]:
    assert draft.event is not None
    return [
        {"name": name, "label": label, "current": name == here}
        for name, label in STEPS
        if not (name == "documents" and draft.event.text_only)
        and not (name == "claim" and draft.event.code != queries.PROOF_OF_CLAIM)
    ]


def _next(draft: FilingDraft, after: str) -> HttpResponse:
    names = [s["name"] for s in _steps(draft, after)]
    return wizard.next_step(draft, names, after, url="docket:filing_{}")


def _plan(
    request: HttpRequest, court: Court, draft: FilingDraft, **given: Any
) -> actions.PreparedFiling:
    assert draft.caseid is not None
    files = actions.draft_files(draft)
    return actions.plan_filing(
        account=request.account,
        court=court,
        caseid=draft.caseid,
        choices=actions.draft_choices(draft, **given),
        has_document=bool(files) and files[0].position == 0,
        attachment_labels=[(f.kind, f.description) for f in files if f.position > 0],
        now=clock.now(),
    )


def _step_problems(error: InputInvalid, step: str) -> InputInvalid | None:
    return wizard.step_problems(error.problems, lambda field: field in STEP_FIELDS[step])


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_start(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="file")
    actions.ensure_catalogue(court_id=court.pk)
    court_user = access.is_court_user(standing)
    events = [
        e
        for e in queries.events_of(court_id=court.pk)
        if not e.opens_case and (court_user or e.filers == "filers")
    ]
    form = StartForm(wizard.posted(request), events=events, initial=request.GET.dict())
    matches: list = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matches = cases.find_cases(court_id=court.pk, number=data["case_number"], standing=standing)
        chosen = [c for c in matches if c.caseid == data["caseid"]] if data["caseid"] else matches
        if len(chosen) == 1:
            draft = actions.start_draft(
                account=request.account,
                court=court,
                caseid=chosen[0].caseid,
                event=queries.event(court_id=court.pk, code=data["event"]),
            )
            return redirect("docket:filing_parties", court_id=court.pk, draft_id=draft.pk)
        if not matches:
            form.add_error("case_number", f"{court.short_name} has no case {data['case_number']}.")
    return wizard.form_page(request, court, "docket/filing_start.html", form, matches=matches)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_parties(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    assert draft.event is not None and draft.caseid is not None
    principals = [
        (pid, person.full_name)
        for pid in ecf.attorneys_filed_for(court_id=court.pk, agent_id=request.account.pk)
        if (person := accounts.person(account_id=pid)) is not None
    ]
    form = PartiesForm(
        wizard.posted(request),
        parties=[p for p in cases.parties(caseid=draft.caseid) if p.terminated_on is None],
        asks_against=draft.event.asks_against,
        may_be_sealed=draft.event.may_be_sealed
        or access.is_court_user(standing_of(request, court)),
        principals=principals,
        initial={
            "filer_parties": draft.filer_party_ids,
            "against_parties": draft.against_party_ids,
            "sealed": draft.sealed,
            "on_behalf_of": draft.on_behalf_of_id,
            "lead": draft.lead,
            "to_be_noticed": draft.to_be_noticed,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        given = {
            "filer_parties": tuple(data["filer_parties"]),
            "against_parties": tuple(data.get("against_parties", ())),
            "sealed": data.get("sealed", False),
            "on_behalf_of": data.get("on_behalf_of"),
            "lead": data["lead"],
            "to_be_noticed": data["to_be_noticed"],
        }
        if _checked_step(request, court, draft, form, "parties", given):
            return _next(draft, "parties")
    return _step_page(request, court, draft, "parties", form)


def _checked_step(
    request: HttpRequest,
    court: Court,
    draft: FilingDraft,
    form: Any,
    step: str,
    given: dict,
    aliases: dict[str, str] | None = None,
) -> bool:
    """Check the step's own choices; keep them on the draft when they are right."""
    try:
        _plan(request, court, draft, **given)
    except InputInvalid as error:
        mine = _step_problems(error, step)
        if mine is not None:
            show_on_form(form, mine, aliases=aliases)
            return False
    actions.save_draft(draft=draft, choices=actions.draft_choices(draft, **given))
    return True


def _step_page(
    request: HttpRequest, court: Court, draft: FilingDraft, step: str, form: Any, **extra: Any
) -> HttpResponse:
    assert draft.caseid is not None
    return wizard.step_page(
        request,
        court,
        f"docket/filing_{step}.html",
        draft=draft,
        steps=_steps(draft, step),
        form=form,
        case=cases.case(court_id=court.pk, caseid=draft.caseid),
        **extra,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_documents(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    form = DocumentForm()
    if request.method == "POST":
        if "remove" in request.POST:
            wizard.removed_file(request, draft)
            return redirect("docket:filing_documents", court_id=court.pk, draft_id=draft.pk)
        if "next" in request.POST:
            files = actions.draft_files(draft)
            if files and files[0].position == 0:
                return _next(draft, "documents")
            form = DocumentForm(data={})
            form.is_valid()  # a bound form keeps its problems; the message says what to do
            form.add_error(None, "Upload the main document as a PDF first.")
        else:
            form = DocumentForm(request.POST, request.FILES)
            main = not any(f.position == 0 for f in actions.draft_files(draft))
            if form.is_valid() and wizard.kept_upload(form, draft, main=main):
                return redirect("docket:filing_documents", court_id=court.pk, draft_id=draft.pk)
    return _step_page(request, court, draft, "documents", form, files=actions.draft_files(draft))


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_claim(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    assert draft.event is not None
    if draft.event.code != queries.PROOF_OF_CLAIM:  # only a proof of claim states amounts
        return redirect("docket:filing_links", court_id=court.pk, draft_id=draft.pk)
    form = ClaimForm(wizard.posted(request), initial=draft.claim or {})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        given = {"claim": {name: data[name] or 0 for name in rules.CLAIM_FIELDS}}
        if _checked_step(request, court, draft, form, "claim", given, CLAIM_ALIASES):
            return _next(draft, "claim")
    return _step_page(request, court, draft, "claim", form)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_links(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    assert draft.caseid is not None
    sees_sealed = access.is_court_user(standing_of(request, court))
    form = LinksForm(
        wizard.posted(request),
        entries=queries.docket_of(caseid=draft.caseid, sees_sealed=sees_sealed, participant=True),
        initial={"links": draft.links, "modifier": draft.modifier, "free_text": draft.free_text},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        given = {
            "links": tuple(data["links"]),
            "modifier": data["modifier"],
            "free_text": data["free_text"],
        }
        if _checked_step(request, court, draft, form, "links", given):
            return _next(draft, "links")
    return _step_page(request, court, draft, "links", form)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def filing_review(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    hits: list = []
    plan_error = None
    assert draft.event is not None
    try:
        plan = _plan(request, court, draft)
        if plan.event.code == queries.PROOF_OF_CLAIM and plan.choices.claim is None:
            raise InputInvalid({"claim": ["Give the claim's amounts on the claim amounts step."]})
    except InputInvalid as error:
        plan, plan_error = None, error
    fee = plan.fee if plan else None
    form = ReviewForm(
        wizard.posted(request),
        fee=fee,
        # Court staff are not asked "Have you redacted?"; a text-only entry has no PDF to check.
        asks_redaction=not (plan and plan.filer.is_court) and not draft.event.text_only,
        asks_privacy=not draft.event.text_only,
    )
    if request.method == "POST" and plan is not None and form.is_valid():
        data = form.cleaned_data
        filed, hits = wizard.submitted(
            form,
            lambda: actions.submit_draft(
                account=request.account,
                draft=draft,
                redaction_confirmed=data.get("redaction_confirmed", False),
                privacy_reason=data.get("privacy_reason") or None,
                fee=actions.FeeChoice(card=wizard.typed_card(data) if fee else None),
                redaction_acknowledged=access.redaction_acknowledged(request),
            ),
        )
        if filed is not None:
            messages.success(request, f"Entry {filed.entry_number} filed.")
            return redirect("docket:filing_receipt", court_id=court.pk, draft_id=draft.pk)
    return _step_page(
        request,
        court,
        draft,
        "review",
        form,
        plan=plan,
        plan_error=plan_error,
        claim=plan.choices.claim if plan else None,
        text=actions.preview_text(plan) if plan else "",
        fee=fee,
        hits=hits,
        files=actions.draft_files(draft),
    )


@domain_errors_as_pages
def filing_receipt(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, _, entry = wizard.filed_draft(
        request,
        court_id,
        draft_id,
        to="see your filing",
        missing="There is no such filing receipt.",
    )
    return court_page(
        request,
        court,
        "docket/filing_receipt.html",
        entry=entry,
        case=cases.case(court_id=court.pk, caseid=entry.caseid),
        **wizard.receipt_documents(entry, court),
        # The /doc1/ id of the filed document, for the filer's free look (none when sealed).
        free_look_doc_id=(
            doc_ids.doc_id(court.pk, entry.pk)
            if not entry.sealed and entry.documents.exists()
            else ""
        ),
    )

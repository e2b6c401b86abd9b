"""Opening a case, page by page (CM/ECF's "Open a Civil Case", "Open Voluntary BK Case").

Kind → case data → parties → documents (the opening PDF, attachments, a fee application) →
review and pay (the final docket text, "Have you redacted?", the fee by stored card or a new
one) → the receipt with the new case number and the next steps. Everything is kept on a
server-side draft (``FilingDraft.opening``), so back and next lose nothing. The fee is paid
before the case exists: a declined card leaves no case and the page says why.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.errors import DomainError, InputInvalid
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import Standing, require_signed_in, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.docket import access, actions, opening_rules
from openecf.docket.errors import DraftNotFound, PrivacyCheckHits
from openecf.docket.forms import DocumentForm
from openecf.docket.models import FilingDraft
from openecf.docket.opening_forms import (
    KIND_LABELS,
    PARTY_ROWS_EXTRA,
    PARTY_ROWS_MAX,
    CaseDataForm,
    KindForm,
    OpeningReviewForm,
    PartiesForm,
)
from openecf.payments import facade as payments

STEPS = [
    ("case", "Case"),
    ("parties", "Parties"),
    ("documents", "Documents"),
    ("review", "Review and pay"),
]
CASE_FIELDS = {
    "kind",
    "event",
    "title",
    "short_title",
    "office_number",
    "nature_of_suit",
    "cause",
    "jurisdiction",
    "jury_demand",
    "demand_amount",
    "chapter",
    "sealed",
    "fee_arrangement",
    "origin",
    "lead_caseid",
}
DOCUMENT_FIELDS = {"document", "attachments", "fee_application"}


def _step_of(field: str) -> str:
    if field in CASE_FIELDS:
        return "case"
    if field == "parties" or field.startswith("parties."):
        return "parties"
    if field in DOCUMENT_FIELDS:
        return "documents"
    return "review"


def kinds_for(court: Court, standing: Standing) -> list[str]:
    """The kinds of case this person may open here: filers file complaints and petitions,
    the court's staff also open criminal, miscellaneous and appellate cases."""
    court_user = access.is_court_user(standing)
    if court.kind == Court.Kind.DISTRICT:
        return ["cv", "cr", "mc"] if court_user else ["cv"]
    if court.kind == Court.Kind.BANKRUPTCY:
        return ["bk", "ap"]
    return ["ca"] if court_user else []


def _page(request: HttpRequest, court: Court, template: str, status: int = 200, **extra: Any):
    return render(
        request,
        template,
        {"court": court, "standing": standing_of(request, court), **extra},
        status=status,
    )


def _draft(request: HttpRequest, court_id: str, draft_id: int) -> tuple[Court, FilingDraft]:
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="open a case")
    draft = actions.draft_of(
        account_id=request.account.pk, court_id=court.pk, draft_id=draft_id, now=clock.now()
    )
    if not draft.opening.get("uuid") or draft.caseid is not None:
        raise DraftNotFound("There is no such case opening in progress.")
    return court, draft


def _steps(draft: FilingDraft, here: str) -> list[dict[str, Any]]:
    return [{"name": n, "label": label, "current": n == here} for n, label in STEPS]


def _step_page(
    request: HttpRequest, court: Court, draft: FilingDraft, step: str, form: Any, **extra: Any
) -> HttpResponse:
    kind = draft.opening["kind"]
    return _page(
        request,
        court,
        f"docket/opening_{step}.html",
        status=400 if form is not None and form.errors else 200,
        draft=draft,
        kind=kind,
        kind_label=KIND_LABELS[kind],
        steps=_steps(draft, step),
        form=form,
        **extra,
    )


def _next(draft: FilingDraft, after: str) -> HttpResponse:
    names = [name for name, _ in STEPS]
    following = names[names.index(after) + 1]
    return redirect(f"docket:opening_{following}", court_id=draft.court_id, draft_id=draft.pk)


def _problems(request: HttpRequest, court: Court, draft: FilingDraft) -> dict[str, list[str]]:
    """Every problem of the opening as it stands (the PDFs' own checks come at submission)."""
    files = actions.draft_files(draft)
    try:
        request_ = actions.draft_request(draft)
        arrangement = request_.fee_arrangement
        actions.plan_opening(
            account=request.account,
            court=court,
            request=request_,
            has_document=any(f.position == 0 for f in files),
            attachment_labels=[
                (f.kind, f.description)
                for f in files
                if f.position > 0 and f.kind != actions.FEE_APPLICATION_KIND
            ],
            has_application=any(f.kind == actions.FEE_APPLICATION_KIND for f in files)
            if arrangement != opening_rules.PAY
            else False,
            now=clock.now(),
        )
    except InputInvalid as error:
        return error.problems
    return {}


def _mine(problems: dict[str, list[str]], step: str) -> InputInvalid | None:
    found = {k: v for k, v in problems.items() if _step_of(k) == step}
    return InputInvalid(found) if found else None


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_start(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    standing = standing_of(request, court)
    require_signed_in(standing, to="open a case")
    kinds = kinds_for(court, standing)
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in kinds else {}
    form = KindForm(
        request.POST if request.method == "POST" else None, kinds=kinds, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        code = opening_rules.opening_event(kind, chapter=7)
        assert code is not None
        access.filer_for(
            account=request.account,
            standing=standing,
            court=court,
            event=actions.opening_event_row(court_id=court.pk, code=code),
            on_behalf_of=None,
            now=clock.now(),
            redaction_acknowledged=_acknowledged(request),
        )  # FilingNotAllowed: the page says what is missing before anything is typed
        draft = actions.start_opening_draft(account=request.account, court=court, kind=kind)
        return redirect("docket:opening_case", court_id=court.pk, draft_id=draft.pk)
    return _page(
        request,
        court,
        "docket/opening_start.html",
        status=400 if form.errors else 200,
        form=form,
        kinds=kinds,
    )


def _acknowledged(request: HttpRequest) -> bool | None:
    session = getattr(request, "cso_session", None)
    return None if session is None else bool(session.redaction_acknowledged)


def _origin_courts(court: Court) -> list[tuple[str, str]]:
    """The district and bankruptcy courts whose appeals come to this court of appeals."""
    found = []
    for other in Court.objects.filter(
        kind__in=[Court.Kind.DISTRICT, Court.Kind.BANKRUPTCY]
    ).order_by("pk"):
        if not cases.appeal_origin_problem(
            appellate_court_id=court.pk,
            origin_court_id=other.pk,
            origin_kind=other.kind,
            origin_state=other.state,
        ):
            found.append((other.pk, f"{other.short_name} ({other.pk})"))
    return found


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_case(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    kind = draft.opening["kind"]
    saved = dict(draft.opening.get("case", {}))
    cover = saved.get("cover_sheet", {})
    form = CaseDataForm(
        request.POST if request.method == "POST" else None,
        kind=kind,
        offices=cases.offices(court_id=court.pk),
        court_user=access.is_court_user(standing_of(request, court)),
        origin_courts=_origin_courts(court) if kind == "ca" else [],
        initial={
            **saved,
            "cover_origin": cover.get("origin", "1"),
            "class_action": cover.get("class_action") == "yes",
            "related_case": cover.get("related_case", ""),
            "fee_arrangement": saved.get("fee_arrangement", "pay"),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if kind == "cv":
            data["cover_sheet"] = {
                "origin": data.pop("cover_origin"),
                "class_action": "yes" if data.pop("class_action") else "no",
                "related_case": data.pop("related_case").strip(),
            }
        if data.get("demand_amount") is not None:
            data["demand_amount"] = str(data["demand_amount"])
        if kind == "ca":
            found = cases.find_cases(
                court_id=data["origin_court_id"], number=data["origin_case_number"]
            )
            if len(found) != 1:
                form.add_error(
                    "origin_case_number",
                    "Enter the full number of one case at that court."
                    if found
                    else "That court has no such case.",
                )
            else:
                data["origin_caseid"] = found[0].caseid
        if kind == "ap":
            lead = [
                c
                for c in cases.find_cases(court_id=court.pk, number=data["lead_case_number"])
                if c.kind == "bk"
            ]
            if len(lead) != 1:
                form.add_error(
                    "lead_case_number",
                    "Enter the full number of one bankruptcy case of this court."
                    if lead
                    else f"{court.short_name} has no such bankruptcy case.",
                )
            else:
                data["lead_caseid"] = lead[0].caseid
        if not form.errors:
            opening = {**draft.opening, "case": data}
            code = opening_rules.opening_event(
                kind, chapter=data.get("chapter"), chosen=data.get("event", "")
            )
            draft = actions.save_opening_draft(
                draft=draft,
                opening=opening,
                event=actions.opening_event_row(court_id=court.pk, code=code) if code else None,
            )  # fmt: skip
            mine = _mine(_problems(request, court, draft), "case")
            if mine is None:
                return _next(draft, "case")
            show_on_form(
                form,
                mine,
                aliases={"origin": "origin_entry_number", "lead_caseid": "lead_case_number"},
            )
    return _step_page(request, court, draft, "case", form)


def _aliases(text: str) -> list[list[str]]:
    """``dba: Dana's Bakery`` lines as ``[name, kind]`` pairs (a line with no kind is aka)."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        kind, _, name = line.partition(":")
        if not name:
            kind, name = "aka", kind
        found.append([name.strip(), kind.strip().lower()])
    return found


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_parties(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    kind = draft.opening["kind"]
    saved = draft.opening.get("parties", [])
    standing = standing_of(request, court)
    rows = min(PARTY_ROWS_MAX, max(len(saved) + PARTY_ROWS_EXTRA, 4))
    if request.method == "POST" and "more" in request.POST:
        rows = min(PARTY_ROWS_MAX, rows + PARTY_ROWS_EXTRA)
    initial: dict[str, Any] = {
        "lead": draft.opening.get("lead", True),
        "to_be_noticed": draft.opening.get("to_be_noticed", True),
    }
    for n, party in enumerate(saved):
        initial.update(
            {
                f"name_{n}": party["name"],
                f"role_{n}": party["role"],
                f"aliases_{n}": "\n".join(f"{k}: {a}" for a, k in party.get("aliases", [])),
                f"attorneys_{n}": ", ".join(party.get("attorneys", [])),
                f"tax_id_{n}": "",  # never shown again: typed anew only to change it
            }
        )
    form = PartiesForm(
        request.POST if request.method == "POST" and "more" not in request.POST else None,
        roles=cases.roles_of(kind),
        rows=rows,
        debtors=kind == "bk",
        filer_flags=not access.is_court_user(standing),
        initial=initial,
    )
    if request.method == "POST" and "more" not in request.POST and form.is_valid():
        data = form.cleaned_data
        parties = []
        for n in range(rows):
            name = data.get(f"name_{n}", "").strip()
            role = data.get(f"role_{n}", "")
            if not name and not role:
                continue
            typed = (data.get(f"tax_id_{n}") or "").strip()
            before = saved[n].get("tax_id", "") if n < len(saved) else ""
            parties.append(
                {
                    "name": name,
                    "role": role,
                    "aliases": _aliases(data.get(f"aliases_{n}", "")),
                    "attorneys": [
                        u.strip() for u in data.get(f"attorneys_{n}", "").split(",") if u.strip()
                    ],
                    "tax_id": actions.sealed_tax_id(typed) if typed else before,
                }
            )
        opening = {
            **draft.opening,
            "parties": parties,
            "lead": data.get("lead", True),
            "to_be_noticed": data.get("to_be_noticed", True),
        }
        draft = actions.save_opening_draft(draft=draft, opening=opening)
        mine = _mine(_problems(request, court, draft), "parties")
        if mine is None:
            return _next(draft, "parties")
        show_on_form(form, _on_rows(mine))
    return _step_page(
        request,
        court,
        draft,
        "parties",
        form,
        rows=[
            {"fields": fields, "has_tax_id": n < len(saved) and bool(saved[n].get("tax_id"))}
            for n, fields in enumerate(form.party_rows())
        ],
    )


def _on_rows(error: InputInvalid) -> InputInvalid:
    """``parties.2.name`` -> the form's ``name_2`` (the row the party was typed on)."""
    found: dict[str, list[str]] = {}
    for where, sentences in error.problems.items():
        parts = where.split(".")
        if len(parts) == 3 and parts[1].isdigit():
            field = {"aliases": "aliases", "tax_id": "tax_id", "attorneys": "attorneys"}.get(
                parts[2], "name" if parts[2] == "name" else "role"
            )
            found.setdefault(f"{field}_{parts[1]}", []).extend(sentences)
        else:
            found.setdefault("__all__", []).extend(sentences)
    return InputInvalid(found)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_documents(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    arrangement = draft.opening.get("case", {}).get("fee_arrangement", opening_rules.PAY)
    if draft.event is None:
        messages.error(request, "Enter the case data first.")
        return redirect("docket:opening_case", court_id=court.pk, draft_id=draft.pk)
    form = DocumentForm()
    if request.method == "POST":
        files = actions.draft_files(draft)
        if "remove" in request.POST:
            actions.remove_draft_file(draft=draft, position=int(request.POST["remove"]))
            return redirect("docket:opening_documents", court_id=court.pk, draft_id=draft.pk)
        if "next" in request.POST:
            mine = _mine(_problems(request, court, draft), "documents")
            if mine is None:
                return _next(draft, "documents")
            form.cleaned_data = {}  # an unbound form takes the step's problems too
            show_on_form(form, mine, aliases={"document": "pdf", "fee_application": "pdf"})
        else:
            form = DocumentForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                application = request.POST.get("upload") == "fee_application"
                main = not application and not any(f.position == 0 for f in files)
                try:
                    actions.add_draft_file(
                        draft=draft,
                        source=data["pdf"],
                        file_name=data["pdf"].name,
                        main=main,
                        kind=actions.FEE_APPLICATION_KIND if application else data["kind"],
                        description=(
                            "Official Form 103A" if arrangement == "installments" else "Official Form 103B"
                        )
                        if application
                        else data["description"],
                    )  # fmt: skip
                except DomainError as error:
                    show_on_form(form, error, aliases={"document": "pdf", "file": "pdf"})
                else:
                    return redirect(
                        "docket:opening_documents", court_id=court.pk, draft_id=draft.pk
                    )
    files = actions.draft_files(draft)
    return _step_page(
        request,
        court,
        draft,
        "documents",
        form,
        files=files,
        has_main=any(f.position == 0 for f in files),
        wants_application=arrangement != opening_rules.PAY,
        application_kind=actions.FEE_APPLICATION_KIND,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_review(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court, draft = _draft(request, court_id, draft_id)
    problems = _problems(request, court, draft)
    plan = None
    if not problems:
        plan = actions.plan_opening(
            account=request.account,
            court=court,
            request=actions.draft_request(draft),
            has_document=True,
            attachment_labels=[
                (f.kind, f.description)
                for f in actions.draft_files(draft)
                if f.position > 0 and f.kind != actions.FEE_APPLICATION_KIND
            ],
            has_application=draft.opening.get("case", {}).get("fee_arrangement", "pay") != "pay",
            now=clock.now(),
        )
    fee = plan.prepared.fee if plan else None
    methods = payments.stored_methods(payer_id=request.account.pk, now=clock.now()) if fee else []
    form = OpeningReviewForm(
        request.POST if request.method == "POST" else None, fee=fee, methods=methods
    )
    hits: list = []
    if request.method == "POST" and plan is not None and form.is_valid():
        data = form.cleaned_data
        fee_choice = None
        if fee:
            if data["method"] == "card":
                fee_choice = actions.FeeChoice(
                    card=payments.Card(
                        number=data["card_number"],
                        exp_month=data["exp_month"],
                        exp_year=data["exp_year"],
                        cvc=data["cvc"],
                        name=data["card_name"],
                    )
                )
            else:
                fee_choice = actions.FeeChoice(method_id=int(data["method"]))
        try:
            opened = actions.submit_opening_draft(
                account=request.account,
                draft=draft,
                redaction_confirmed=data["redaction_confirmed"],
                privacy_reason=data["privacy_reason"] or None,
                fee=fee_choice,
                redaction_acknowledged=_acknowledged(request),
            )
        except PrivacyCheckHits as error:
            hits = error.items
            form.add_error("privacy_reason", error.message)
        except DomainError as error:
            show_on_form(form, error, aliases={"payment": "card_number"})
        else:
            messages.success(request, f"Case {opened.case.shown_number} opened.")
            return redirect("docket:opening_receipt", court_id=court.pk, draft_id=draft.pk)
    steps_with_problems = sorted({_step_of(k) for k in problems}, key=[s for s, _ in STEPS].index)
    return _step_page(
        request,
        court,
        draft,
        "review",
        form,
        problems=problems,
        problem_steps=steps_with_problems,
        plan=plan,
        text=actions.preview_text(plan.prepared) if plan else "",
        application_text=actions.preview_text(plan.application)
        if plan and plan.application
        else "",
        fee=fee,
        hits=hits,
        files=actions.draft_files(draft),
    )


@domain_errors_as_pages
def opening_receipt(request: HttpRequest, court_id: str, draft_id: int) -> HttpResponse:
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="see your case")
    draft = (
        FilingDraft.objects.select_related("entry")
        .filter(pk=draft_id, court=court, account=request.account, entry__isnull=False)
        .exclude(opening={})
        .first()
    )
    if draft is None or draft.entry is None or draft.caseid is None:
        raise DraftNotFound("There is no such case opening receipt.")
    entry = draft.entry
    case = cases.case(court_id=court.pk, caseid=draft.caseid)
    application = entry.__class__.objects.filter(caseid=case.caseid, entry_number=2).first()
    return _page(
        request,
        court,
        "docket/opening_receipt.html",
        case=case,
        judge=cases.judge_name(case),
        entry=entry,
        application=application
        if draft.opening.get("case", {}).get("fee_arrangement", "pay") != "pay"
        else None,
        documents=list(entry.documents.select_related("stored_pdf").order_by("attachment_number")),
        filed_at=clock.format_court_time(entry.filed_at, court.time_zone),
        parties=cases.parties(caseid=case.caseid),
    )

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
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.errors import InputInvalid
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import Standing, signed_in_court, standing_of
from openecf.courts.models import Court
from openecf.courts.presentation import court_page
from openecf.docket import access, actions, opening_rules
from openecf.docket.errors import DraftNotFound
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
from openecf.docket.views import wizard
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


def _draft(request: HttpRequest, court_id: str, draft_id: int) -> tuple[Court, FilingDraft]:
    court, draft = wizard.own_draft(request, court_id, draft_id, to="open a case")
    if not draft.opening.get("uuid") or draft.caseid is not None:
        raise DraftNotFound("There is no such case opening in progress.")
    return court, draft


def _steps(draft: FilingDraft, here: str) -> list[dict[str, Any]]:
    return [{"name": n, "label": label, "current": n == here} for n, label in STEPS]


def _step_page(
    request: HttpRequest, court: Court, draft: FilingDraft, step: str, form: Any, **extra: Any
) -> HttpResponse:
    kind = draft.opening["kind"]
    return wizard.step_page(
        request,
        court,
        f"docket/opening_{step}.html",
        draft=draft,
        steps=_steps(draft, step),
        form=form,
        kind=kind,
        kind_label=KIND_LABELS[kind],
        **extra,
    )


def _next(draft: FilingDraft, after: str) -> HttpResponse:
    return wizard.next_step(draft, [name for name, _ in STEPS], after, url="docket:opening_{}")


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
    return wizard.step_problems(problems, lambda field: _step_of(field) == step)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def opening_start(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="open a case")
    kinds = kinds_for(court, standing)
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in kinds else {}
    form = KindForm(wizard.posted(request), kinds=kinds, initial=initial)
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
            redaction_acknowledged=access.redaction_acknowledged(request),
        )  # FilingNotAllowed: the page says what is missing before anything is typed
        draft = actions.start_opening_draft(account=request.account, court=court, kind=kind)
        return redirect("docket:opening_case", court_id=court.pk, draft_id=draft.pk)
    return wizard.form_page(request, court, "docket/opening_start.html", form, kinds=kinds)


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
        wizard.posted(request),
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
            wizard.removed_file(request, draft)
            return redirect("docket:opening_documents", court_id=court.pk, draft_id=draft.pk)
        if "next" in request.POST:
            mine = _mine(_problems(request, court, draft), "documents")
            if mine is None:
                return _next(draft, "documents")
            form.cleaned_data = {}  # an unbound form takes the step's problems too
            show_on_form(form, mine, aliases={"document": "pdf", "fee_application": "pdf"})
        else:
            form = DocumentForm(request.POST, request.FILES)
            if request.POST.get("upload") == "fee_application":
                kept = form.is_valid() and wizard.kept_upload(
                    form,
                    draft,
                    main=False,
                    kind=actions.FEE_APPLICATION_KIND,
                    description="Official Form 103A"
                    if arrangement == "installments"
                    else "Official Form 103B",
                )
            else:
                main = not any(f.position == 0 for f in files)
                kept = form.is_valid() and wizard.kept_upload(form, draft, main=main)
            if kept:
                return redirect("docket:opening_documents", court_id=court.pk, draft_id=draft.pk)
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
    form = OpeningReviewForm(wizard.posted(request), fee=fee, methods=methods)
    hits: list = []
    if request.method == "POST" and plan is not None and form.is_valid():
        data = form.cleaned_data
        fee_choice = None
        if fee:
            if data["method"] == "card":
                fee_choice = actions.FeeChoice(card=wizard.typed_card(data))
            else:
                fee_choice = actions.FeeChoice(method_id=int(data["method"]))
        opened, hits = wizard.submitted(
            form,
            lambda: actions.submit_opening_draft(
                account=request.account,
                draft=draft,
                redaction_confirmed=data["redaction_confirmed"],
                privacy_reason=data["privacy_reason"] or None,
                fee=fee_choice,
                redaction_acknowledged=access.redaction_acknowledged(request),
            ),
        )
        if opened is not None:
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
    missing = "There is no such case opening receipt."
    court, draft, entry = wizard.filed_draft(
        request, court_id, draft_id, to="see your case", missing=missing
    )
    if not draft.opening or draft.caseid is None:  # an entry filed into a case, not an opening
        raise DraftNotFound(missing)
    case = cases.case(court_id=court.pk, caseid=draft.caseid)
    application = entry.__class__.objects.filter(caseid=case.caseid, entry_number=2).first()
    return court_page(
        request,
        court,
        "docket/opening_receipt.html",
        case=case,
        judge=cases.judge_name(case),
        entry=entry,
        application=application
        if draft.opening.get("case", {}).get("fee_arrangement", "pay") != "pay"
        else None,
        parties=cases.parties(caseid=case.caseid),
        **wizard.receipt_documents(entry, court),
    )

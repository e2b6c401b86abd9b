"""Top-level actions are durable, helpers are not, and locks are taken in one order (ADR 6)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import transaction

from openecf.core import audit, locks
from openecf.core.models import AuditChain, AuditEvent
from openecf.core.transactions import durable_action
from openecf.tests_support.factories import DEFAULT_PASSWORD, AccountFactory

ROOT = Path(__file__).resolve().parents[2]

# Public functions in actions modules that run inside a caller's transaction on purpose.
HELPERS = {
    ("openecf/accounts/actions/registration.py", "issue_email_verification"),
    ("openecf/accounts/actions/registration.py", "save_with_new_account_number"),
    ("openecf/accounts/actions/service_center.py", "mark_as_filer"),
    ("openecf/cases/actions/clerk.py", "add_attorney_of_record"),
    ("openecf/cases/actions/clerk.py", "add_pro_se_filer"),
    ("openecf/cases/actions/clerk.py", "end_case"),
    ("openecf/cases/actions/opening.py", "open_case"),
    ("openecf/docket/actions/filing.py", "record_entry"),
    ("openecf/ecf/actions/privileges.py", "grant_privilege"),
    ("openecf/signon/actions/pending.py", "skip_mfa_enrolment"),
}


def _action_modules() -> list[Path]:
    return sorted([*ROOT.glob("*/actions.py"), *ROOT.glob("*/actions/*.py")])


def _plain_atomics(path: Path) -> list[str]:
    """Public functions of ``path`` that open ``transaction.atomic()`` outside any other block."""
    found = []
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.With) and any(
                ast.unparse(item.context_expr) == "transaction.atomic()" for item in inner.items
            ):
                outer = [
                    w
                    for w in ast.walk(node)
                    if isinstance(w, ast.With) and w is not inner and inner in ast.walk(w)
                ]
                if not outer:
                    found.append(node.name)
    return found


def test_every_top_level_action_is_durable():
    plain = {
        (str(path.relative_to(ROOT.parent)), name)
        for path in _action_modules()
        for name in _plain_atomics(path)
    }
    assert plain == HELPERS


@pytest.mark.django_db
def test_a_durable_action_inside_another_transaction_is_refused_and_changes_nothing():
    from openecf.accounts import actions

    account = AccountFactory()
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        actions.change_username(
            account=account, password=DEFAULT_PASSWORD, new_username="renamedinside1"
        )
    account.refresh_from_db()
    assert account.username != "renamedinside1"
    assert not AuditEvent.objects.filter(verb="account.username_changed").exists()


@pytest.mark.django_db
def test_a_durable_action_runs_under_the_test_cases_own_transaction():
    with durable_action():
        audit.record(actor_id=None, verb="t.one", subject="test:1")
    assert AuditEvent.objects.get().verb == "t.one"


@pytest.mark.django_db
def test_a_court_chain_after_the_central_chain_is_refused():
    with pytest.raises(locks.LockOrderBroken, match="after the central chain"), durable_action():
        audit.record(actor_id=None, verb="t.central", subject="test:1")
        audit.record(actor_id=None, verb="t.court", subject="test:1", court_id="mowd")
    assert AuditEvent.objects.count() == 0
    assert not AuditChain.objects.filter(name="mowd").exists()


@pytest.mark.django_db
def test_court_before_central_and_a_held_head_again_are_allowed():
    with durable_action():
        audit.record(actor_id=None, verb="t.court", subject="test:1", court_id="mowd")
        audit.record(actor_id=None, verb="t.central", subject="test:1")
        audit.record(actor_id=None, verb="t.court", subject="test:2", court_id="mowd")
        audit.record(actor_id=None, verb="t.central", subject="test:2")
    assert AuditEvent.objects.count() == 4


@pytest.mark.django_db
def test_two_courts_heads_are_taken_in_court_id_order():
    with durable_action():
        audit.record(actor_id=None, verb="t", subject="test:1", court_id="ksd")
        audit.record(actor_id=None, verb="t", subject="test:1", court_id="mowd")
    with pytest.raises(locks.LockOrderBroken, match="name order"), durable_action():
        audit.record(actor_id=None, verb="t", subject="test:2", court_id="mowd")
        audit.record(actor_id=None, verb="t", subject="test:2", court_id="ksd")
    assert AuditEvent.objects.count() == 2


@pytest.mark.django_db
def test_rows_are_locked_in_primary_key_order():
    accounts = [AccountFactory() for _ in range(3)]
    with transaction.atomic():
        from openecf.accounts.models import Account

        locked = locks.lock_rows(Account.objects.filter(pk__in=[a.pk for a in accounts]))
    assert [a.pk for a in locked] == sorted(a.pk for a in accounts)


@pytest.mark.django_db(transaction=True)
def test_locking_outside_a_transaction_is_refused():
    from openecf.accounts.models import Account

    with pytest.raises(RuntimeError, match="inside the action's transaction"):
        locks.lock_rows(Account.objects.all())


@pytest.mark.django_db
def test_the_row_an_action_changes_is_locked_and_answered():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from openecf.accounts.models import Account

    account = AccountFactory()
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        found = locks.lock_found(Account.objects.filter(pk=account.pk), missing="No such account.")
    assert found == account
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in queries[-1]["sql"]


@pytest.mark.django_db
def test_a_row_not_there_to_lock_is_not_found_with_the_words_given():
    from openecf.accounts.models import Account
    from openecf.core.errors import NotFound

    with transaction.atomic(), pytest.raises(NotFound, match="^No such account.$") as refused:
        locks.lock_found(Account.objects.filter(pk=-1), missing="No such account.")
    assert refused.value.status == 404

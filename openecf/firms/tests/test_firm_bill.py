"""Whose bill a person's PACER views land on: their firm's PAA while they belong to it."""

from __future__ import annotations

from openecf.firms import actions, facade
from openecf.firms.factories import add_member


def test_a_member_is_billed_to_the_firms_paa(firm, attorney):
    add_member(firm, attorney)
    assert facade.firm_bill_of(account_id=attorney.pk) == facade.FirmBill(
        paa_account_id=firm.paa_id, client_code_required=False
    )


def test_the_firms_client_code_rule_comes_with_its_bill(firm, attorney):
    add_member(firm, attorney)
    actions.set_client_code_rule(firm=firm, actor_id=firm.paa_id, required=True)
    assert facade.firm_bill_of(account_id=attorney.pk) == facade.FirmBill(
        paa_account_id=firm.paa_id, client_code_required=True
    )


def test_a_person_outside_any_firm_has_no_firm_bill(firm, attorney, public_user):
    add_member(firm, attorney)
    assert facade.firm_bill_of(account_id=public_user.pk) is None


def test_after_leaving_the_firm_its_bill_is_no_longer_theirs(firm, attorney):
    add_member(firm, attorney)
    actions.leave_firm(account=attorney, remark="Moving to St. Louis")
    assert facade.firm_bill_of(account_id=attorney.pk) is None

"""A person's standing at a court is decided in one place, once per request."""

import pytest
from django.test import RequestFactory

from openecf.core.errors import NotFound, NotSignedIn
from openecf.courts.access import Standing, require_clerk, standing_at, standing_of
from openecf.courts.models import Court


def _standing(account_id, *, clerk=False, judge=False, operator=False) -> Standing:
    return Standing(
        court_id="mowd",
        court_name="W.D. Mo.",
        account_id=account_id,
        is_clerk=clerk,
        is_judge=judge,
        is_operator=operator,
    )


@pytest.mark.parametrize(
    ("persona", "is_clerk", "is_judge", "is_operator"),
    [
        ("public_user", False, False, False),
        ("attorney", False, False, False),
        ("clerk", True, False, False),
        ("other_court_clerk", False, False, False),
        ("judge", False, True, False),
        ("operator", False, False, True),
    ],
)
def test_each_role_has_its_standing_at_the_court_in_one_query(
    request, mowd, django_assert_num_queries, persona, is_clerk, is_judge, is_operator
):
    account = request.getfixturevalue(persona)
    with django_assert_num_queries(1):
        standing = standing_at(court=mowd, account_id=account.pk)
    assert standing == _standing(account.pk, clerk=is_clerk, judge=is_judge, operator=is_operator)
    assert standing.is_signed_in is True
    assert standing.may_manage_court is (is_clerk or is_operator)


def test_an_anonymous_visitor_stands_nowhere_and_costs_no_query(mowd, django_assert_num_queries):
    with django_assert_num_queries(0):
        standing = standing_at(court=mowd, account_id=None)
    assert standing == _standing(None)
    assert standing.is_signed_in is False
    assert standing.may_manage_court is False


def test_an_account_that_no_longer_exists_stands_as_an_anonymous_visitor(mowd):
    assert standing_at(court=mowd, account_id=987654) == _standing(None)


def test_a_clerk_of_one_court_is_nobody_special_at_another(other_court_clerk, mowd):
    ksd = Court.objects.get(pk="ksd")
    assert standing_at(court=ksd, account_id=other_court_clerk.pk).is_clerk is True
    assert standing_at(court=mowd, account_id=other_court_clerk.pk).is_clerk is False


def _request(account):
    request = RequestFactory().get("/mowd/")
    request.account = account
    return request


def test_the_standing_is_computed_once_per_request(clerk, mowd, django_assert_num_queries):
    request = _request(clerk)
    with django_assert_num_queries(1):
        first = standing_of(request, mowd)
        again = standing_of(request, mowd)
    assert first is again
    assert first.is_clerk is True


def test_a_person_who_works_for_no_court_costs_no_query(attorney, mowd, django_assert_num_queries):
    attorney.is_court_staff = False  # what the sign-on lookup found
    with django_assert_num_queries(0):
        standing = standing_of(_request(attorney), mowd)
    assert standing == _standing(attorney.pk)


def test_an_operator_is_known_without_a_query_when_working_for_no_court(
    operator, mowd, django_assert_num_queries
):
    operator.is_court_staff = False
    with django_assert_num_queries(0):
        standing = standing_of(_request(operator), mowd)
    assert standing.may_manage_court is True


def test_anonymous_visitors_are_asked_to_sign_in_before_anything_else():
    with pytest.raises(NotSignedIn) as raised:
        require_clerk(_standing(None), what="court settings page")
    assert raised.value.message == "Sign in with your PACER account to see the court settings page."


@pytest.mark.parametrize("standing", [_standing(5), _standing(5, judge=True)])
def test_someone_not_of_the_clerks_office_is_told_there_is_no_such_page(standing):
    with pytest.raises(NotFound) as raised:
        require_clerk(standing, what="court settings page")
    assert raised.value.message == "W.D. Mo. has no court settings page for you."
    assert raised.value.status == 404


@pytest.mark.parametrize("standing", [_standing(5, clerk=True), _standing(5, operator=True)])
def test_the_clerks_office_and_the_operator_pass(standing):
    assert require_clerk(standing, what="court settings page") is None

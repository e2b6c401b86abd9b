"""Links in e-mails start at the configured base URL (pure: no database)."""

from django.test import override_settings
from django.urls import reverse

from openecf.core import links


@override_settings(OPENECF_BASE_URL="https://ecf.example.org")
def test_a_path_becomes_an_address_on_the_configured_site():
    assert links.absolute("/account/") == "https://ecf.example.org/account/"


@override_settings(OPENECF_BASE_URL="https://ecf.example.org/")
def test_a_trailing_slash_in_the_setting_does_not_double():
    assert links.absolute(reverse("firms:home")) == "https://ecf.example.org/firm/"

"""CM/ECF's own paths are named routes that reverse to exactly the path CM/ECF uses: filers'
bookmarks and programs such as juriscraper depend on them, so a rename must not move them."""

import pytest
from django.urls import resolve, reverse

from openecf.ecf import links
from openecf.ecf.urls import cmecf_paths

CMECF_PATHS = [
    ("ecf:login", "/mowd/cgi-bin/login.pl"),
    ("ecf:logout", "/mowd/cgi-bin/logout.pl"),
]


@pytest.mark.parametrize(("name", "path"), CMECF_PATHS)
def test_the_route_name_reverses_to_the_cmecf_path(name, path):
    assert reverse(name, kwargs={"court_id": "mowd"}) == path


@pytest.mark.parametrize(("name", "path"), CMECF_PATHS)
def test_the_cmecf_path_resolves_to_its_route_name(name, path):
    assert resolve(path).view_name == name


def test_the_login_page_link_is_cmecfs_login_pl():
    assert links.login_page("ksd") == "/ksd/cgi-bin/login.pl"


def test_every_cmecf_path_has_its_test():
    assert sorted(f"ecf:{route.name}" for route in cmecf_paths) == sorted(
        name for name, _path in CMECF_PATHS
    )

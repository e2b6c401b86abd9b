"""The reports keep CM/ECF's own paths to the letter: juriscraper and bookmarks know them."""

import pytest
from django.urls import resolve, reverse

from openecf.reports.urls import cmecf_paths

CMECF_PATHS = [
    ("reports:docket_report", "/mowd/cgi-bin/DktRpt.pl"),
    ("reports:case_query", "/mowd/cgi-bin/iquery.pl"),
    ("reports:possible_case_numbers", "/mowd/cgi-bin/possible_case_numbers.pl"),
    ("reports:rss_outside", "/mowd/cgi-bin/rss_outside.pl"),
    ("reports:written_opinions", "/mowd/cgi-bin/WrtOpRpt.pl"),
    ("reports:appellate_docket", "/mowd/n/beam/servlet/TransportRoom"),
    ("reports:appellate_docket_cmecf", "/mowd/cmecf/servlet/TransportRoom"),
    ("reports:menu", "/mowd/cgi-bin/DisplayMenu.pl"),
    ("reports:claims_register", "/mowd/cgi-bin/SearchClaims.pl"),
    ("reports:show_multidocs", "/mowd/cgi-bin/show_multidocs.pl"),
]


def test_the_document_view_is_cmecfs_doc1():
    assert reverse("reports:document", kwargs={"court_id": "mowd", "doc_id": "109012345678"}) == (
        "/mowd/doc1/109012345678"
    )
    assert resolve("/mowd/doc1/109012345678").view_name == "reports:document"


@pytest.mark.parametrize(("name", "path"), CMECF_PATHS)
def test_the_route_name_reverses_to_the_cmecf_path(name, path):
    assert reverse(name, kwargs={"court_id": "mowd"}) == path
    assert resolve(path).view_name == name


def test_the_appellate_document_view_is_appellate_cmecfs_docs1():
    path = reverse("reports:appellate_document", kwargs={"court_id": "ca8", "doc_id": "1"})
    assert path == "/ca8/docs1/1"
    assert resolve("/ca8/docs1/008012345678").view_name == "reports:appellate_document"


def test_every_cmecf_path_has_its_test():
    assert sorted(f"reports:{route.name}" for route in cmecf_paths) == sorted(
        [*(name for name, _path in CMECF_PATHS), "reports:document", "reports:appellate_document"]
    )

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_lists_the_courts_and_searches_them(page, courts):
    page.goto("/")
    assert page.locator("h1").inner_text() == "OpenECF"
    assert page.get_by_test_id("court-count").inner_text() == "201 courts"
    page.get_by_label("Search courts").fill("missouri")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**q=missouri**")
    assert page.get_by_test_id("court-count").inner_text() == "4 courts"
    page.get_by_role(
        "link", name="United States District Court for the Western District of Missouri"
    ).click()
    assert "NextGen CM/ECF" in page.get_by_test_id("court-status").inner_text()

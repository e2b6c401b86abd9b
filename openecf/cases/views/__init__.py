"""The case pages: search by number, the case summary, my cases, the clerk's case pages."""

from openecf.cases.views.clerk import clerk_case, judges_page
from openecf.cases.views.pages import case_summary, find_case, my_cases

__all__ = ["case_summary", "clerk_case", "find_case", "judges_page", "my_cases"]

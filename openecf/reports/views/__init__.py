from openecf.reports.views.docket import docket_report
from openecf.reports.views.query import case_query

__all__ = ["case_query", "docket_report"]

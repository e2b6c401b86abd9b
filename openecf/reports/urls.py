from django.urls import path

from openecf.reports import views
from openecf.reports.views.appellate import appellate_docket
from openecf.reports.views.claims import claims_register
from openecf.reports.views.document import document
from openecf.reports.views.feed import feed_setting, rss_outside
from openecf.reports.views.menu import display_menu
from openecf.reports.views.multidocs import show_multidocs
from openecf.reports.views.opinions import written_opinions
from openecf.reports.views.query import possible_case_numbers

app_name = "reports"

# CM/ECF's own paths, kept to the letter (juriscraper and bookmarks know them);
# reports/tests/test_cmecf_paths.py pins each one.
cmecf_paths = [
    path("cgi-bin/DktRpt.pl", views.docket_report, name="docket_report"),
    path("cgi-bin/iquery.pl", views.case_query, name="case_query"),
    path("cgi-bin/possible_case_numbers.pl", possible_case_numbers, name="possible_case_numbers"),
    path("doc1/<str:doc_id>", document, name="document"),
    path("cgi-bin/rss_outside.pl", rss_outside, name="rss_outside"),
    path("cgi-bin/WrtOpRpt.pl", written_opinions, name="written_opinions"),
    path("cgi-bin/SearchClaims.pl", claims_register, name="claims_register"),
    path("cgi-bin/show_multidocs.pl", show_multidocs, name="show_multidocs"),
    # Appellate CM/ECF (courts of appeals): the docket report and its documents.
    path("n/beam/servlet/TransportRoom", appellate_docket, name="appellate_docket"),
    path("cmecf/servlet/TransportRoom", appellate_docket, name="appellate_docket_cmecf"),
    path("docs1/<str:doc_id>", document, name="appellate_document"),
    path("cgi-bin/DisplayMenu.pl", display_menu, name="menu"),
]

urlpatterns = [
    *cmecf_paths,
    path("clerk/rss/", feed_setting, name="feed_setting"),
]

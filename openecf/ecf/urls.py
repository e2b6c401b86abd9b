from django.urls import path

from openecf.ecf import views

app_name = "ecf"

# CM/ECF's own paths, which filers, bookmarks and programs such as juriscraper know: kept to the
# letter and named after what they are, so code reverses them and never writes them. Later ones
# follow the same rule: ``docket_report`` (cgi-bin/DktRpt.pl), ``query`` (cgi-bin/iquery.pl),
# ``document`` (doc1/<id>). ecf/tests/test_cmecf_paths.py pins each one.
cmecf_paths = [
    path("cgi-bin/login.pl", views.login_page, name="login"),
    path("cgi-bin/logout.pl", views.logout_page, name="logout"),
]

urlpatterns = [
    *cmecf_paths,
    path("utilities/", views.utilities, name="utilities"),
    path("utilities/link/", views.link_page, name="link"),
    path("utilities/link/done/", views.link_done, name="link_done"),
    path("utilities/fees/", views.court_fees_due, name="fees_due"),
    path("utilities/agents/", views.agents_page, name="agents"),
    path("utilities/agents/<int:association_id>/end/", views.end_agent, name="end_agent"),
    path("file/", views.file_page, name="file"),
    path("clerk/fees/", views.fee_report, name="fee_report"),
    path("clerk/fees/refund/", views.refund_page, name="refund"),
    path("clerk/logins/", views.clerk_logins, name="clerk_logins"),
    path("clerk/logins/add/", views.clerk_add_login, name="clerk_add_login"),
    path("clerk/logins/<int:login_id>/", views.clerk_login_detail, name="clerk_login"),
]

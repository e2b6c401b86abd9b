from django.urls import path

from openecf.ecf import views

app_name = "ecf"
urlpatterns = [
    path("cgi-bin/login.pl", views.login_page, name="login"),
    path("cgi-bin/logout.pl", views.logout_page, name="logout"),
    path("utilities/", views.utilities, name="utilities"),
    path("utilities/link/", views.link_page, name="link"),
    path("utilities/link/done/", views.link_done, name="link_done"),
    path("utilities/agents/", views.agents_page, name="agents"),
    path("utilities/agents/<int:association_id>/end/", views.end_agent, name="end_agent"),
    path("file/", views.file_page, name="file"),
    path("clerk/logins/", views.clerk_logins, name="clerk_logins"),
    path("clerk/logins/add/", views.clerk_add_login, name="clerk_add_login"),
    path("clerk/logins/<int:login_id>/", views.clerk_login_detail, name="clerk_login"),
]

from django.urls import path

from openecf.signon import services, views

app_name = "signon"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("login/continue/", views.login_continue, name="continue"),
    path("logout/", views.logout, name="logout"),
    path("services/cso-auth", services.cso_auth, name="cso_auth"),
    path("services/cso-logout", services.cso_logout, name="cso_logout"),
]

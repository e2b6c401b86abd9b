from django.urls import path

from openecf.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("register/", views.register, name="register"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("upgrade/", views.upgrade, name="upgrade"),
    path("upgrade/complete/", views.upgrade_complete, name="upgrade_complete"),
    path("password/", views.password, name="password"),
    path("username/", views.username, name="username"),
    path("contact/", views.contact, name="contact"),
    path("maintenance/", views.maintenance, name="maintenance"),
    path("security/", views.security, name="security"),
    path("forgot-username/", views.forgot_username, name="forgot_username"),
    path("forgot-password/", views.forgot_password, name="forgot_password"),
    path("reset/<str:token>/", views.reset, name="reset"),
    path("reactivate/", views.reactivate, name="reactivate"),
    path("reactivate/<str:token>/", views.reactivate_link, name="reactivate_link"),
]

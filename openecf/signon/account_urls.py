from django.urls import path

from openecf.signon import views

app_name = "signon_account"
urlpatterns = [
    path("sessions/", views.sessions_page, name="sessions"),
    path("sessions/<int:session_id>/end/", views.end_one_session, name="end_session"),
    path("sessions/end-others/", views.end_other_sessions, name="end_others"),
    path("mfa/", views.mfa_page, name="mfa"),
    path("mfa/add/", views.mfa_add, name="mfa_add"),
    path("mfa/add/email/", views.mfa_add_email, name="mfa_add_email"),
    path("mfa/add/activate/", views.mfa_add_activate, name="mfa_add_activate"),
    path("mfa/apps/<int:app_id>/rename/", views.mfa_rename_app, name="mfa_rename"),
    path("mfa/apps/<int:app_id>/remove/", views.mfa_remove_app, name="mfa_remove"),
    path("mfa/backup-codes/", views.mfa_backup_codes, name="mfa_backup_codes"),
]

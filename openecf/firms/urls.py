from django.urls import path

from openecf.firms import views

app_name = "firms"
urlpatterns = [
    path("", views.firm_home, name="home"),
    path("register/", views.register, name="register"),
    path("invite/", views.invite, name="invite"),
    path("members/<str:account_number>/remove/", views.remove_member, name="remove_member"),
    path(
        "invitations/<int:invitation_id>/cancel/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path("invitations/", views.invitations, name="invitations"),
    path(
        "invitations/<int:invitation_id>/accept/",
        views.answer_invitation,
        {"answer": "accept"},
        name="accept",
    ),
    path(
        "invitations/<int:invitation_id>/decline/",
        views.answer_invitation,
        {"answer": "decline"},
        name="decline",
    ),
    path("membership/leave/", views.leave, name="leave"),
]

from django.urls import path

from openecf.notices import views

app_name = "notices"
urlpatterns = [
    path("notices/", views.archive, name="archive"),
    path("notices/<int:notice_id>/", views.notice_page, name="notice"),
    path("utilities/noticing/", views.noticing, name="noticing"),
    path("clerk/notices/", views.clerk_notices, name="clerk"),
    path("clerk/notices/undeliverable/", views.undeliverable, name="undeliverable"),
    path("clerk/notices/lists/", views.court_lists, name="court_lists"),
    path("clerk/notices/lists/<int:address_id>/end/", views.end_court_list, name="end_court_list"),
    path("clerk/notices/reminders/", views.schedule_reminders, name="reminders"),
    path("clerk/notices/<int:notice_id>/", views.preview, name="preview"),
    path("clerk/notices/<int:notice_id>/send/", views.send, name="send"),
    path("clerk/notices/<int:notice_id>/cancel/", views.cancel, name="cancel"),
]

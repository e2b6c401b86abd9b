from django.urls import path

from openecf.docket import views

app_name = "docket"

urlpatterns = [
    path("clerk/events/", views.event_catalogue, name="event_catalogue"),
    path("clerk/events/add/", views.add_event, name="add_event"),
    path("clerk/events/<slug:code>/", views.edit_event, name="edit_event"),
    path("clerk/review/", views.review_queue, name="review_queue"),
    path(
        "clerk/cases/<int:caseid>/entries/<int:entry_number>/",
        views.clerk_entry,
        name="clerk_entry",
    ),
    path("cases/<int:caseid>/docket/", views.case_docket, name="case_docket"),
    path(
        "cases/<int:caseid>/docket/<int:entry_number>/<int:attachment_number>/",
        views.court_document,
        name="court_document",
    ),
    path("file/case/", views.opening_start, name="opening_start"),
    path("file/case/<int:draft_id>/case/", views.opening_case, name="opening_case"),
    path("file/case/<int:draft_id>/parties/", views.opening_parties, name="opening_parties"),
    path("file/case/<int:draft_id>/documents/", views.opening_documents, name="opening_documents"),
    path("file/case/<int:draft_id>/review/", views.opening_review, name="opening_review"),
    path("file/case/<int:draft_id>/receipt/", views.opening_receipt, name="opening_receipt"),
    path("file/entry/", views.filing_start, name="filing_start"),
    path("file/entry/<int:draft_id>/parties/", views.filing_parties, name="filing_parties"),
    path("file/entry/<int:draft_id>/documents/", views.filing_documents, name="filing_documents"),
    path("file/entry/<int:draft_id>/claim/", views.filing_claim, name="filing_claim"),
    path("file/entry/<int:draft_id>/links/", views.filing_links, name="filing_links"),
    path("file/entry/<int:draft_id>/review/", views.filing_review, name="filing_review"),
    path("file/entry/<int:draft_id>/receipt/", views.filing_receipt, name="filing_receipt"),
]

from django.urls import path

from openecf.cases import views

app_name = "cases"
urlpatterns = [
    path("account/cases/", views.my_cases, name="mine"),
    path("<court:court_id>/cases/", views.find_case, name="find"),
    path("<court:court_id>/cases/<int:caseid>/", views.case_summary, name="summary"),
    path("<court:court_id>/clerk/cases/<int:caseid>/", views.clerk_case, name="clerk_case"),
    path("<court:court_id>/clerk/judges/", views.judges_page, name="judges"),
]

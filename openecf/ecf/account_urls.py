from django.urls import path

from openecf.ecf import views

app_name = "ecf_account"
urlpatterns = [
    path("fees/", views.fees_due, name="fees_due"),
    path("fees/<int:fee_id>/pay/", views.pay_fee, name="pay_fee"),
    path("fees/<int:fee_id>/pay/return/", views.pay_fee_return, name="pay_fee_return"),
    path("fees/<int:fee_id>/pay/cancel/", views.pay_fee_cancel, name="pay_fee_cancel"),
]

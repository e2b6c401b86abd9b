from django.urls import path

from openecf.payments import views

app_name = "payments"
urlpatterns = [
    path("account/payment-methods/", views.payment_methods, name="methods"),
    path(
        "account/payment-methods/<int:method_id>/<slug:change>/",
        views.change_payment_method,
        name="change_method",
    ),
    path("account/payment-history/", views.payment_history, name="history"),
    path("payments/receipts/<str:receipt_number>/", views.receipt, name="receipt"),
]

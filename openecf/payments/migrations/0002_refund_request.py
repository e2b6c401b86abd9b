"""A refund is reserved (pending) under the payment's lock before the gateway is asked."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

ID = ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID'))
STATES = [('pending', 'Pending'), ('completed', 'Completed'), ('failed', 'Failed')]
PROTECT = django.db.models.deletion.PROTECT


class Migration(migrations.Migration):
    dependencies = [('payments', '0001_initial'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]
    operations = [
        migrations.CreateModel(name='RefundRequest', fields=[ID,
                ('amount', models.DecimalField(decimal_places=2, max_digits=11)),
                ('reason', models.CharField(max_length=300)),
                ('idempotency_key', models.CharField(max_length=160, unique=True)),
                ('state', models.CharField(choices=STATES, default='pending', max_length=10)),
                ('created_at', models.DateTimeField()),
                ('by_account', models.ForeignKey(on_delete=PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('payment', models.ForeignKey(on_delete=PROTECT, related_name='refunds', to='payments.paymentintent')),
            ],
            options={'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='refund_amount_positive')]},
        ),
    ]

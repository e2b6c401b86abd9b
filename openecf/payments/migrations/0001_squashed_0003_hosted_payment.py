"""payments' tables as they stand after 0001-0003 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('payments', '0001_initial'), ('payments', '0002_refund_request'), ('payments', '0003_hosted_payment')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SandboxCharge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('idempotency_key', models.CharField(max_length=160, unique=True)),
                ('kind', models.CharField(choices=[('capture', 'Capture'), ('refund', 'Refund')], max_length=8)),
                ('reference', models.CharField(max_length=40, unique=True)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=11)),
                ('card_last_four', models.CharField(blank=True, max_length=4)),
                ('captured_reference', models.CharField(blank=True, max_length=40)),
                ('created_at', models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name='SandboxToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=40, unique=True)),
                ('outcome', models.CharField(max_length=30)),
                ('last_four', models.CharField(max_length=4)),
                ('exp_month', models.PositiveSmallIntegerField()),
                ('exp_year', models.PositiveSmallIntegerField()),
            ],
        ),
        migrations.CreateModel(
            name='PaymentMethod',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nickname', models.CharField(max_length=40)),
                ('kind', models.CharField(choices=[('visa', 'Visa'), ('mastercard', 'Mastercard'), ('amex', 'American Express'), ('discover', 'Discover'), ('card', 'Card')], max_length=12)),
                ('last_four', models.CharField(max_length=4)),
                ('exp_month', models.PositiveSmallIntegerField()),
                ('exp_year', models.PositiveSmallIntegerField()),
                ('holder_name', models.CharField(max_length=100)),
                ('gateway', models.CharField(max_length=20)),
                ('token', models.CharField(max_length=100)),
                ('is_default', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField()),
                ('deleted_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='payment_methods', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PaymentIntent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(choices=[('court_fee', 'Court fee'), ('filing_fee', 'Filing fee'), ('pacer_invoice', 'PACER invoice')], max_length=20)),
                ('purpose_ref', models.CharField(max_length=120)),
                ('description', models.CharField(max_length=200)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=11)),
                ('card_last_four', models.CharField(blank=True, max_length=4)),
                ('gateway', models.CharField(max_length=20)),
                ('idempotency_key', models.CharField(max_length=160, unique=True)),
                ('state', models.CharField(choices=[('pending', 'Pending'), ('completed', 'Completed'), ('failed', 'Failed')], default='pending', max_length=10)),
                ('created_at', models.DateTimeField()),
                ('resolved_at', models.DateTimeField(blank=True, null=True)),
                ('gateway_reference', models.CharField(blank=True, max_length=80)),
                ('failure_code', models.CharField(blank=True, max_length=40)),
                ('failure_reason', models.CharField(blank=True, max_length=300)),
                ('receipt_number', models.CharField(blank=True, max_length=40, null=True, unique=True)),
                ('paid_at', models.DateTimeField(blank=True, null=True)),
                ('refunded', models.DecimalField(decimal_places=2, default=0, max_digits=11)),
                ('hosted_token', models.CharField(blank=True, db_index=True, max_length=100)),
                ('completing_at', models.DateTimeField(blank=True, null=True)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('payer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('method', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='payments.paymentmethod')),
            ],
        ),
        migrations.CreateModel(
            name='RefundRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=11)),
                ('reason', models.CharField(max_length=300)),
                ('idempotency_key', models.CharField(max_length=160, unique=True)),
                ('state', models.CharField(choices=[('pending', 'Pending'), ('completed', 'Completed'), ('failed', 'Failed')], default='pending', max_length=10)),
                ('created_at', models.DateTimeField()),
                ('by_account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('payment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='refunds', to='payments.paymentintent')),
            ],
        ),
        migrations.CreateModel(
            name='LedgerEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('charge', 'Charge'), ('refund', 'Refund')], max_length=8)),
                ('purpose', models.CharField(choices=[('court_fee', 'Court fee'), ('filing_fee', 'Filing fee'), ('pacer_invoice', 'PACER invoice')], max_length=20)),
                ('purpose_ref', models.CharField(max_length=120)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=11)),
                ('receipt_number', models.CharField(max_length=40)),
                ('gateway_reference', models.CharField(max_length=80)),
                ('idempotency_key', models.CharField(max_length=160, unique=True)),
                ('reason', models.CharField(blank=True, max_length=300)),
                ('recorded_at', models.DateTimeField()),
                ('digest', models.CharField(max_length=64)),
                ('by_account', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('payer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('intent', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='payments.paymentintent')),
            ],
            options={
                'ordering': ['recorded_at', 'pk'],
                'indexes': [models.Index(fields=['court', 'recorded_at'], name='ledger_court_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('kind', 'charge')), fields=('purpose_ref',), name='ledger_one_charge_per_purpose'), models.UniqueConstraint(condition=models.Q(('kind', 'charge')), fields=('receipt_number',), name='ledger_one_charge_per_receipt'), models.CheckConstraint(condition=models.Q(models.Q(('amount__gt', 0), ('kind', 'charge')), models.Q(('amount__lt', 0), ('kind', 'refund')), _connector='OR'), name='ledger_amount_sign')],
            },
        ),
        migrations.AddConstraint(
            model_name='paymentmethod',
            constraint=models.UniqueConstraint(condition=models.Q(('deleted_at__isnull', True), ('is_default', True)), fields=('account',), name='payment_method_one_default'),
        ),
        migrations.AddConstraint(
            model_name='paymentmethod',
            constraint=models.CheckConstraint(condition=models.Q(('exp_month__gte', 1), ('exp_month__lte', 12)), name='payment_method_month'),
        ),
        migrations.AddIndex(
            model_name='paymentintent',
            index=models.Index(fields=['payer', 'created_at'], name='payment_payer_idx'),
        ),
        migrations.AddIndex(
            model_name='paymentintent',
            index=models.Index(fields=['court', 'paid_at'], name='payment_court_paid_idx'),
        ),
        migrations.AddIndex(
            model_name='paymentintent',
            index=models.Index(fields=['state', 'created_at'], name='payment_state_idx'),
        ),
        migrations.AddConstraint(
            model_name='paymentintent',
            constraint=models.UniqueConstraint(condition=models.Q(('state__in', ['pending', 'completed'])), fields=('purpose_ref',), name='payment_one_live_intent_per_purpose'),
        ),
        migrations.AddConstraint(
            model_name='paymentintent',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='payment_amount_positive'),
        ),
        migrations.AddConstraint(
            model_name='paymentintent',
            constraint=models.CheckConstraint(condition=models.Q(('refunded__gte', 0), ('refunded__lte', models.F('amount'))), name='payment_refunded_within_amount'),
        ),
        migrations.AddConstraint(
            model_name='refundrequest',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='refund_amount_positive'),
        ),
    ]

"""Drop ThrottleCount (forgot-username/password, reactivation, firm registration and invitation counts): the counts now live in core (AttemptCount, FailureCount; openecf.core.throttle).

No data migration: throttle counters are ephemeral, so at worst a lock in force is lifted and a
count starts again from zero.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_throttle'),
        ('accounts', '0002_throttlecount_accounttoken'),
    ]

    operations = [
        migrations.DeleteModel(
            name='ThrottleCount',
        ),
    ]

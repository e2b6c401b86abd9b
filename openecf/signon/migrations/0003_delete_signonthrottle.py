"""Drop SignOnThrottle (sign-in and current-password failure lockouts): the counts now live in core (AttemptCount, FailureCount; openecf.core.throttle).

No data migration: throttle counters are ephemeral, so at worst a lock in force is lifted and a
count starts again from zero.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_throttle'),
        ('signon', '0002_mfa_and_throttle'),
    ]

    operations = [
        migrations.DeleteModel(
            name='SignOnThrottle',
        ),
    ]

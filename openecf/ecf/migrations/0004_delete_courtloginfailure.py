"""Drop CourtLoginFailure (court-login password lockouts): the counts now live in core (AttemptCount, FailureCount; openecf.core.throttle).

No data migration: throttle counters are ephemeral, so at worst a lock in force is lifted and a
count starts again from zero.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_throttle'),
        ('ecf', '0003_court_session_key_digest'),
    ]

    operations = [
        migrations.DeleteModel(
            name='CourtLoginFailure',
        ),
    ]

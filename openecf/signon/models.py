from django.conf import settings
from django.db import models


class CentralSession(models.Model):
    """One Central Sign-On session: valid at PACER, every court and the API until ended.

    Only a SHA-256 digest of the 128-character token is stored, so a database leak
    gives no usable session.
    """

    token_digest = models.CharField(max_length=64, unique=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="central_sessions"
    )
    created_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.CharField(max_length=40, blank=True)
    client_code = models.CharField(max_length=32, blank=True)
    redaction_acknowledged = models.BooleanField(default=False)
    source_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["account", "ended_at"])]

    def __str__(self) -> str:
        return f"session {self.pk} of {self.account_id}"

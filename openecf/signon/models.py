from django.conf import settings
from django.db import models

from openecf.core.encryption import EncryptedCharField


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
    # Set when a filer out of MFA skips signs on: only MFA enrolment and sign-out until enrolled.
    must_enrol_mfa = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["account", "ended_at"])]

    def __str__(self) -> str:
        return f"session {self.pk} of {self.account_id}"


class PendingSignOn(models.Model):
    """A correct password still waiting for its MFA code, redaction agreement or MFA prompt.

    Lives at most 10 minutes; the browser holds only a random id whose digest is stored here.
    """

    id_digest = models.CharField(max_length=64, unique=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    client_code = models.CharField(max_length=32, blank=True)
    next_url = models.CharField(max_length=500, blank=True)
    source_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    mfa_passed = models.BooleanField(default=False)
    redaction_acknowledged = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"pending sign-on of {self.account_id}"


class AuthenticatorApp(models.Model):
    """One TOTP authenticator app (RFC 6238, 30-second codes); up to 5 per account."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authenticator_apps"
    )
    name = models.CharField(max_length=40)
    secret = EncryptedCharField(max_length=255)  # the base32 TOTP secret, encrypted
    created_at = models.DateTimeField()
    last_used_step = models.BigIntegerField(null=True, blank=True)  # refuses replayed codes
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="authenticator_name_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.account_id})"


class AppEnrolment(models.Model):
    """Adding an app, step by step: e-mailed code → secret shown → first code. One per account."""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    email_code_digest = models.CharField(max_length=64)
    email_code_salt = models.CharField(max_length=32)
    attempts = models.PositiveSmallIntegerField(default=0)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    secret = EncryptedCharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return f"app enrolment of {self.account_id}"


class BackupCode(models.Model):
    """One single-use backup code, stored only as a salted SHA-256 digest."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="backup_codes"
    )
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"backup code {self.pk} of {self.account_id}"

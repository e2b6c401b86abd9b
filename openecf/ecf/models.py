"""Court-side people: old CM/ECF logins, their link to PACER accounts, filing privileges."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from openecf.core.lookups import compare_lowercased
from openecf.core.models import SingleUseLink


class CourtLogin(models.Model):
    """A filer login from before NextGen, kept by one court ("your CM/ECF login").

    After the court goes live it can only be used to link; once linked (one-to-one, for good)
    it stops working and what it had belongs to the PACER account at that court.
    """

    class Role(models.TextChoices):
        ATTORNEY = "attorney", "Attorney"
        TRUSTEE = "trustee", "Trustee"
        CREDITOR = "creditor", "Creditor"
        FILING_AGENT = "filing_agent", "Filing agent"
        PRO_SE = "pro_se", "Pro se filer"
        COURT_USER = "court_user", "Court user"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="logins")
    login = models.CharField(max_length=40)
    password = models.CharField(max_length=200)  # a Django password hash
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField()
    bar_id = models.CharField(max_length=40, blank=True)
    bar_state = models.CharField(max_length=2, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices)
    case_count = models.PositiveIntegerField(default=0)  # cases it appears on (until cases exist)
    is_disabled = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    linked_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="court_logins",
    )
    linked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint("court", Lower("login"), name="court_login_unique_ci"),
            # One PACER account links to at most one court login per court.
            models.UniqueConstraint(
                fields=["court", "linked_account"],
                condition=models.Q(linked_account__isnull=False),
                name="one_linked_login_per_account_per_court",
            ),
            models.CheckConstraint(
                condition=models.Q(linked_account__isnull=True, linked_at__isnull=True)
                | models.Q(linked_account__isnull=False, linked_at__isnull=False),
                name="court_login_link_complete",
            ),
        ]
        indexes = [
            # The clerk's list, in its order: the first page is read off the index, not sorted.
            models.Index(
                fields=["court", "last_name", "first_name", "login"], name="court_login_by_name"
            ),
            models.Index("court", Lower("email"), name="court_login_email_ci"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}:{self.login}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


# ``login__iexact`` and ``email__iexact`` become LOWER(...) = LOWER(...), which the
# case-insensitive indexes above serve (Django's own iexact reads every login of the court).
compare_lowercased(CourtLogin._meta.get_field("login"))
compare_lowercased(CourtLogin._meta.get_field("email"))


class FilingPrivilege(models.Model):
    """Permission to file at one court, from a linked login or an approved request."""

    class Kind(models.TextChoices):
        ATTORNEY = "attorney", "Attorney"
        PRO_HAC_VICE = "pro_hac_vice", "Attorney (pro hac vice)"
        PRO_SE = "pro_se", "Pro se filer"
        TRUSTEE = "trustee", "Trustee"
        CREDITOR = "creditor", "Creditor"
        FILING_AGENT = "filing_agent", "Filing agent"

    class Source(models.TextChoices):
        LINKED_LOGIN = "linked_login", "Linked CM/ECF login"
        APPROVED_REQUEST = "approved_request", "Approved e-file registration"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="privileges")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="filing_privileges"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source = models.CharField(max_length=20, choices=Source.choices)
    case_number = models.CharField(max_length=40, blank=True)  # pro hac vice: the case
    court_login = models.ForeignKey(
        CourtLogin, null=True, blank=True, on_delete=models.PROTECT, related_name="privileges"
    )
    granted_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "account", "kind", "case_number"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_privilege_per_kind",
            )
        ]
        indexes = [models.Index(fields=["court", "account"])]

    def __str__(self) -> str:
        return f"{self.account_id} {self.kind} at {self.court_id}"


class FilingAgentAssociation(models.Model):
    """An approved filing agent who files for an attorney (or trustee) at one court."""

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="agent_links")
    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="filing_agents"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="files_for"
    )
    created_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    receives_notices = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "principal", "agent"],
                condition=models.Q(ended_at__isnull=True),
                name="one_live_agent_association",
            ),
            models.CheckConstraint(
                condition=~models.Q(principal=models.F("agent")), name="agent_is_not_principal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agent_id} files for {self.principal_id} at {self.court_id}"


class CourtFeeOwed(models.Model):
    """A court fee an individual owes (admission, pro hac vice, dues); paid by the person,
    never by a firm's PACER Administrative Account. The payments issue collects them."""

    class Kind(models.TextChoices):
        ATTORNEY_ADMISSION = "attorney_admission", "Attorney admission"
        PRO_HAC_VICE = "pro_hac_vice", "Pro hac vice"
        ANNUAL_DUES = "annual_dues", "Annual dues"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="fees_owed")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="court_fees_owed"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    created_at = models.DateTimeField()
    due_on = models.DateField()  # the court's date it became due
    paid_at = models.DateTimeField(null=True, blank=True)
    receipt_number = models.CharField(max_length=32, blank=True)  # payments' receipt
    reference = models.CharField(max_length=80, blank=True)
    # Dues: the cycle they are for ("2026", "2026–2027"); one row per person, court and cycle.
    period = models.CharField(max_length=9, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="fee_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(paid_at__isnull=True, receipt_number="")
                | models.Q(paid_at__isnull=False) & ~models.Q(receipt_number=""),
                name="fee_paid_with_receipt",
            ),
            models.UniqueConstraint(
                fields=["court", "account", "period"],
                condition=models.Q(kind="annual_dues"),
                name="fee_dues_once_per_cycle",
            ),
        ]
        indexes = [
            models.Index(
                fields=["account", "court"],
                condition=models.Q(paid_at__isnull=True),
                name="fee_unpaid_by_account",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} ${self.amount} owed by {self.account_id} at {self.court_id}"


class CourtLoginAgent(models.Model):
    """A pre-NextGen filing-agent relationship between two court logins at one court.

    Becomes a FilingAgentAssociation once both logins are linked to PACER accounts.
    """

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    principal_login = models.ForeignKey(
        CourtLogin, on_delete=models.CASCADE, related_name="agent_logins"
    )
    agent_login = models.ForeignKey(
        CourtLogin, on_delete=models.CASCADE, related_name="principal_logins"
    )
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["principal_login", "agent_login"], name="court_login_agent_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(principal_login=models.F("agent_login")),
                name="court_login_agent_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agent_login_id} files for {self.principal_login_id}"


class CourtLoginSession(models.Model):
    """A signed-in court login before go-live: good at this one court only.

    Only a SHA-256 digest of the cookie's key is stored, so a database leak gives no session.
    """

    court_login = models.ForeignKey(CourtLogin, on_delete=models.CASCADE, related_name="sessions")
    key_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"session of {self.court_login_id}"


class CourtLoginReset(SingleUseLink):
    """A single-use, one-hour "Forgot your password" link for one court login."""

    court_login = models.ForeignKey(CourtLogin, on_delete=models.CASCADE, related_name="resets")

    def __str__(self) -> str:
        return f"reset for {self.court_login_id}"

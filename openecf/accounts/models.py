from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower

from openecf.core.lookups import compare_lowercased
from openecf.core.models import SingleUseLink


class AccountManager(BaseUserManager["Account"]):
    def get_by_natural_key(self, username: str | None) -> "Account":
        return self.get(username__iexact=username)


class Account(AbstractBaseUser):
    """One PACER account: an individual, a shared (research-only) login, or a firm's PAA."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        SHARED = "shared", "Shared (used by more than one person)"
        ADMINISTRATIVE = "administrative", "PACER Administrative Account"

    class Purpose(models.TextChoices):
        ATTORNEY_FILER = "attorney_filer", "Attorney filer"
        NON_ATTORNEY_FILER = "non_attorney_filer", "Non-attorney filer"
        CASE_SEARCH = "case_search", "PACER case search only"

    class Status(models.TextChoices):
        PENDING_VERIFICATION = "pending_verification", "E-mail not yet verified"
        REVIEW_HOLD = "review_hold", "Review registration hold"
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"
        DISABLED = "disabled", "Disabled by the PACER Service Center"

    account_number = models.CharField(max_length=7, unique=True)
    username = models.CharField(max_length=45, unique=True)
    email = models.EmailField(max_length=254)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField(null=True, blank=True)  # permanent once set
    phone = models.CharField(max_length=40, blank=True)
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=80, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=10, blank=True)
    county = models.CharField(max_length=80, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.INDIVIDUAL)
    purpose = models.CharField(max_length=24, choices=Purpose.choices, default=Purpose.CASE_SEARCH)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.ACTIVE)
    is_upgraded = models.BooleanField(default=True)  # False: Legacy PACER Account
    is_operator = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    upgraded_at = models.DateTimeField(null=True, blank=True)
    password_changed_at = models.DateTimeField(null=True, blank=True)
    last_active_at = models.DateTimeField(null=True, blank=True)
    mfa_skips_used = models.PositiveSmallIntegerField(default=0)
    # Set when the person first gains a way to file (filer registration, court login link or
    # approved e-file request); filers must tick the redaction agreement and enrol in MFA.
    filer_since = models.DateTimeField(null=True, blank=True)

    objects = AccountManager()

    # Not a column: set by the sign-on lookup (False = no court role anywhere, skip role queries).
    is_court_staff: bool = True

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="account_username_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(account_number__regex=r"^[0-9]{7}$"),
                name="account_number_seven_digits",
            ),
        ]
        indexes = [models.Index(Lower("email"), name="account_email_ci")]

    def __str__(self) -> str:
        return f"{self.username} ({self.account_number})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_legacy(self) -> bool:
        return not self.is_upgraded

    @property
    def account_type_label(self) -> str:
        return "Legacy PACER Account (Upgrade)" if self.is_legacy else "Upgraded PACER Account"


# ``username__iexact`` and ``email__iexact`` become LOWER(...) = LOWER(...), which the
# case-insensitive indexes above serve (Django's own iexact reads the whole table).
compare_lowercased(Account._meta.get_field("username"))
compare_lowercased(Account._meta.get_field("email"))


class SecurityAnswer(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="security_answers")
    question = models.CharField(max_length=200)
    answer_hash = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.account_id}: {self.question}"


class AccountToken(SingleUseLink):
    """A single-use e-mailed link: e-mail verification, password reset, reactivation.

    Only the SHA-256 digest of the token is stored, so a database leak gives no usable link.
    """

    class Purpose(models.TextChoices):
        VERIFY_EMAIL = "verify_email", "Verify e-mail address"
        CHANGE_EMAIL = "change_email", "Confirm a new e-mail address"
        RESET_PASSWORD = "reset_password", "Reset password"
        REACTIVATE = "reactivate", "Reactivate account"

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    new_email = models.EmailField(max_length=254, blank=True)  # for change_email

    class Meta:
        indexes = [models.Index(fields=["account", "purpose"])]

    def __str__(self) -> str:
        return f"{self.purpose} link for {self.account_id}"


class RegisteredPerson(models.Model):
    """The first account registered for one person: a unique digest of name, date of birth and
    canonical e-mail (``rules.person_key_digest``).

    The duplicate check holds on it: of any number of simultaneous registrations of the same
    person, on SQLite or PostgreSQL, only the one whose row goes in first is not held for review.
    """

    person_key = models.CharField(max_length=64, unique=True)
    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"first registration of {self.account_id}"

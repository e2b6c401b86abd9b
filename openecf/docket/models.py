"""The court record's docket: events, entries (gap-free numbers per case), documents, drafts.

Nothing here is ever deleted once it is on the record: a clerk's correction keeps the old text
(``DocketTextRevision``), a stricken entry stays and is marked, sealing and restricting are
flags. Drafts (``FilingDraft``) are not the record: an abandoned one is removed with its files.
A case is named by its ``caseid`` (``cases.facade.Case.caseid``), the internal number CM/ECF
uses in its addresses.
"""

from django.conf import settings
from django.db import models

FILERS = "filers"
COURT = "court"


class Event(models.Model):
    """One event of a court's catalogue: what a filer or the court can docket."""

    class Filers(models.TextChoices):
        FILERS = FILERS, "Filers (attorneys and other e-filers)"
        COURT = COURT, "Court only"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="events")
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)  # "MOTION to Dismiss"
    category = models.CharField(max_length=60)
    template = models.CharField(max_length=300)  # rules.PLACEHOLDERS
    fee_kind = models.CharField(max_length=40, blank=True)  # courts.fees.FeeKind, "" = no fee
    needs_link = models.BooleanField(default=False)
    filers = models.CharField(max_length=8, choices=Filers.choices, default=FILERS)
    asks_against = models.BooleanField(default=False)
    may_be_sealed = models.BooleanField(default=False)
    ends_case = models.BooleanField(default=False)
    checks_minors = models.BooleanField(default=False)
    text_only = models.BooleanField(default=False)
    opens_case = models.BooleanField(default=False)  # filed only when opening a case
    is_active = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    modified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["court", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["court", "code"], name="event_code_unique"),
            models.CheckConstraint(
                condition=models.Q(filers__in=[FILERS, COURT]), name="event_filers_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.code}"


PENDING = "pending"
ACCEPTED = "accepted"
DEFICIENT = "deficient"


class Review(models.TextChoices):
    PENDING = PENDING, "Waiting for review"
    ACCEPTED = ACCEPTED, "Accepted"
    DEFICIENT = DEFICIENT, "Deficient"


class ReviewSetting(models.Model):
    """When the court's clerks review new filings: after docketing (CM/ECF's way, the
    default, also without a row) or before (as state e-filing systems do: a filing is off the
    public record until a clerk accepts it)."""

    court = models.OneToOneField(
        "courts.Court", on_delete=models.PROTECT, primary_key=True, related_name="+"
    )
    review_before = models.BooleanField(default=False)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.court_id} reviews {'before' if self.review_before else 'after'} docketing"


class DocketEntry(models.Model):
    """One numbered entry on a case's docket."""

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    caseid = models.BigIntegerField()
    entry_number = models.PositiveIntegerField()
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="entries")
    docket_text = models.TextField()
    filed_at = models.DateTimeField()
    entered_at = models.DateTimeField()
    # Who the entry shows as filer (the attorney, also when their agent filed) and who entered
    # the transaction (the agent, the attorney, or court staff).
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filer_party_ids = models.JSONField(default=list)
    against_party_ids = models.JSONField(default=list)
    links = models.ManyToManyField(
        "self", symmetrical=False, related_name="linked_from", blank=True
    )
    modifier = models.CharField(max_length=20, blank=True)
    free_text = models.TextField(blank=True)
    fee_amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    fee_receipt = models.CharField(max_length=40, blank=True)
    redaction_confirmed = models.BooleanField(default=False)
    # The privacy check's hits are never stored; the clerk sees that the filer confirmed them.
    privacy_confirmed_reason = models.TextField(blank=True)
    sealed = models.BooleanField(default=False)
    restricted = models.BooleanField(default=False)  # to case participants
    stricken_at = models.DateTimeField(null=True, blank=True)
    modified_at = models.DateTimeField(null=True, blank=True)  # docket text corrected
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The clerk's quality control: a filer's entry waits in the court's queue until a clerk
    # accepts it or marks it deficient. ``held``: the court reviews before docketing, so the
    # entry is off the public record until it is accepted.
    review = models.CharField(max_length=10, choices=Review.choices, default=ACCEPTED)
    held = models.BooleanField(default=False)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    deficiency = models.TextField(blank=True)  # the clerk's message to the filer

    class Meta:
        ordering = ["caseid", "entry_number"]
        indexes = [
            models.Index(fields=["court", "review", "filed_at"], name="entry_review_queue_idx")
        ]
        constraints = [
            models.UniqueConstraint(fields=["caseid", "entry_number"], name="entry_number_unique"),
            models.CheckConstraint(
                condition=models.Q(entry_number__gte=1), name="entry_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"case {self.caseid} entry {self.entry_number}"

    @property
    def is_stricken(self) -> bool:
        return self.stricken_at is not None

    @property
    def on_public_record(self) -> bool:
        """Shown to those who are not court staff (documents have their own flags)."""
        return not self.sealed and not self.held


class DocketTextRevision(models.Model):
    """A docket text as it read before a clerk's correction: the entry's history."""

    entry = models.ForeignKey(DocketEntry, on_delete=models.PROTECT, related_name="revisions")
    docket_text = models.TextField()
    replaced_at = models.DateTimeField()
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["entry", "replaced_at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry} before {self.replaced_at:%Y-%m-%d %H:%M}"


class ClaimAmounts(models.Model):
    """The amounts a proof of claim states (Official Form 410, item 7-12): the amount claimed
    and how much of it is secured and entitled to priority; the rest is unsecured."""

    entry = models.OneToOneField(
        DocketEntry, on_delete=models.PROTECT, related_name="claim_amounts", primary_key=True
    )
    amount_claimed = models.DecimalField(max_digits=14, decimal_places=2)
    secured = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    priority = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    def __str__(self) -> str:
        return f"{self.entry}: ${self.amount_claimed}"


class FilingDraft(models.Model):
    """A filing in progress: the choices made so far and the uploaded files, server-side.

    Not part of the record. It expires; the worker removes expired drafts and their files.
    ``purpose_ref`` ``docket.draft:<id>`` names its fee payment.
    """

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    on_behalf_of_id = models.BigIntegerField(null=True, blank=True)  # an agent's attorney
    caseid = models.BigIntegerField(null=True, blank=True)
    event = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, related_name="+")
    filer_party_ids = models.JSONField(default=list)
    against_party_ids = models.JSONField(default=list)
    links = models.JSONField(default=list)  # entry numbers
    modifier = models.CharField(max_length=20, blank=True)
    free_text = models.TextField(blank=True)
    sealed = models.BooleanField(default=False)
    lead = models.BooleanField(default=False)  # first filing for a party: attorney flags
    to_be_noticed = models.BooleanField(default=True)
    # a proof of claim's amounts as strings ({"amount_claimed", "secured", "priority"}), or null
    claim = models.JSONField(null=True, blank=True)
    fee_receipt = models.CharField(max_length=40, blank=True)
    fee_amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # A case opening in progress (caseid is None): the case data, parties and fee choice as
    # the opening pages gather them (docket.opening rules), and its key, docket.opening:<uuid>.
    opening = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    entry = models.OneToOneField(
        DocketEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="draft"
    )

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="draft_expiry_idx")]

    def __str__(self) -> str:
        return f"draft {self.pk} at {self.court_id}"

    @property
    def purpose_ref(self) -> str:
        return f"docket.draft:{self.pk}"


class DraftFile(models.Model):
    """An uploaded PDF carried by a draft: 0 is the main document, 1.. the attachments."""

    draft = models.ForeignKey(FilingDraft, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=40, blank=True)  # attachment type: "Exhibit"
    description = models.CharField(max_length=120, blank=True)
    file_name = models.CharField(max_length=200)
    path = models.CharField(max_length=300)  # in Django's default storage, under drafts/
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField()
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["draft", "position"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "position"], name="draft_file_unique")
        ]

    def __str__(self) -> str:
        return f"{self.draft} file {self.position}"


class Document(models.Model):
    """A PDF on the record: the main document (attachment 0) or an attachment of an entry.

    The file itself is ``documents.StoredPdf`` (content-addressed, never altered); this row
    says where it sits on the docket and who may see it. ``doc_id`` is the entry's document
    number in CM/ECF's ``/doc1/<id>`` address and in the stamp's ``FileNumber=<doc id>-<n>``.
    """

    entry = models.ForeignKey(DocketEntry, on_delete=models.PROTECT, related_name="documents")
    doc_id = models.BigIntegerField()
    attachment_number = models.PositiveSmallIntegerField()  # 0 = the main document
    kind = models.CharField(max_length=40, blank=True)  # attachment type: "Exhibit"
    description = models.CharField(max_length=120)
    file_name = models.CharField(max_length=200)
    stored_pdf = models.ForeignKey(
        "documents.StoredPdf", on_delete=models.PROTECT, related_name="+"
    )
    stamp = models.TextField()
    sealed = models.BooleanField(default=False)
    restricted = models.BooleanField(default=False)  # to case participants

    class Meta:
        ordering = ["entry", "attachment_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "attachment_number"], name="document_attachment_unique"
            ),
            models.UniqueConstraint(
                fields=["doc_id", "attachment_number"], name="document_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry} document {self.doc_id}-{self.attachment_number}"


class OpenedCase(models.Model):
    """A case opened by a filing (the complaint, a petition, an indictment, an appeal).

    ``key`` is the opening's idempotency anchor (``docket.opening:<uuid>``, also the fee's
    ``purpose_ref``): a repeated submission finds the case it opened instead of a second one.
    """

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=80)
    caseid = models.BigIntegerField()
    entry = models.OneToOneField(DocketEntry, on_delete=models.PROTECT, related_name="opening")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    fee_arrangement = models.CharField(max_length=12, blank=True)  # paid, installments, waiver

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key"], name="opened_case_key_unique")]

    def __str__(self) -> str:
        return f"{self.key} -> case {self.caseid}"

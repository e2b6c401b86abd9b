from django.db import models

from openecf.courts.models import Court


class StoredPdf(models.Model):
    """A checked PDF kept in storage under its SHA-256 (one row and one file per content).

    The record's documents (docket) point here; the file itself is never changed. A row no
    other table refers to, and not kept again for the grace period, is swept with its file.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    page_count = models.PositiveIntegerField()
    has_text_layer = models.BooleanField()
    storage_name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField()
    last_kept_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gte=0), name="stored_pdf_size_valid"),
            models.CheckConstraint(
                condition=models.Q(page_count__gte=1), name="stored_pdf_has_pages"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sha256[:12]} ({self.page_count} pages)"


class DocumentStamp(models.Model):
    """The electronic document stamp issued for one document of the record (doc id-attachment).

    ``digest`` is the HMAC-SHA-512 (the court's key, kept outside the database) of the stamp's
    fields and the document's SHA-256: the 128 hex characters the stamp shows.
    """

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="+")
    stored_pdf = models.ForeignKey(StoredPdf, on_delete=models.PROTECT, related_name="stamps")
    doc_id = models.BigIntegerField()
    attachment_number = models.PositiveIntegerField()
    stamp_id = models.BigIntegerField()  # the court's stamp id (dcecfStamp_ID=...)
    stamped_on = models.DateField()  # in the court's time zone
    digest = models.CharField(max_length=128)
    key_id = models.CharField(max_length=16)  # which of the court's keys made it
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "doc_id", "attachment_number"], name="stamp_per_document"
            ),
            models.UniqueConstraint(fields=["court", "digest"], name="stamp_digest_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.doc_id}-{self.attachment_number}"


class PdfRules(models.Model):
    """A court's PDF rules beyond the size limit (``Court.pdf_size_limit_mb``).

    ``wording`` holds the court's own words for a refusal reason (reason → sentence); a reason
    without one uses CM/ECF's words (``rules.DEFAULT_WORDING``).
    """

    class Forms(models.TextChoices):
        REFUSE = "refuse", "Refuse fillable forms"
        FLATTEN = "flatten", "Accept and flatten fillable forms"

    court = models.OneToOneField(Court, on_delete=models.CASCADE, related_name="+")
    fillable_forms = models.CharField(max_length=8, choices=Forms.choices, default=Forms.REFUSE)
    wording = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "PDF rules"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fillable_forms__in=["refuse", "flatten"]),
                name="pdf_rules_forms_valid",
            )
        ]

    def __str__(self) -> str:
        return f"PDF rules of {self.court_id}"


class ServedCopy(models.Model):
    """A copy served with the court's header (``served_pdf``): its hash, so the verify page
    recognises a downloaded copy as the court's own, not as an altered one."""

    stored_pdf = models.ForeignKey(StoredPdf, on_delete=models.CASCADE, related_name="+")
    sha256 = models.CharField(max_length=64)
    header = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stored_pdf", "sha256"], name="served_copy_unique")
        ]
        indexes = [models.Index(fields=["sha256"], name="served_copy_sha256")]

    def __str__(self) -> str:
        return f"{self.sha256[:12]} of {self.stored_pdf_id}"

"""The Case Locator's index: one row per case of every court, one per party name and alias.

The rows are a copy of the record kept by the court side in the same transaction as each
change (``locator.facade.index_case``); sealed cases have no row. The full-text index over
``IndexedName.words`` is the database's own, made by the last step of migration 0001
(PostgreSQL: a generated ``tsvector`` column with a GIN index; SQLite: an FTS5 table kept by
triggers).
"""

from django.db import models


class IndexedCase(models.Model):
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    court_kind = models.CharField(max_length=10)  # district, bankruptcy, appellate
    caseid = models.BigIntegerField()  # the court's internal case id
    case_number = models.CharField(max_length=24)  # as the court keeps it: 4:26-cv-00012
    shown_number = models.CharField(max_length=40)  # as CM/ECF shows it: 4:26-cv-00012-BCW
    kind = models.CharField(max_length=2)  # cv, cr, mc, mj, bk, ap, ca
    office_number = models.PositiveSmallIntegerField(default=0)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    title = models.CharField(max_length=400)
    date_filed = models.DateField()
    date_terminated = models.DateField(null=True, blank=True)
    nature_of_suit = models.CharField(max_length=8, blank=True)
    chapter = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "caseid"], name="locator_case_unique"),
        ]
        indexes = [
            models.Index(fields=["sequence", "court"], name="locator_case_sequence"),
            models.Index(fields=["date_filed"], name="locator_case_filed"),
            models.Index(fields=["nature_of_suit", "date_filed"], name="locator_case_nos"),
            models.Index(fields=["chapter", "date_filed"], name="locator_case_chapter"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.case_number}"


class IndexedName(models.Model):
    """A party's name or one of its aliases, as words the full-text index holds."""

    case = models.ForeignKey(IndexedCase, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)  # as the record has it
    role = models.CharField(max_length=20)
    words = models.CharField(max_length=300)  # rules.name_words(name)
    word_count = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["case"], name="locator_name_case")]

    def __str__(self) -> str:
        return self.name

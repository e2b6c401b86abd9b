"""The refusals of PDF intake."""

from __future__ import annotations

from openecf.core.errors import DomainError


class PdfRefused(DomainError, code="pdf_refused", status=422):
    """The PDF check refused a file: the court's words, naming the file and what was found."""

    def __init__(self, message: str, *, reason: str, file_name: str) -> None:
        super().__init__(message, field="document")
        self.reason = reason
        self.file_name = file_name


class StampKeyMissing(DomainError, code="stamp_key_missing", status=503):
    """Production has no stamp key for the court: the operator must install one."""

"""Pure rules of PDF intake: the refusal words, the stamp, the served header. No ORM, no clock."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from openecf.documents import inspection

# CM/ECF's own words where it has them (docs: cmecf-facts §9.1); a court may set its own.
_EXTERNAL = (
    "Document is malformed or contains code which may cause an external action (such as "
    "launching an application). This PDF document cannot be accepted."
)
DEFAULT_WORDING = {
    inspection.NOT_PDF: "The document is not a well-formed PDF document.",
    inspection.ENCRYPTED: (
        "The document has security measures in effect, such as password protection or access "
        "restrictions."
    ),
    inspection.JAVASCRIPT: _EXTERNAL,
    inspection.EXTERNAL_ACTION: _EXTERNAL,
    inspection.EMBEDDED_FILES: (
        "Documents with attached or embedded files cannot be accepted: file each as its own "
        "attachment."
    ),
    inspection.MULTIMEDIA: "Documents with audio or video content cannot be accepted.",
    inspection.XFA: "Fillable PDF forms must be flattened before filing in CM/ECF.",
    inspection.FILLABLE_FORM: "Fillable PDF forms must be flattened before filing in CM/ECF.",
    inspection.TOO_LARGE: (
        "The document is larger than this court accepts: split it into parts and file each as "
        "an attachment."
    ),
    inspection.CHECK_EXHAUSTED: (
        "The document could not be checked: it may be damaged or built to harm the system. "
        "Print it to a new PDF and try again."
    ),
}
REASONS = tuple(DEFAULT_WORDING)
REASON_LABELS = {
    inspection.NOT_PDF: "not a well-formed PDF",
    inspection.ENCRYPTED: "encrypted or password-protected",
    inspection.JAVASCRIPT: "JavaScript",
    inspection.EXTERNAL_ACTION: "launch and other external actions",
    inspection.EMBEDDED_FILES: "embedded files",
    inspection.MULTIMEDIA: "audio or video",
    inspection.XFA: "XFA forms",
    inspection.FILLABLE_FORM: "fillable forms (when refused)",
    inspection.TOO_LARGE: "over the size limit",
    inspection.CHECK_EXHAUSTED: "could not be checked (time or memory)",
}

NO_TEXT_WARNING = (
    "{file_name} is not text-searchable{where}: the court asks for text-searchable PDFs "
    "(run OCR before filing)."
)


def refusal_message(*, file_name: str, reason: str, detail: str, wording: dict[str, str]) -> str:
    """The court's words for ``reason``, naming the file and what was found."""
    words = (wording.get(reason) or DEFAULT_WORDING[reason]).strip()
    return f"{file_name} was not accepted: {words} (Found: {detail}.)"


def wording_problems(wording: Mapping[str, object]) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for reason, words in wording.items():
        if reason not in DEFAULT_WORDING:
            problems[reason] = [
                f"There is no refusal reason {reason!r}: use one of {', '.join(REASONS)}."
            ]
        elif not isinstance(words, str) or len(words) > 500:
            problems[reason] = ["Write the refusal as text of at most 500 characters."]
    return problems


FORMS = ("refuse", "flatten")


def forms_problems(fillable_forms: str) -> list[str]:
    if fillable_forms not in FORMS:
        return ["Choose refuse or flatten for fillable forms."]
    return []


def text_warning(file_name: str, *, pages_without_text: tuple[int, ...], page_count: int) -> str:
    """The warning shown when some pages have no text layer; "" when every page has one."""
    if not pages_without_text:
        return ""
    if len(pages_without_text) == page_count:
        where = ""
    else:
        shown = ", ".join(str(n) for n in pages_without_text[:10])
        more = ", ..." if len(pages_without_text) > 10 else ""
        where = f" on page{'s' if len(pages_without_text) > 1 else ''} {shown}{more}"
    return NO_TEXT_WARNING.format(file_name=file_name, where=where)


def size_limit_bytes(limit_mb: int) -> int:
    return limit_mb * 1024 * 1024


def content_name(sha256: str) -> str:
    """Where a PDF is kept in storage: named by its content."""
    return f"pdf/{sha256[:2]}/{sha256[2:4]}/{sha256}.pdf"


# The electronic document stamp.


@dataclass(frozen=True)
class StampFields:
    court_id: str
    stamp_id: int
    stamped_on: date
    doc_id: int
    attachment_number: int
    digest: str = ""


_STAMP = re.compile(
    r"\[STAMP\s+(?P<court>[a-z0-9]+)ecfStamp_ID=(?P<stamp_id>\d+)\s*\[Date=(?P<m>\d{1,2})/"
    r"(?P<d>\d{1,2})/(?P<y>\d{4})\]\s*\[FileNumber=(?P<doc>\d+)-(?P<att>\d+)\]\s*"
    r"\[(?P<digest>[0-9a-fA-F]{128})\]\s*\]"
)


def stamp_id_for(key: bytes) -> int:
    """The court's stamp id: ten digits derived from its key (stable, nothing stored)."""
    return 1_000_000_000 + int.from_bytes(hmac.digest(key, b"stamp-id", "sha256")[:8]) % (
        9_000_000_000
    )


def key_id_for(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


def stamp_digest(key: bytes, fields: StampFields, sha256: str) -> str:
    """HMAC-SHA-512 of the stamp's fields and the document's SHA-256: 128 hex characters."""
    message = (
        f"{fields.stamp_id}|{fields.stamped_on.isoformat()}|"
        f"{fields.doc_id}-{fields.attachment_number}|{sha256}"
    )
    return hmac.new(key, message.encode(), hashlib.sha512).hexdigest()


def stamp_text(fields: StampFields) -> str:
    """``[STAMP mowdecfStamp_ID=1105209843 [Date=4/24/2018] [FileNumber=12-0] [<128 hex>]]``."""
    day = fields.stamped_on
    return (
        f"[STAMP {fields.court_id}ecfStamp_ID={fields.stamp_id} "
        f"[Date={day.month}/{day.day}/{day.year}] "
        f"[FileNumber={fields.doc_id}-{fields.attachment_number}] [{fields.digest}]]"
    )


def read_stamp(text: str) -> StampFields | None:
    """The fields of a stamp pasted from a notice; None when it is not one."""
    match = _STAMP.search(" ".join(text.split()))
    if not match:
        return None
    try:
        stamped_on = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return StampFields(
        court_id=match["court"],
        stamp_id=int(match["stamp_id"]),
        stamped_on=stamped_on,
        doc_id=int(match["doc"]),
        attachment_number=int(match["att"]),
        digest=match["digest"].lower(),
    )


# The served header.


def header_for_page(header: str, *, page: int, pages: int) -> str:
    """``Case ... Filed 04/24/18`` + `` Page N of M`` (or ``{page}``/``{pages}`` filled in)."""
    if "{page}" in header:
        return header.replace("{pages}", str(pages)).replace("{page}", str(page))
    return f"{header} Page {page} of {pages}"


def pdf_string(text: str) -> bytes:
    """``text`` as a PDF literal string in WinAnsi (Helvetica): parentheses escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

"""The PDF check itself, with pikepdf (qpdf) and pypdf: run only inside the limited child.

No Django here. ``openecf.documents.checker`` runs ``inspect_pdf`` in a child process with CPU,
memory and wall-clock limits, so a decompression bomb or a deeply nested file costs that child,
never the server. What comes back is small and plain (``Inspection``): the refusal reason, if
any, the page count, which pages have text, and the privacy hits already masked. The text of
the pages never leaves the child.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdf
from pypdf.errors import LimitReachedError

from openecf.documents import privacy, text_layer
from openecf.documents.privacy import PrivacyHit

# Refusal reasons (rules.DEFAULT_WORDING has the court's default words for each).
NOT_PDF = "not_pdf"
ENCRYPTED = "encrypted"
JAVASCRIPT = "javascript"
EXTERNAL_ACTION = "external_action"
EMBEDDED_FILES = "embedded_files"
MULTIMEDIA = "multimedia"
XFA = "xfa"
FILLABLE_FORM = "fillable_form"
TOO_LARGE = "too_large"
CHECK_EXHAUSTED = "check_exhausted"

# Names that make a file refused wherever they appear (as a key or as a name value). qpdf
# decodes ``#xx`` escapes when it parses a name, so ``/J#61vaScript`` arrives as ``/JavaScript``.
_KEYS = {
    "/JS": (JAVASCRIPT, "JavaScript"),
    "/JavaScript": (JAVASCRIPT, "JavaScript"),
    "/EmbeddedFiles": (EMBEDDED_FILES, "embedded (attached) files"),
    "/EF": (EMBEDDED_FILES, "embedded (attached) files"),
    "/RichMediaContent": (MULTIMEDIA, "rich media (audio or video)"),
    "/XFA": (XFA, "an XFA form"),
}
_NAMES = {
    "/JavaScript": (JAVASCRIPT, "JavaScript"),
    "/Launch": (EXTERNAL_ACTION, "an action that launches an application"),
    "/ImportData": (EXTERNAL_ACTION, "an action that imports outside data"),
    "/SubmitForm": (EXTERNAL_ACTION, "an action that sends form data elsewhere"),
    "/EmbeddedFile": (EMBEDDED_FILES, "embedded (attached) files"),
    "/FileAttachment": (EMBEDDED_FILES, "embedded (attached) files"),
    "/RichMedia": (MULTIMEDIA, "rich media (audio or video)"),
    "/Movie": (MULTIMEDIA, "a movie"),
    "/Sound": (MULTIMEDIA, "a sound"),
    "/Screen": (MULTIMEDIA, "a media screen"),
    "/Rendition": (MULTIMEDIA, "a media rendition"),
    "/3D": (MULTIMEDIA, "3D content"),
}
# Names whose values are names too but mean nothing here (a font called /Sound, say).
_HARMLESS_KEYS = {"/BaseFont", "/FontName", "/Name"}


@dataclass(frozen=True)
class Options:
    """What the court asks of the check."""

    flatten_forms: bool = False  # else a fillable form is refused
    find_minors: bool = False  # names of minors, when the event says so
    flattened_path: str = ""  # where to write the flattened copy


@dataclass(frozen=True)
class Inspection:
    refusal: str = ""  # a reason above, or "" when accepted
    detail: str = ""  # what was found, in words (for the message)
    page_count: int = 0
    pages_without_text: tuple[int, ...] = ()
    privacy_hits: tuple[PrivacyHit, ...] = ()
    flattened: bool = False
    flattened_sha256: str = ""
    flattened_size: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


def refused(reason: str, detail: str) -> Inspection:
    return Inspection(refusal=reason, detail=detail)


def inspect_pdf(path: str, options: Options) -> Inspection:
    """Check the PDF at ``path``: refuse it (``refusal``) or describe it."""
    with open(path, "rb") as head:
        if b"%PDF-" not in head.read(1024):
            return refused(NOT_PDF, "it does not start as a PDF file does")
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return refused(ENCRYPTED, "it is protected by a password")
    except (pikepdf.PdfError, ValueError, RecursionError) as error:
        return refused(NOT_PDF, f"it could not be read ({_first_line(error, path)})")
    with pdf:
        if pdf.is_encrypted:
            return refused(ENCRYPTED, "it is encrypted (it has access restrictions)")
        try:
            found = _forbidden_content(pdf)
            if found:
                return refused(*found)
            page_count = len(pdf.pages)
            has_form = _has_fillable_form(pdf)
        except (pikepdf.PdfError, RecursionError) as error:
            return refused(NOT_PDF, f"its structure is broken ({_first_line(error, path)})")
        if page_count == 0:
            return refused(NOT_PDF, "it has no pages")
        flattened = False
        if has_form:
            if not options.flatten_forms:
                return refused(FILLABLE_FORM, "it has fillable form fields")
            _flatten(pdf, options.flattened_path)
            flattened = True
    read_from = options.flattened_path if flattened else path
    try:
        texts = _page_texts(read_from, page_count)
    except LimitReachedError:
        return refused(CHECK_EXHAUSTED, "a part of it inflates to more than a document may hold")
    digest, size = _sha256_and_size(read_from) if flattened else ("", 0)
    return Inspection(
        page_count=page_count,
        pages_without_text=tuple(n for n, text in enumerate(texts, 1) if not text.strip()),
        privacy_hits=tuple(privacy.hits_on_pages(texts, minors=options.find_minors)),
        flattened=flattened,
        flattened_sha256=digest,
        flattened_size=size,
    )


def _first_line(error: BaseException, path: str) -> str:
    """qpdf's first line about the file, without the intake copy's path."""
    text = str(error).replace(f"{path}: ", "").replace(path, "the file").strip()
    return (text.splitlines() or [type(error).__name__])[0][:200]


def _forbidden_content(pdf: pikepdf.Pdf) -> tuple[str, str] | None:
    """The first forbidden key or name anywhere in the file, as (reason, words)."""
    for key, value in _names_everywhere(pdf):
        if key in _KEYS:
            return _KEYS[key]
        if value in _NAMES and key not in _HARMLESS_KEYS:
            return _NAMES[value]
    return None


def _names_everywhere(pdf: pikepdf.Pdf) -> Iterator[tuple[str, str]]:
    """(key, name value or "") for every dictionary entry and array item in the file.

    Each indirect object is visited once from ``pdf.objects``; references are not followed,
    so cycles cannot loop, and the walk keeps its own stack, so deep nesting cannot overflow.
    """
    for top in pdf.objects:
        stack: list[tuple[str, object]] = [("", top)]
        while stack:
            key, item = stack.pop()
            if isinstance(item, pikepdf.Stream):
                item = item.stream_dict
            if isinstance(item, pikepdf.Name):
                yield key, str(item)
            elif isinstance(item, pikepdf.Dictionary):
                for child_key, child in item.items():
                    yield child_key, ""
                    if not _is_reference(child):
                        stack.append((child_key, child))
            elif isinstance(item, pikepdf.Array):
                stack.extend((key, child) for child in item if not _is_reference(child))


def _is_reference(item: object) -> bool:
    return isinstance(item, pikepdf.Object) and item.is_indirect


def _has_fillable_form(pdf: pikepdf.Pdf) -> bool:
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and len(form.get("/Fields", [])) > 0:
        return True
    return any(
        annotation.get("/Subtype") == "/Widget"
        for page in pdf.pages
        for annotation in page.obj.get("/Annots", [])
        if isinstance(annotation, pikepdf.Dictionary)
    )


def _flatten(pdf: pikepdf.Pdf, out: str) -> None:
    """Print the form's fields into the pages, then drop the form (a flattened copy)."""
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        form.NeedAppearances = True  # qpdf draws the fields' values only when asked to
    pdf.generate_appearance_streams()
    pdf.flatten_annotations("all")
    if "/AcroForm" in pdf.Root:
        del pdf.Root["/AcroForm"]
    pdf.save(out)


def _page_texts(path: str, page_count: int) -> list[str]:
    """The text layer of each page: read fast from qpdf's parse (``text_layer``) where it can
    be, else by pypdf; a page whose text neither can read counts as having none."""
    with pikepdf.open(path) as pdf:
        texts = [text_layer.page_text(page) for page in pdf.pages[:page_count]]
    if all(text is not None for text in texts):
        return [text or "" for text in texts]
    with open(path, "rb") as source:  # a file, not a path: pypdf would read a path whole
        reader = pypdf.PdfReader(source)
        return [
            text if text is not None else _pypdf_text(reader, number)
            for number, text in enumerate(texts)
        ]


def _pypdf_text(reader: pypdf.PdfReader, index: int) -> str:
    try:
        return reader.pages[index].extract_text() or ""
    except LimitReachedError:
        raise
    except Exception:  # a font or content stream pypdf cannot read: no usable text
        return ""


def _sha256_and_size(path: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest(), Path(path).stat().st_size

"""Text lines as a small PDF in Helvetica, 50 lines a page: PACER invoices and statements, and
the demo's documents (a certificate of good standing, the demo case's filings).

Written directly (PDF 1.4, the standard Helvetica font, no embedded fonts or images), so it
needs no PDF library; the text layer is searchable and copyable, as courts require of filings.
"""

from __future__ import annotations

LINES_PER_PAGE = 50


def _escape(text: str) -> str:
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(lines: list[str], *, title: str) -> bytes:
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    objects: list[bytes] = []
    font_id, pages_id = 3, 2
    page_ids: list[int] = []
    for page_lines in pages:
        stream = (
            "BT /F1 10 Tf 14 TL 50 760 Td "
            + " ".join(f"({_escape(line)}) Tj T*" for line in page_lines)
            + " ET"
        )
        content = stream.encode("latin-1")
        content_id = 4 + 2 * len(page_ids) + 1
        page_id = content_id - 1
        page_ids.append(page_id)
        objects.append(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    info = f"<< /Title ({_escape(title)}) /Producer (OpenECF) >>".encode("latin-1")
    body = [*head, *objects, info]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R /Info {len(body)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)

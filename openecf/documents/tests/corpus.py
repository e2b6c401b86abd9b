"""The PDF test corpus: legitimate and hostile PDFs, written with pikepdf (or byte by byte).

Every refusal kind of the PDF check has a maker here; the tests use them, and

    .venv/bin/python -m openecf.documents.tests.corpus /tmp/corpus

writes them all to a folder to look at (or to feed another PDF checker).
"""

from __future__ import annotations

import io
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from openecf.documents.rules import pdf_string

LETTER = [0, 0, 612, 792]


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )


def _text_stream(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 14 TL 54 740 Td"]
    ops += [pdf_string(line) + b" Tj T*" for line in lines]
    ops.append(b"ET")
    return b"\n".join(ops)


def new_text_pdf(pages: list[list[str]]) -> pikepdf.Pdf:
    """A PDF whose pages carry the given lines as real text (Helvetica)."""
    pdf = pikepdf.new()
    font = _font(pdf)
    for lines in pages:
        page = Dictionary(
            Type=Name.Page,
            MediaBox=LETTER,
            Contents=pdf.make_stream(_text_stream(lines)),
            Resources=Dictionary(Font=Dictionary(F1=font)),
        )
        pdf.pages.append(pikepdf.Page(page))
    return pdf


def saved(pdf: pikepdf.Pdf, **options: object) -> bytes:
    """The file's bytes; the same every time (qpdf refuses a fixed /ID when encrypting)."""
    if "encryption" not in options:
        options["deterministic_id"] = True
    out = io.BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def text_pdf(pages: int = 3, *, lines: list[str] | None = None) -> bytes:
    """A plain, text-searchable brief."""
    body = lines or ["MOTION TO DISMISS", "Defendant moves to dismiss the complaint."]
    return saved(new_text_pdf([[*body, f"Page {n} of the brief."] for n in range(1, pages + 1)]))


def _add_image_page(pdf: pikepdf.Pdf, *, size: int = 64, data: bytes | None = None) -> None:
    pixels = (
        data
        if data is not None
        else bytes((x * 7 + y * 3) % 256 for y in range(size) for x in range(size))
    )
    side = int(len(pixels) ** 0.5)
    image = pikepdf.Stream(pdf, pixels)
    image.Type, image.Subtype = Name.XObject, Name.Image
    image.Width = image.Height = side
    image.ColorSpace, image.BitsPerComponent = Name.DeviceGray, 8
    page = Dictionary(
        Type=Name.Page,
        MediaBox=LETTER,
        Contents=pdf.make_stream(b"q 468 0 0 468 72 200 cm /Im0 Do Q"),
        Resources=Dictionary(XObject=Dictionary(Im0=image)),
    )
    pdf.pages.append(pikepdf.Page(page))


def image_only_pdf(pages: int = 2) -> bytes:
    """A scan without OCR: pictures of pages, no text layer."""
    pdf = pikepdf.new()
    for _ in range(pages):
        _add_image_page(pdf)
    return saved(pdf)


def mixed_pdf() -> bytes:
    """Page 1 has text, page 2 is a picture only."""
    pdf = new_text_pdf([["EXHIBIT A", "A contract between the parties."]])
    _add_image_page(pdf)
    return saved(pdf)


def rotated_pdf() -> bytes:
    pdf = new_text_pdf([["Landscape exhibit"], ["Upside down"], ["Portrait"]])
    pdf.pages[0].obj.Rotate = 90
    pdf.pages[1].obj.Rotate = 180
    return saved(pdf)


def large_pdf(megabytes: int, *, path: str) -> None:
    """A file of about ``megabytes`` MB: pages of incompressible pictures (bench only)."""
    pdf = new_text_pdf([["A large exhibit of scanned photographs."]])
    per_page = 2 * 1024 * 1024
    for _ in range(max(1, megabytes // 2)):
        _add_image_page(pdf, data=os.urandom(per_page - per_page % 1024)[: 1448 * 1448])
    pdf.save(path)


def _with(change: Callable[[pikepdf.Pdf], None], **options: object) -> bytes:
    pdf = new_text_pdf([["A brief with something hidden in it."], ["Second page."]])
    change(pdf)
    return saved(pdf, **options)


def _js(code: str = "app.alert('hello');") -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=String(code))


def javascript_open_action() -> bytes:
    return _with(lambda pdf: pdf.Root.__setattr__("OpenAction", _js()))


def javascript_page_action() -> bytes:
    return _with(lambda pdf: pdf.pages[1].obj.__setattr__("AA", Dictionary(O=_js())))


def javascript_annotation() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[72, 600, 300, 620], A=_js())
        pdf.pages[0].obj.Annots = pdf.make_indirect(Array([pdf.make_indirect(link)]))

    return _with(change)


def javascript_names_tree() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        tree = Dictionary(Names=Array([String("startup"), pdf.make_indirect(_js())]))
        pdf.Root.Names = Dictionary(JavaScript=pdf.make_indirect(tree))

    return _with(change)


def javascript_form_field() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        field = _text_field(pdf, "total")
        field.AA = Dictionary(K=_js("AFNumber_Keystroke(2);"))

    return _with(change)


def javascript_in_compressed_object_stream() -> bytes:
    """The action sits inside a compressed object stream, out of reach of a byte search."""
    return _with(
        lambda pdf: pdf.Root.__setattr__("OpenAction", pdf.make_indirect(_js())),
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )


def launch_action() -> bytes:
    action = Dictionary(S=Name.Launch, F=String("C:\\Windows\\System32\\calc.exe"))
    return _with(lambda pdf: pdf.Root.__setattr__("OpenAction", action))


def embedded_file() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ not really a program")

    return _with(change)


def _media_annotation(subtype: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        annotation = Dictionary(Type=Name.Annot, Subtype=Name(subtype), Rect=[72, 400, 400, 700])
        pdf.pages[0].obj.Annots = Array([pdf.make_indirect(annotation)])

    return change


def rich_media() -> bytes:
    return _with(_media_annotation("/RichMedia"))


def movie() -> bytes:
    return _with(_media_annotation("/Movie"))


def sound() -> bytes:
    return _with(_media_annotation("/Sound"))


def _text_field(pdf: pikepdf.Pdf, name: str, value: str = "1,250.00") -> pikepdf.Object:
    font = _font(pdf)
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String(name),
            V=String(value),
            DA=String("/Helv 10 Tf 0 g"),
            Rect=[72, 500, 300, 520],
            F=4,
            P=pdf.pages[0].obj,
        )
    )
    pdf.pages[0].obj.Annots = Array([field])
    pdf.Root.AcroForm = Dictionary(
        Fields=Array([field]),
        DA=String("/Helv 10 Tf 0 g"),
        DR=Dictionary(Font=Dictionary(Helv=font)),
    )
    return field


def fillable_form() -> bytes:
    return _with(lambda pdf: _text_field(pdf, "amount_claimed"))


def xfa_form() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.Root.AcroForm = Dictionary(
            Fields=Array(), XFA=pdf.make_stream(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")
        )

    return _with(change)


def encrypted_with_password() -> bytes:
    return _with(lambda pdf: None, encryption=pikepdf.Encryption(owner="clerk", user="secret"))


def encrypted_with_restrictions() -> bytes:
    """Opens without a password, but printing and copying are restricted."""
    permissions = pikepdf.Permissions(extract=False, print_highres=False, print_lowres=False)
    return _with(
        lambda pdf: None, encryption=pikepdf.Encryption(owner="clerk", user="", allow=permissions)
    )


def not_a_pdf() -> bytes:
    return (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
    )


def broken_pdf() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def no_pages_pdf() -> bytes:
    return saved(pikepdf.new())


# Byte-by-byte PDFs: what a PDF library would refuse to write.


def raw_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF file of the given objects (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _raw_stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _raw_page_objects(action: bytes = b"") -> list[bytes]:
    content = _raw_stream(b"BT /F1 12 Tf 72 700 Td (An innocent looking brief.) Tj ET")
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + action + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def javascript_obfuscated_names() -> bytes:
    """``/J#61vaScript`` and ``/J#53``: the names spelled with escapes, to dodge byte searches."""
    return raw_pdf(_raw_page_objects(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"))


def launch_obfuscated_name() -> bytes:
    return raw_pdf(_raw_page_objects(b"/OpenAction << /S /L#61unch /F (cmd.exe) >>"))


def deeply_nested() -> bytes:
    """Arrays nested 100,000 deep in the catalog: a parser that recurses would overflow."""
    depth = 100_000
    return raw_pdf(_raw_page_objects(b"/Deep " + b"[" * depth + b"]" * depth))


def _deflated(megabytes: int, *, fill: bytes = b"\0", prefix: bytes = b"") -> bytes:
    """A zlib stream of ``prefix`` and ``megabytes`` MB of ``fill``, made in milliseconds.

    After a full flush, each further megabyte of the same byte compresses to the same block,
    so one block is repeated; the trailer's Adler-32 is computed over the whole.
    """
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = fill * (1 << 20)
    first = squeeze.compress(prefix + chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    checksum = zlib.adler32(prefix + chunk)
    for _ in range(megabytes - 1):
        checksum = zlib.adler32(chunk, checksum)
    body = first + block * (megabytes - 1) + squeeze.flush()
    return b"\x78\xda" + body + checksum.to_bytes(4, "big")


def decompression_bomb(megabytes: int = 512) -> bytes:
    """A page whose content stream inflates from under a megabyte to ``megabytes`` MB."""
    objects = _raw_page_objects()
    objects[3] = _raw_stream(_deflated(megabytes), b"/Filter /FlateDecode")
    return raw_pdf(objects)


def object_stream_bomb(megabytes: int = 512) -> bytes:
    """The page tree itself inside a compressed object stream that inflates to ``megabytes`` MB
    (qpdf must inflate it to read the pages)."""
    header = b"6 0 "
    body = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >> "
    data = _deflated(megabytes, fill=b" ", prefix=header + body)
    first = len(header)
    objects = _raw_page_objects()
    objects[1] = _raw_stream(data, b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode" % first)
    # Object 2 lives in the object stream: point the catalog at a new number for the stream.
    catalog, _, page, content, font = objects
    objects = [
        catalog.replace(b"2 0 R", b"6 0 R"),
        b"null",
        page.replace(b"2 0 R", b"6 0 R"),
        content,
        font,
        b"null",
        objects[1],
    ]
    return _raw_with_object_stream(objects)


def _raw_with_object_stream(objects: list[bytes]) -> bytes:
    """Objects 1..n, where object 6 is the Pages dict stored in object stream 7 (xref stream)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number, body in enumerate(objects, 1):
        if number in (2, 6):
            continue
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    rows = [bytes([0, 0, 0, 0, 0, 0xFF])]
    for number in range(1, len(objects) + 2):
        if number == 6:
            rows.append(bytes([2, 0, 0, 0, 7, 0]))  # in object stream 7, index 0
        elif number in offsets:
            rows.append(bytes([1]) + offsets[number].to_bytes(4, "big") + b"\x00")
        else:
            rows.append(bytes(6))
    xref_number = len(objects) + 1
    xref_offset = len(out)
    rows[xref_number] = bytes([1]) + xref_offset.to_bytes(4, "big") + b"\x00"
    table = b"".join(rows)
    out += f"{xref_number} 0 obj\n".encode()
    out += b"<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n" % (
        xref_number + 1,
        len(table),
    )
    out += table + b"\nendstream\nendobj\n"
    out += f"startxref\n{xref_offset}\n%%EOF\n".encode()
    return bytes(out)


# name -> (maker, the refusal reasons the check may give; "" = accepted). A bomb is refused
# either when the child runs out (check_exhausted) or when qpdf, out of memory, finds the
# structure it could not inflate missing (not_pdf): which, depends on the memory limit.
BOMB = "check_exhausted|not_pdf"
CORPUS: dict[str, tuple[Callable[[], bytes], str]] = {
    "text.pdf": (text_pdf, ""),
    "image_only.pdf": (image_only_pdf, ""),
    "mixed.pdf": (mixed_pdf, ""),
    "rotated.pdf": (rotated_pdf, ""),
    "javascript_open_action.pdf": (javascript_open_action, "javascript"),
    "javascript_page_action.pdf": (javascript_page_action, "javascript"),
    "javascript_annotation.pdf": (javascript_annotation, "javascript"),
    "javascript_names_tree.pdf": (javascript_names_tree, "javascript"),
    "javascript_form_field.pdf": (javascript_form_field, "javascript"),
    "javascript_object_stream.pdf": (javascript_in_compressed_object_stream, "javascript"),
    "javascript_obfuscated.pdf": (javascript_obfuscated_names, "javascript"),
    "launch.pdf": (launch_action, "external_action"),
    "launch_obfuscated.pdf": (launch_obfuscated_name, "external_action"),
    "embedded_file.pdf": (embedded_file, "embedded_files"),
    "rich_media.pdf": (rich_media, "multimedia"),
    "movie.pdf": (movie, "multimedia"),
    "sound.pdf": (sound, "multimedia"),
    "xfa.pdf": (xfa_form, "xfa"),
    "fillable_form.pdf": (fillable_form, "fillable_form"),
    "encrypted_password.pdf": (encrypted_with_password, "encrypted"),
    "encrypted_restrictions.pdf": (encrypted_with_restrictions, "encrypted"),
    "not_a_pdf.gif": (not_a_pdf, "not_pdf"),
    "broken.pdf": (broken_pdf, "not_pdf"),
    "no_pages.pdf": (no_pages_pdf, "not_pdf"),
    "deeply_nested.pdf": (deeply_nested, "not_pdf"),
    "decompression_bomb.pdf": (decompression_bomb, BOMB),
    "object_stream_bomb.pdf": (object_stream_bomb, BOMB),
}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (maker, _) in CORPUS.items():
        path = folder / name
        path.write_bytes(maker())
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "pdf-corpus")):
        print(written_path)

"""The text of a page, read fast with qpdf's content-stream parser (pikepdf), for simple cases.

pypdf reads any page's text but costs tens of milliseconds a page in Python. Most filed pages
are simple: their fonts carry a ``/ToUnicode`` map or a standard one-byte encoding, and their
text is drawn by the page itself. For those, this reads the text-showing operators parsed by
qpdf (C++) and decodes them here; a page it cannot read with certainty (a Type 3 font, an
encoding with ``/Differences`` and no map, text inside a form XObject) answers ``None`` and is
left to pypdf. Runs inside the PDF check's limited child, like all of ``inspection``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pikepdf

Decoder = Callable[[bytes], str]

_SIMPLE_ENCODINGS = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman"}
_OPERATORS = "BT ET Tf Td TD Tm T* Tj TJ ' \""
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


class Unreadable(Exception):
    """This page needs pypdf."""


def page_text(page: pikepdf.Page) -> str | None:
    """The page's text, lines in drawing order; None when only pypdf can read it."""
    try:
        return _read(page)
    except (Unreadable, pikepdf.PdfError, ValueError, KeyError, TypeError):
        return None


def _read(page: pikepdf.Page) -> str:
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
        if xobject.get("/Subtype") == "/Form":
            raise Unreadable  # text may be drawn inside it
    fonts = resources.get("/Font", pikepdf.Dictionary())
    decoders: dict[str, Decoder] = {}
    decode: Decoder | None = None
    parts: list[str] = []
    line_y: float | None = None
    for instruction in pikepdf.parse_content_stream(page, _OPERATORS):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue
        operands, op = list(instruction.operands), str(instruction.operator)
        if op == "Tf":
            name = str(operands[0])
            if name not in decoders:
                decoders[name] = _decoder(fonts[name])
            decode = decoders[name]
        elif op in ("Td", "TD", "Tm"):
            y = float(operands[-1])
            if y != 0 if op != "Tm" else (line_y is not None and abs(y - line_y) > 0.5):
                _new_line(parts)
            line_y = y if op == "Tm" else None
        elif op in ("T*", "'", '"', "ET"):
            _new_line(parts)
        if op in ("Tj", "'", '"', "TJ"):
            if decode is None:
                raise Unreadable
            parts.append(_shown(operands, op, decode))
    return "".join(parts)


def _new_line(parts: list[str]) -> None:
    if parts and parts[-1] != "\n":
        parts.append("\n")


def _shown(operands: list, op: str, decode: Decoder) -> str:
    if op == "TJ":
        pieces = []
        for item in operands[0]:
            if isinstance(item, pikepdf.String):
                pieces.append(decode(bytes(item)))
            elif float(item) < -200:  # a wide gap in the kerning array: a space
                pieces.append(" ")
        return "".join(pieces)
    return decode(bytes(operands[-1]))


def _decoder(font: pikepdf.Object) -> Decoder:
    subtype = font.get("/Subtype")
    if "/ToUnicode" in font:
        return _cmap_decoder(font.ToUnicode.read_bytes(), two_bytes=subtype == "/Type0")
    if subtype in ("/Type0", "/Type3"):
        raise Unreadable
    encoding = font.get("/Encoding")
    if encoding is None or str(encoding) in ("/StandardEncoding", "/WinAnsiEncoding"):
        codec = "cp1252"
    elif str(encoding) in _SIMPLE_ENCODINGS:
        codec = _SIMPLE_ENCODINGS[str(encoding)]
    else:
        raise Unreadable  # an encoding with /Differences: glyph names pypdf knows
    table = bytes(range(256)).decode(codec, errors="replace")  # one lookup table per font
    return lambda raw: "".join(table[byte] for byte in raw)


def _cmap_decoder(cmap: bytes, *, two_bytes: bool) -> Decoder:
    """A decoder from a ToUnicode CMap's ``bfchar`` and ``bfrange`` sections."""
    table: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes = _HEX.findall(section)
        for source, target in zip(codes[::2], codes[1::2], strict=False):
            table[int(source, 16)] = _utf16(target)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in section.splitlines():
            codes = _HEX.findall(line)
            if len(codes) == 3 and b"[" not in line:
                low, high, first = int(codes[0], 16), int(codes[1], 16), _utf16(codes[2])
                if high - low > 65535 or not first:
                    raise Unreadable
                base = ord(first[-1])
                for offset, code in enumerate(range(low, high + 1)):
                    table[code] = first[:-1] + chr(base + offset)
            elif len(codes) >= 3:
                low = int(codes[0], 16)
                for offset, target in enumerate(codes[2:]):
                    table[low + offset] = _utf16(target)
    width = 2 if two_bytes else 1

    def decode(raw: bytes) -> str:
        return "".join(
            table.get(int.from_bytes(raw[i : i + width], "big"), "\ufffd")
            for i in range(0, len(raw) - width + 1, width)
        )

    return decode


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", errors="replace")

"""PDF intake: memory while a 200 MB PDF is uploaded and checked, and the raw filing baseline.

``raw_filing_baseline(pdf)`` is the floor a filing is measured against (issue 10, bench 1):
pikepdf open and page count, SHA-256, the file written, one row inserted, nothing else. The
docket's filings-per-second benchmark compares its API with it; ``pdf_intake_vs_raw`` here
compares this app's share (``check_pdf`` + ``keep``) with the same floor.
"""

from __future__ import annotations

import hashlib
import io
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import Result, benchmark, best_of, through_wsgi


def raw_filing_baseline(pdf: bytes, *, folder: Path | None = None) -> Callable[[], None]:
    """One raw "filing" of ``pdf``: open it with pikepdf and count its pages, hash it, write
    it to a file, insert one row (in its own table, in one transaction). For ``best_of``."""
    import pikepdf
    from django.db import connection, transaction

    folder = folder or Path(tempfile.mkdtemp(prefix="openecf-raw-filing-"))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_raw_filing"
            " (id INTEGER PRIMARY KEY, sha256 VARCHAR(64), page_count INTEGER, path VARCHAR(300))"
        )
    counter = iter(range(10**9))

    def file_once() -> None:
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            pages = len(opened.pages)
        sha256 = hashlib.sha256(pdf).hexdigest()
        path = folder / f"{next(counter)}.pdf"
        path.write_bytes(pdf)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_raw_filing (sha256, page_count, path) VALUES (%s, %s, %s)",
                [sha256, pages, str(path)],
            )

    return file_once


def _twenty_page_brief(variant: int) -> bytes:
    from openecf.documents.tests import corpus

    lines = [f"BRIEF IN SUPPORT, version {variant}", "The court should grant the motion."] * 8
    return corpus.text_pdf(pages=20, lines=lines)


@benchmark
def pdf_intake_vs_raw() -> Result:
    """check_pdf + keep of a 20-page brief (a new content each time) versus the raw baseline."""
    from django.db import transaction

    from openecf.documents import facade

    briefs = iter([_twenty_page_brief(variant) for variant in range(40)])  # made beforehand

    def ours() -> None:
        checked = facade.check_pdf(next(briefs), court_id="mowd", file_name="brief.pdf")
        with transaction.atomic():
            facade.keep(checked)

    raw = raw_filing_baseline(_twenty_page_brief(-1))
    return Result(
        "pdf_intake_20_pages_vs_raw_filing",
        best_of(ours, rounds=3, number=10),
        best_of(raw, rounds=3, number=10),
        target="the docket's filing API: at most 2x the raw filing",
    )


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


class _PeakRss:
    """The highest resident size of this process while the block runs, sampled every 2 ms."""

    def __enter__(self) -> _PeakRss:
        self.peak = _rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, _rss_bytes())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_bytes())


def _multipart_file(pdf_path: Path, boundary: str) -> Path:
    """The upload request's body on disk: the PDF as the ``document`` part."""
    body = pdf_path.with_suffix(".body")
    with body.open("wb") as out, pdf_path.open("rb") as pdf:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="document"; '
            f'filename="exhibit.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        )
        while chunk := pdf.read(1 << 20):
            out.write(chunk)
        out.write(f"\r\n--{boundary}--\r\n".encode())
    return body


@benchmark
def upload_200_mb_pdf_peak_rss() -> Result:
    """Peak resident memory of the web process while a 200 MB PDF is uploaded (streamed through
    WSGI from a file) and checked, above the idle process; the checking child's own peak is
    reported beside it (it runs under its own memory limit)."""
    from django.test import Client

    from bench.bench_wsgi import session_token
    from openecf.courts.models import Court

    folder = Path(tempfile.mkdtemp(prefix="openecf-bench-large-"))
    pdf_path = folder / "exhibit.pdf"
    subprocess.run(  # made in another process, so making it costs this one nothing
        [
            sys.executable,
            "-c",
            "import sys; from openecf.documents.tests import corpus; "
            "corpus.large_pdf(200, path=sys.argv[1])",
            str(pdf_path),
        ],
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    Court.objects.filter(pk="mowd").update(pdf_size_limit_mb=250)
    boundary = "openecfbenchboundary"
    body_path = _multipart_file(pdf_path, boundary)
    token = session_token("aattorney1")
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Authorization": f"Bearer {token}",
    }
    small = Client()  # warm the route, the forking and the imports with a small PDF
    from openecf.documents.tests import corpus

    small.post(
        "/api/v1/courts/mowd/documents/check",
        {"document": _named(corpus.text_pdf())},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    idle = _rss_bytes()
    started = time.perf_counter()
    with body_path.open("rb") as body, _PeakRss() as peak:
        answer = through_wsgi(
            "POST", "/api/v1/courts/mowd/documents/check", headers=headers, body=body
        )
    took = time.perf_counter() - started
    assert answer.status == 200, answer.body[:500]
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    megabyte = 1024 * 1024
    print(
        f"  200 MB upload: {os.path.getsize(pdf_path) / megabyte:.0f} MB checked in {took:.1f} s;"
        f" idle {idle / megabyte:.0f} MB, peak {peak.peak / megabyte:.0f} MB;"
        f" the checking child's peak {child_peak / megabyte:.0f} MB",
        flush=True,
    )
    for path in (pdf_path, body_path):
        path.unlink()
    return Result(
        "upload_200mb_pdf_rss_above_idle",
        (peak.peak - idle) / megabyte,
        100.0,
        unit="MB (baseline = the 100 MB budget)",
        target="under 100 MB: ratio under 1",
    )


def _named(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("warm.pdf", data, "application/pdf")

"""OpenECF benchmarks: each measured against a raw baseline in the same run.

    make bench            # all
    .venv/bin/python bench/run.py court_list   # one

Prints one line per benchmark: name, our figure, the baseline's figure, the ratio, the target.
Figures are the best of several rounds (seconds per operation). Never asserted in tests.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OPENECF_DATA", tempfile.mkdtemp(prefix="openecf-bench-"))
# The static files folder, as after collectstatic (whitenoise warns at start-up without it).
Path(os.environ["OPENECF_DATA"], "static").mkdir(parents=True, exist_ok=True)
os.environ.setdefault("OPENECF_TASKS", "immediate")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DEBUG", "0")  # as in production: no query log

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.harness import BENCHMARKS, RUNS_LAST, Result, benchmark, best_of  # noqa: E402


@benchmark
def court_list() -> Result:
    """GET /api/v1/courts (all 201 courts as JSON) versus a raw SQL query of the same rows."""
    from django.db import connection
    from django.test import Client

    client = Client()

    def ours() -> None:
        response = client.get("/api/v1/courts")
        assert response.status_code == 200

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, name, short_name, kind, state, time_zone, nextgen_go_live, pdf_size_limit_mb,"
                " clerk_phone, clerk_email FROM courts_court ORDER BY id"
            )
            cursor.fetchall()

    return Result("court_list_api_vs_raw_sql", best_of(ours), best_of(raw), target="informational")


def load_extra_benchmarks() -> None:
    """Apps add benchmarks in bench/bench_<area>.py using the ``benchmark`` decorator."""
    import importlib

    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        importlib.import_module(f"bench.{path.stem}")


def main(names: list[str]) -> int:
    call_command("migrate", verbosity=0, interactive=False)
    from openecf.web import demo

    demo.load()  # every demo court, person and court login
    load_extra_benchmarks()
    chosen = names or list(BENCHMARKS)
    unknown = [n for n in chosen if n not in BENCHMARKS]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        return 2
    chosen.sort(key=lambda name: name in RUNS_LAST)
    print(f"{'benchmark':<44} {'ours':>12} {'baseline':>12} {'ratio':>8}  target")
    for name in chosen:
        found = BENCHMARKS[name]()
        for result in found if isinstance(found, list) else [found]:
            print(
                f"{result.name:<44} {result.ours:>12.6f} {result.baseline:>12.6f}"
                f" {result.ratio:>7.2f}x  {result.target}  ({result.unit})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

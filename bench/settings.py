"""The real settings, plus one bench-only route: a static view that returns given bytes."""

from openecf.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

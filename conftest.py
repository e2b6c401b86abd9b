"""Test-wide setup: a throwaway data folder, so tests never touch var/."""

import os
import tempfile

os.environ.setdefault("OPENECF_DATA", tempfile.mkdtemp(prefix="openecf-test-"))
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("OPENECF_TASKS", "immediate")

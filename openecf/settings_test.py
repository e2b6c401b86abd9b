"""Settings for the test suite: the real settings, read from a throwaway environment.

Tests never touch ``var/``: data goes to a temporary folder, tasks run immediately, and
passwords hash with a cheap Argon2 cost unless a test asks for the real one.
"""

import os
import tempfile

os.environ.setdefault("OPENECF_DATA", tempfile.mkdtemp(prefix="openecf-test-"))
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("OPENECF_TASKS", "immediate")

from openecf.settings import *  # noqa: E402, F403

"""Settings for the test suite: the real settings, read from a throwaway environment.

Tests never touch ``var/``: data goes to a temporary folder, tasks run immediately, and
passwords hash with a cheap Argon2id cost (``tests_support/hashers.py``) unless a test asks for
the real one with the ``real_password_hashing`` fixture.
"""

import os
import tempfile

os.environ.setdefault("OPENECF_DATA", tempfile.mkdtemp(prefix="openecf-test-"))
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("OPENECF_TASKS", "immediate")

from openecf.settings import *  # noqa: E402, F403
from openecf.settings import PASSWORD_HASHERS as REAL_PASSWORD_HASHERS  # noqa: E402

# One "argon2" hasher only: Django picks the verifier by algorithm name, so keeping the real
# one next to the cheap one would re-hash every test password at each sign-in.
PASSWORD_HASHERS = [
    "openecf.tests_support.hashers.FastArgon2",
    *(h for h in REAL_PASSWORD_HASHERS if not h.endswith(".Argon2PasswordHasher")),
]

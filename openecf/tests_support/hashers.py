"""A cheap Argon2id for the test suite; production keeps Django's full cost.

Hashes still start with ``argon2$argon2id$``, so format and re-hash tests read the same. Tests
about the real cost ask for the ``real_password_hashing`` fixture (``openecf/conftest.py``).
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2(Argon2PasswordHasher):
    """Argon2id at the lowest cost the library accepts: one pass over 8 KiB, one lane."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1

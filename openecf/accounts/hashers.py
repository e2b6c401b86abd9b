"""Verify-only hashers for unsalted MD5 and SHA-1 hashes brought in by ``import-legacy``.

Django 5 dropped these; old systems still hold them. They only check a password: on the
first good sign-on Django re-hashes it with Argon2id (the first entry in PASSWORD_HASHERS),
and new passwords are never stored this way.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth.hashers import BasePasswordHasher
from django.utils.crypto import constant_time_compare


class _UnsaltedLegacyHasher(BasePasswordHasher):
    digest_name = ""
    prefix = ""

    def salt(self) -> str:
        return ""

    def encode(self, password: str, salt: str) -> str:
        if salt != "":
            raise ValueError("salt must be empty.")
        digest = hashlib.new(self.digest_name, password.encode()).hexdigest()
        return f"{self.prefix}$${digest}"

    def decode(self, encoded: str) -> dict:
        digest = encoded.rsplit("$", 1)[-1]
        return {"algorithm": self.algorithm, "hash": digest, "salt": ""}

    def verify(self, password: str, encoded: str) -> bool:
        return constant_time_compare(
            self.encode(password, ""), f"{self.prefix}$${self.decode(encoded)['hash']}"
        )

    def safe_summary(self, encoded: str) -> dict:
        return {"algorithm": self.algorithm, "hash": self.decode(encoded)["hash"][:6] + "…"}

    def must_update(self, encoded: str) -> bool:
        return True

    def harden_runtime(self, password: str, encoded: str) -> None:
        pass


class UnsaltedMD5PasswordHasher(_UnsaltedLegacyHasher):
    algorithm = "unsalted_md5"
    digest_name = "md5"
    prefix = "md5"


class UnsaltedSHA1PasswordHasher(_UnsaltedLegacyHasher):
    algorithm = "unsalted_sha1"
    digest_name = "sha1"
    prefix = "sha1"

"""Settings read from the environment, each failure one clear line saying what to set.

Only this module reads ``os.environ`` for settings; ``settings.py`` asks it.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url


class SettingsError(Exception):
    """A setting is missing or malformed; the message says what to set."""


def flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name}={raw!r} is not a yes/no value: set it to 1 or 0.")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(
            f"{name}={raw!r} is not a whole number: set e.g. {name}={default}."
        ) from None


def day(name: str, default: date) -> date:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a date: use YYYY-MM-DD.") from None


@dataclass(frozen=True)
class Environment:
    production: bool
    debug: bool
    data_dir: Path
    secret_key: str
    encryption_keys: tuple[str, ...]
    database: dict
    email: dict
    storage: str
    allowed_hosts: list[str]
    base_url: str
    tasks_backend: str


def data_dir() -> Path:
    return Path(os.environ.get("OPENECF_DATA") or "var").resolve()


def database_config(url: str | None, data: Path) -> dict:
    """SQLite in the data folder unless ``DATABASE_URL`` names another database.

    Connections persist across requests for ``DATABASE_CONN_MAX_AGE`` seconds (0 closes each
    at the end of its request), checked before reuse: opening one cost about half of a
    court page. Each gunicorn thread and the worker keep their own (docs/architecture.md).
    """
    max_age = integer("DATABASE_CONN_MAX_AGE", 600)
    if max_age < 0:
        raise SettingsError(
            f"DATABASE_CONN_MAX_AGE={max_age} is negative: use seconds, e.g. 600, or 0."
        )
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data / "openecf.sqlite3"),
            "CONN_MAX_AGE": max_age,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    scheme = urlsplit(url).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise SettingsError(
            f"DATABASE_URL scheme {scheme or '(none)'!r} is not supported: use "
            "postgres://user@host:5432/name or sqlite:////absolute/path.sqlite3."
        )
    try:
        config: dict = dict(
            dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=True)
        )
    except ValueError as exc:
        raise SettingsError(f"DATABASE_URL could not be read ({exc}): fix it.") from exc
    if not config.get("NAME"):
        raise SettingsError("DATABASE_URL names no database: add one, e.g. .../openecf.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = database_config(None, data)["OPTIONS"]
    return dict(config)


def email_config(url: str | None, data: Path) -> dict:
    if not url:
        return {
            "EMAIL_BACKEND": "openecf.core.mail.EmlFileBackend",
            "EMAIL_FILE_PATH": str(data / "mail"),
        }
    schemes = {"smtp", "smtps", "submission", "console", "file", "memory", "dummy"}
    scheme = urlsplit(url).scheme
    if scheme not in schemes:
        raise SettingsError(
            f"EMAIL_URL scheme {scheme or '(none)'!r} is not supported: use smtp://user:pass@host:25, "
            "smtps://..., console: or file:///path."
        )
    try:
        parsed = dj_email_url.parse(url)
    except Exception as exc:  # dj-email-url raises bare errors on bad schemes
        raise SettingsError(
            f"EMAIL_URL could not be read ({exc}): use smtp://user:pass@host:25 or console:"
        ) from exc
    config = {
        "EMAIL_BACKEND": parsed["EMAIL_BACKEND"],
        "EMAIL_HOST": parsed["EMAIL_HOST"] or "localhost",
        "EMAIL_PORT": parsed["EMAIL_PORT"] or 25,
        "EMAIL_HOST_USER": parsed["EMAIL_HOST_USER"] or "",
        "EMAIL_HOST_PASSWORD": parsed["EMAIL_HOST_PASSWORD"] or "",
        "EMAIL_USE_TLS": parsed["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": parsed["EMAIL_USE_SSL"],
    }
    if parsed.get("EMAIL_FILE_PATH"):
        config["EMAIL_FILE_PATH"] = parsed["EMAIL_FILE_PATH"]
    return config


def secret_key(production: bool, data: Path) -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        if production and len(key) < 40:
            raise SettingsError("SECRET_KEY is too short for production: use 40+ random chars.")
        return key
    if production:
        raise SettingsError(
            "SECRET_KEY is not set: production needs SECRET_KEY in the environment."
        )
    key_file = data / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def encryption_keys(production: bool, data: Path) -> tuple[str, ...]:
    """The keys that encrypt stored secrets (TOTP secrets), kept outside the database.

    ``OPENECF_ENCRYPTION_KEYS``: comma-separated Fernet keys, the first encrypts and every one
    decrypts (add a new key first to rotate, see docs/security.md). Required in production;
    in development generated into ``$OPENECF_DATA/encryption_keys`` (one key a line).
    """
    raw = os.environ.get("OPENECF_ENCRYPTION_KEYS", "")
    if raw.strip():
        keys = tuple(k.strip() for k in raw.split(",") if k.strip())
    elif production:
        raise SettingsError(
            "OPENECF_ENCRYPTION_KEYS is not set: production needs it in the environment "
            "(make one with: openecf encryption new-key)."
        )
    else:
        key_file = data / "encryption_keys"
        if not key_file.exists():
            data.mkdir(parents=True, exist_ok=True)
            key_file.write_text(new_encryption_key() + "\n")
            key_file.chmod(0o600)
        keys = tuple(k.strip() for k in key_file.read_text().splitlines() if k.strip())
    for key in keys:
        if not _is_encryption_key(key):
            raise SettingsError(
                "OPENECF_ENCRYPTION_KEYS holds a key that is not 32 bytes of url-safe base64: "
                "make one with: openecf encryption new-key."
            )
    return keys


def new_encryption_key() -> str:
    """A new Fernet key: 32 random bytes, url-safe base64."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _is_encryption_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode())) == 32
    except (ValueError, binascii.Error):
        return False


def stamp_key_dir(data: Path) -> Path:
    """Where each court's document-stamp key lives, outside the database: ``<court>.key``.

    ``OPENECF_STAMP_KEY_DIR``, by default ``$OPENECF_DATA/stamp_keys`` (in development a key is
    made there on first use; production needs each court's key installed, or
    ``OPENECF_STAMP_KEY_<COURT>`` set). See docs/documents.md.
    """
    return Path(os.environ.get("OPENECF_STAMP_KEY_DIR") or data / "stamp_keys").resolve()


def stamp_keys_from_environment() -> dict[str, str]:
    """Court stamp keys given as ``OPENECF_STAMP_KEY_<COURT>=<hex>`` (court id in capitals)."""
    prefix = "OPENECF_STAMP_KEY_"
    keys = {}
    for name, value in os.environ.items():
        if name.startswith(prefix) and name != "OPENECF_STAMP_KEY_DIR" and value.strip():
            try:
                if len(bytes.fromhex(value.strip())) < 32:
                    raise ValueError
            except ValueError:
                raise SettingsError(
                    f"{name} is not a key of at least 32 bytes in hex: make one with "
                    "python -c 'import secrets; print(secrets.token_hex(64))'."
                ) from None
            keys[name[len(prefix) :].lower()] = value.strip()
    return keys


def base_url(production: bool) -> str:
    """Where people reach this site: the start of every link in an e-mail."""
    url = os.environ.get("OPENECF_BASE_URL", "").strip().rstrip("/")
    if url:
        if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc:
            raise SettingsError(
                f"OPENECF_BASE_URL={url!r} is not a web address: use e.g. https://ecf.example.org."
            )
        return url
    if production:
        raise SettingsError(
            "OPENECF_BASE_URL is not set: production needs e.g. OPENECF_BASE_URL=https://ecf.example.org."
        )
    return f"http://localhost:{os.environ.get('PORT') or 8000}"


def _tasks_backend(name: str) -> str:
    backends = {
        "database": "django_tasks_db.DatabaseBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    }
    if name not in backends:
        raise SettingsError(f"OPENECF_TASKS={name!r} is not known: use 'database' or 'immediate'.")
    return backends[name]


def read_environment() -> Environment:
    production = os.environ.get("OPENECF_ENV", "development") == "production"
    debug = flag("DEBUG", default=not production)
    if production and debug:
        raise SettingsError("DEBUG is on in production: unset DEBUG or set DEBUG=0.")
    data = data_dir()
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    if production and not hosts:
        raise SettingsError(
            "ALLOWED_HOSTS is not set: production needs e.g. ALLOWED_HOSTS=ecf.example.org."
        )
    storage = os.environ.get("OPENECF_STORAGE") or str(data / "documents")
    return Environment(
        production=production,
        debug=debug,
        data_dir=data,
        secret_key=secret_key(production, data),
        encryption_keys=encryption_keys(production, data),
        database=database_config(os.environ.get("DATABASE_URL"), data),
        email=email_config(os.environ.get("EMAIL_URL"), data),
        storage=storage,
        allowed_hosts=hosts or ["localhost", "127.0.0.1", "[::1]", "testserver"],
        base_url=base_url(production),
        tasks_backend=_tasks_backend(os.environ.get("OPENECF_TASKS", "database")),
    )


PAYMENT_GATEWAYS = ("sandbox", "paygov")


def payment_gateway() -> dict:
    """``OPENECF_PAYMENT_GATEWAY``: ``sandbox`` (default, the built-in test gateway) or ``paygov``
    (the pay.gov hosted-collection adapter at ``OPENECF_PAYGOV_URL`` with
    ``OPENECF_PAYGOV_APP_ID``; ``OPENECF_PAYGOV_TIMEOUT`` seconds, default 20)."""
    name = os.environ.get("OPENECF_PAYMENT_GATEWAY", "sandbox").strip() or "sandbox"
    if name not in PAYMENT_GATEWAYS:
        raise SettingsError(
            f"OPENECF_PAYMENT_GATEWAY={name!r} is not known: use 'sandbox' or 'paygov'."
        )
    url = os.environ.get("OPENECF_PAYGOV_URL", "").strip().rstrip("/")
    app_id = os.environ.get("OPENECF_PAYGOV_APP_ID", "").strip()
    if name == "paygov" and (urlsplit(url).scheme not in {"http", "https"} or not app_id):
        raise SettingsError(
            "OPENECF_PAYMENT_GATEWAY=paygov needs OPENECF_PAYGOV_URL (e.g. "
            "https://qa.pay.gov/tcsonline) and OPENECF_PAYGOV_APP_ID."
        )
    return {
        "name": name,
        "paygov_url": url,
        "paygov_app_id": app_id,
        "timeout": integer("OPENECF_PAYGOV_TIMEOUT", 20),
    }

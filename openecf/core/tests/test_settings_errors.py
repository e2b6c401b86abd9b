"""Bad settings stop start-up with one clear line that says what to set."""

import os
import subprocess
import sys

import pytest

from openecf import config


def run_openecf(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            (
                "DATABASE_URL",
                "SECRET_KEY",
                "OPENECF_ENV",
                "DEBUG",
                "ALLOWED_HOSTS",
                "EMAIL_URL",
                "OPENECF_ENCRYPTION_KEYS",
            )
        )
    }
    env.update({k: v for k, v in env_changes.items() if v is not None})
    return subprocess.run(
        [sys.executable, "-m", "openecf", *(args or ("check",))],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "line"),
    [
        (
            {"DATABASE_URL": "mysql://root@localhost/x"},
            "openecf: DATABASE_URL scheme 'mysql' is not supported: use postgres://user@host:5432/name or sqlite:////absolute/path.sqlite3.",
        ),
        (
            {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432"},
            "openecf: DATABASE_URL names no database: add one, e.g. .../openecf.",
        ),
        (
            {"OPENECF_ENV": "production", "ALLOWED_HOSTS": "ecf.example.org"},
            "openecf: SECRET_KEY is not set: production needs SECRET_KEY in the environment.",
        ),
        (
            {
                "OPENECF_ENV": "production",
                "SECRET_KEY": "x" * 50,
                "DEBUG": "1",
                "ALLOWED_HOSTS": "ecf.example.org",
            },
            "openecf: DEBUG is on in production: unset DEBUG or set DEBUG=0.",
        ),
        (
            {"OPENECF_ENV": "production", "SECRET_KEY": "x" * 50},
            "openecf: ALLOWED_HOSTS is not set: production needs e.g. ALLOWED_HOSTS=ecf.example.org.",
        ),
        (
            {
                "OPENECF_ENV": "production",
                "SECRET_KEY": "x" * 50,
                "ALLOWED_HOSTS": "ecf.example.org",
                "OPENECF_ENCRYPTION_KEYS": "",
            },
            "openecf: OPENECF_ENCRYPTION_KEYS is not set: production needs it in the environment",
        ),
        (
            {"EMAIL_URL": "pigeon://coop"},
            "openecf: EMAIL_URL scheme 'pigeon' is not supported: use smtp://user:pass@host:25",
        ),
    ],
)
def test_bad_settings_stop_start_up_with_one_line(env, line):
    result = run_openecf(env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(line)


def test_production_settings_with_a_secret_start(tmp_path):
    result = run_openecf(
        {
            "OPENECF_ENV": "production",
            "SECRET_KEY": "k" * 50,
            "OPENECF_ENCRYPTION_KEYS": config.new_encryption_key(),
            "ALLOWED_HOSTS": "ecf.example.org",
            "OPENECF_BASE_URL": "https://ecf.example.org",
            "OPENECF_DATA": str(tmp_path),
        },
        "check",
        "--deploy",
        "--fail-level",
        "ERROR",
    )
    assert result.returncode == 0, result.stderr


def test_the_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = config.secret_key(False, tmp_path)
    assert config.secret_key(False, tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_default_database_is_sqlite_in_wal_mode_with_immediate_transactions(tmp_path):
    db = config.database_config(None, tmp_path)
    assert db["NAME"] == str(tmp_path / "openecf.sqlite3")
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["timeout"] == 20


def test_database_connections_persist_across_requests_and_are_checked_before_reuse(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    for url in (None, f"sqlite:///{tmp_path}/other.sqlite3", "postgres://u@127.0.0.1:5432/ecf"):
        db = config.database_config(url, tmp_path)
        assert (db["CONN_MAX_AGE"], db["CONN_HEALTH_CHECKS"]) == (600, True), url


def test_database_connections_can_be_closed_after_each_request(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")
    assert config.database_config(None, tmp_path)["CONN_MAX_AGE"] == 0
    assert config.database_config("postgres://u@127.0.0.1:5432/ecf", tmp_path)["CONN_MAX_AGE"] == 0


@pytest.mark.parametrize("value", ["-1", "ten"])
def test_a_bad_connection_age_is_refused_with_what_to_set(tmp_path, monkeypatch, value):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", value)
    with pytest.raises(config.SettingsError, match="DATABASE_CONN_MAX_AGE"):
        config.database_config(None, tmp_path)


def test_postgres_url_is_read():
    db = config.database_config("postgres://postgres@127.0.0.1:5432/openecf", config.data_dir())
    assert (db["ENGINE"], db["NAME"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "openecf",
        "127.0.0.1",
        5432,
    )


def test_email_defaults_to_eml_files_under_the_data_folder(tmp_path):
    assert config.email_config(None, tmp_path) == {
        "EMAIL_BACKEND": "openecf.core.mail.EmlFileBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    smtp = config.email_config("smtp://user:pw@mail.example.org:587/?tls=True", tmp_path)
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"]) == (
        "mail.example.org",
        587,
        True,
    )

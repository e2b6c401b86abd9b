"""``openecf accounts import-legacy FILE.csv``: all rows or none, old passwords keep working."""

from __future__ import annotations

import csv
import hashlib
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import bcrypt
import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import CommandError, call_command

from openecf.accounts import facade
from openecf.accounts.models import Account
from openecf.core.models import AuditEvent
from openecf.tests_support.factories import AccountFactory

HEADER = "account_number,username,first_name,last_name,email,phone,password_hash,created_at\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    """Write rows given as simple comma-joined text; hashes are quoted as a CSV writer would."""
    path = tmp_path / "legacy.csv"
    lines = []
    for line in body.splitlines():
        cells = line.split(",", 6)
        if len(cells) == 7:
            middle, created = cells[6].rsplit(",", 1)
            cells = [*cells[:6], middle, created]
        lines.append(cells)
    with path.open("w", newline="", encoding="utf-8") as handle:
        handle.write(header)
        csv.writer(handle).writerows(lines)
    return path


def run(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("accounts", "import-legacy", str(path), "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_importing_legacy_accounts_with_every_hash_format(db, tmp_path):
    plain_bcrypt = bcrypt.hashpw(b"Bcrypt-Pass-1", bcrypt.gensalt(rounds=4)).decode()
    rows = [
        f"1200001,LP0001,Ann,Argon,ann@example.com,816-555-0001,{make_password('Argon-Pass-1')},2009-06-01",
        f",LP0002,Bob,Pbkdf,bob@example.com,,{make_password('Pbkdf-Pass-1', hasher='pbkdf2_sha256')},",
        f"1200003,LP0003,Cy,Bcrypt,cy@example.com,,{plain_bcrypt},2012-01-31T10:00:00",
        f"1200004,LP0004,Di,Md,di@example.com,,{hashlib.md5(b'Md5-Pass-1').hexdigest()},",
        f"1200005,LP0005,Ed,Sha,ed@example.com,,{hashlib.sha1(b'Sha1-Pass-1').hexdigest()},",
    ]
    out, _ = run(write(tmp_path, "\n".join(rows) + "\n"))
    assert "5 legacy accounts imported" in out
    accounts = {a.username: a for a in Account.objects.all()}
    assert set(accounts) == {"LP0001", "LP0002", "LP0003", "LP0004", "LP0005"}
    for account in accounts.values():
        assert account.is_upgraded is False
        assert account.status == "active"
        assert account.account_type_label == "Legacy PACER Account (Upgrade)"
        assert len(account.account_number) == 7
    assert accounts["LP0001"].account_number == "1200001"
    assert accounts["LP0001"].created_at == datetime(2009, 6, 1, tzinfo=ZoneInfo("America/Chicago"))
    assert accounts["LP0002"].created_at == datetime(
        2014, 8, 10, tzinfo=ZoneInfo("America/Chicago")
    )
    assert accounts["LP0003"].password.startswith("bcrypt$$2b$")
    assert accounts["LP0004"].password.startswith("md5$$")
    assert accounts["LP0005"].password.startswith("sha1$$")
    passwords = {"LP0001": "Argon-Pass-1", "LP0002": "Pbkdf-Pass-1", "LP0003": "Bcrypt-Pass-1",
                 "LP0004": "Md5-Pass-1", "LP0005": "Sha1-Pass-1"}  # fmt: skip
    for username, password in passwords.items():
        assert facade.authenticate(username.lower(), password).ok, username
        assert not facade.authenticate(username, password + "x").ok
        assert Account.objects.get(username=username).password.startswith("argon2$argon2id$")
    assert AuditEvent.objects.filter(verb="account.legacy_imported").count() == 5


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(db, tmp_path):
    AccountFactory(username="TAKEN1", account_number="1299999")
    good = make_password("Argon-Pass-1")
    rows = [
        f"1200001,LP0001,Ann,Argon,ann@example.com,,{good},2009-06-01",  # line 2: fine
        f"123,LP0002,Bob,Pbkdf,bob@example.com,,{good},",  # line 3
        f",LONGNAME1,Cy,Bcrypt,cy@example.com,,{good},",  # line 4
        f",LP0004,,Md,not-an-email,,{good},",  # line 5
        ",LP0005,Ed,Sha,ed@example.com,,plaintext,",  # line 6
        f",taken1,Fay,Old,fay@example.com,,{good},",  # line 7
        f",LP0001,Gus,Dup,gus@example.com,,{good},",  # line 8
        f",LP0008,Hal,New,hal@example.com,,{good},2015-01-01",  # line 9
        f"1299999,LP0009,Ida,Num,ida@example.com,,{good},",  # line 10
        ",LP0010,Jo,Empty,jo@example.com,,,",  # line 11
    ]
    path = write(tmp_path, "\n".join(rows) + "\n")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"problems found; nothing was imported"):
        call_command(
            "accounts", "import-legacy", str(path), "--no-progress", stdout=out, stderr=err
        )
    report = err.getvalue()
    expected = [
        "line 3: account_number “123” must be 7 digits",
        "line 4: username “LONGNAME1” must be 6 letters or digits",
        "line 5: first_name is empty",
        "line 5: email “not-an-email” is not a valid e-mail address",
        "line 6: password_hash is not in a known format",
        "line 7: username taken1 already exists",
        "line 8: username LP0001 is also on line 2",
        "line 9: created_at must be before 2014-08-11 (legacy accounts only)",
        "line 10: account_number 1299999 already exists",
        "line 11: password_hash is empty",
    ]
    for line in expected:
        assert line in report, line
    assert "line 2:" not in report
    assert Account.objects.count() == 1
    assert not AuditEvent.objects.filter(verb="account.legacy_imported").exists()


def test_a_file_without_the_needed_columns_is_refused(db, tmp_path):
    path = write(tmp_path, "LP0001,Ann\n", header="username,first_name\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("accounts", "import-legacy", str(path), stderr=err)
    assert "line 1: missing columns last_name, email, password_hash in the header" in err.getvalue()


def test_a_misspelt_column_is_refused_rather_than_ignored(db, tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_text(
        "acount_number,username,first_name,last_name,email,password_hash\n"
        "1234567,LP0001,Ann,Lee,ann@example.com,md5$x$y\n"
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("accounts", "import-legacy", str(path), stderr=err)
    assert "line 1: unknown column acount_number: use username, first_name" in err.getvalue()
    assert not Account.objects.exists()


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("accounts", "import-legacy", str(tmp_path / "nope.csv"))


def test_the_progress_bar_is_shown(db, tmp_path):
    path = write(tmp_path, f",LP0001,Ann,Argon,ann@example.com,,{make_password('A-1')},\n")
    err = StringIO()
    call_command("accounts", "import-legacy", str(path), stdout=StringIO(), stderr=err)
    assert Account.objects.filter(username="LP0001").exists()

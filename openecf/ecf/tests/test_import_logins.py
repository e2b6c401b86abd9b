"""``openecf courts import-logins``: every row or none, bad rows named by line."""

from __future__ import annotations

from io import StringIO

import bcrypt
import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.core.management import CommandError, call_command

from openecf.core.models import AuditEvent
from openecf.ecf.factories import CourtLoginFactory
from openecf.ecf.models import CourtLogin, CourtLoginAgent

HEADER = "login,first_name,last_name,email,bar_id,bar_state,role,case_count,password_hash\n"


def run(path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("courts", "import-logins", "mowd", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_creates_every_login_with_its_password(mowd, tmp_path):
    pbkdf2 = make_password("Pbkdf2-Pass-1", hasher="pbkdf2_sha256")
    raw_bcrypt = bcrypt.hashpw(b"Bcrypt-Pass-1", bcrypt.gensalt(rounds=4)).decode()
    path = tmp_path / "logins.csv"
    path.write_text(
        HEADER
        + f"jdoe,Jane,Doe,jane@firm.example,12345,mo,attorney,14,{pbkdf2}\n"
        + f"rroe,Rick,Roe,rick@firm.example,,,Filing Agent,0,{raw_bcrypt}\n"
        + "ttee,Tia,Trustee,tia@firm.example,,,trustee,,\n"
    )
    out, err = run(path)
    assert out.strip() == "mowd: imported 3 CM/ECF logins."
    assert "mowd logins" in err  # the progress bar
    jane = CourtLogin.objects.get(login="jdoe")
    assert (jane.full_name, jane.bar_state, jane.role, jane.case_count) == (
        "Jane Doe",
        "MO",
        "attorney",
        14,
    )
    assert check_password("Pbkdf2-Pass-1", jane.password)
    rick = CourtLogin.objects.get(login="rroe")
    assert rick.role == "filing_agent"
    assert rick.password.startswith("bcrypt$$2b$")
    assert check_password("Bcrypt-Pass-1", rick.password)
    assert CourtLogin.objects.get(login="ttee").password.startswith("!")
    assert AuditEvent.objects.get(verb="court_logins.imported").details == {
        "file": "logins.csv",
        "count": 3,
        "agent_pairs": 0,
    }


@pytest.mark.django_db
def test_bad_rows_are_reported_by_line_and_nothing_is_imported(mowd, tmp_path):
    CourtLoginFactory(court=mowd, login="taken")
    path = tmp_path / "logins.csv"
    path.write_text(
        HEADER
        + "good1,Gia,Good,gia@firm.example,,,attorney,1,\n"
        + "bad 2,Bo,Bad,bo@firm.example,,,attorney,1,\n"
        + "bad3,Bea,Bad,not-an-email,,,attorney,1,\n"
        + "bad4,Bill,Bad,bill@firm.example,,,judge,1,\n"
        + "good1,Gus,Again,gus@firm.example,,,attorney,1,\n"
        + "TAKEN,Tab,Taken,tab@firm.example,,,attorney,1,\n"
        + "bad7,Ben,Bad,ben@firm.example,,,attorney,many,\n"
        + "bad8,Bo,Bad,bo8@firm.example,,,attorney,1,plaintext-password\n"
    )
    with pytest.raises(CommandError) as failed:
        run(path)
    message = str(failed.value)
    assert message.splitlines()[0] == "Nothing imported: 7 bad rows."
    assert message.splitlines()[1:] == [
        "line 3: login 'bad 2' must be 2-40 letters, digits or . _ @ -",
        "line 4: email 'not-an-email' is not an e-mail address",
        "line 5: role 'judge' must be one of attorney, trustee, creditor, filing_agent, pro_se, court_user",
        "line 6: login 'good1' repeats line 2",
        "line 7: login 'TAKEN' already exists at mowd",
        "line 8: case_count 'many' must be a whole number",
        "line 9: password_hash is not a hash this system knows (use a Django hash such as "
        "argon2$... or pbkdf2_sha256$..., or a bcrypt $2b$... hash)",
    ]
    assert list(CourtLogin.objects.values_list("login", flat=True)) == ["taken"]
    assert not AuditEvent.objects.filter(verb="court_logins.imported").exists()


@pytest.mark.django_db
def test_a_file_missing_columns_is_refused(mowd, tmp_path):
    path = tmp_path / "logins.csv"
    path.write_text("login,email\njdoe,jane@firm.example\n")
    with pytest.raises(CommandError, match="line 1: missing column"):
        run(path)
    assert CourtLogin.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_file_is_refused(mowd, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nope.csv")


@pytest.mark.django_db
def test_an_unknown_court_is_refused(courts, tmp_path):
    path = tmp_path / "logins.csv"
    path.write_text(HEADER)
    with pytest.raises(CommandError, match="There is no court 'zzzd'"):
        call_command("courts", "import-logins", "zzzd", str(path))


@pytest.mark.django_db
def test_agent_for_keeps_pre_nextgen_filing_agents(mowd, tmp_path):
    CourtLoginFactory(court=mowd, login="oldatty")
    path = tmp_path / "logins.csv"
    path.write_text(
        HEADER.replace("password_hash\n", "password_hash,agent_for\n")
        + "newatty,Nia,New,nia@firm.example,1,MO,attorney,2,,\n"
        + "para1,Pam,Para,pam@firm.example,,,filing_agent,0,,newatty; OLDATTY\n"
    )
    run(path)
    pairs = sorted(
        CourtLoginAgent.objects.values_list("principal_login__login", "agent_login__login")
    )
    assert pairs == [("newatty", "para1"), ("oldatty", "para1")]


@pytest.mark.django_db
def test_bad_agent_for_is_reported_and_nothing_is_imported(mowd, tmp_path):
    path = tmp_path / "logins.csv"
    path.write_text(
        HEADER.replace("password_hash\n", "password_hash,agent_for\n")
        + "atty1,Al,Atty,al@firm.example,1,MO,attorney,2,,para9\n"
        + "para1,Pam,Para,pam@firm.example,,,filing_agent,0,,ghost\n"
        + "para2,Pat,Para,pat@firm.example,,,filing_agent,0,,para2\n"
    )
    with pytest.raises(CommandError) as failed:
        run(path)
    assert str(failed.value).splitlines()[1:] == [
        "line 2: agent_for is only for filing_agent logins",
        "line 2: agent_for names 'para9', which is not in the file or at mowd",
        "line 3: agent_for names 'ghost', which is not in the file or at mowd",
        "line 4: a login cannot be its own filing agent",
    ]
    assert CourtLogin.objects.count() == 0
    assert CourtLoginAgent.objects.count() == 0


def test_the_ecf_app_registers_import_logins_with_the_courts_command_once():
    from openecf.courts.commands import SUBCOMMANDS, register_subcommand
    from openecf.ecf import court_commands

    assert SUBCOMMANDS.count(court_commands) == 1
    register_subcommand(court_commands)
    assert SUBCOMMANDS.count(court_commands) == 1


def test_the_courts_command_does_not_import_the_court_apps():
    from pathlib import Path

    from openecf.courts.management.commands import courts

    source = Path(courts.__file__).read_text()
    assert "openecf.ecf" not in source and "importlib" not in source

"""The command line as a newcomer meets it: ``openecf --help``, ``courts list``, ``demo --reset``."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from openecf import cli
from openecf.accounts.models import Account


def test_help_lists_openecfs_own_commands_first_with_one_line_each(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["Usage: openecf <command> [options]", "", "OpenECF's commands:"]
    own = [line.split()[0] for line in out[3:15]]
    assert own == [
        "run", "demo", "worker", "courts", "accounts", "notices", "audit", "payments",
        "billing", "locator", "encryption", "migrate",
    ]  # fmt: skip
    assert all(len(line.split(maxsplit=1)) == 2 for line in out[3:15])  # each has its line
    assert out[15] == ""
    assert "makemigrations" in "\n".join(out[16:])


@pytest.mark.django_db(transaction=True)
def test_demo_reset_starts_the_demo_afresh(capsys):
    call_command("demo")
    Account.objects.filter(username="LA1234").update(is_upgraded=True, username="larry.filer")
    call_command("demo", reset=True)
    out = capsys.readouterr().out
    assert "Database emptied." in out and "Demo loaded." in out
    legacy = Account.objects.get(username="LA1234")
    assert not legacy.is_upgraded
    assert not Account.objects.filter(username="larry.filer").exists()


@pytest.mark.django_db
def test_demo_reset_is_refused_in_production(settings):
    settings.OPENECF_PRODUCTION = True
    Account.objects.create(
        account_number="1234567",
        username="keepme",
        email="k@example.com",
        created_at="2020-01-01T00:00Z",
    )
    with pytest.raises(CommandError, match="refused in production"):
        call_command("demo", reset=True)
    assert Account.objects.filter(username="keepme").exists()

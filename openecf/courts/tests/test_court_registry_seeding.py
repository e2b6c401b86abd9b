"""Seeding the registry from courts-db: exact counts, idempotent, keeps clerks' settings."""

from datetime import date

import pytest
from django.core.management import call_command

from openecf.courts import actions, rules
from openecf.courts.models import Court


@pytest.mark.django_db
def test_seeding_creates_every_sitting_federal_court_by_kind():
    added = actions.seed_courts()
    assert added == 201
    counts = {kind: Court.objects.filter(kind=kind).count() for kind in Court.Kind.values}
    assert counts == {"appellate": 13, "district": 94, "bankruptcy": 94}


@pytest.mark.django_db
def test_the_letters_courts_are_seeded_with_their_identity():
    actions.seed_courts()
    mowd = Court.objects.get(pk="mowd")
    assert (mowd.kind, mowd.state, mowd.time_zone, mowd.short_name) == (
        "district",
        "MO",
        "America/Chicago",
        "W.D. Mo.",
    )
    assert mowd.name == "United States District Court for the Western District of Missouri"
    assert Court.objects.get(pk="mowb").kind == "bankruptcy"
    assert Court.objects.get(pk="ca8").kind == "appellate"
    assert {c.id for c in Court.objects.filter(id__in=["gud", "vid", "nmid", "prd"])} == {
        "gud",
        "vid",
        "nmid",
        "prd",
    }


@pytest.mark.django_db
def test_seeding_again_adds_nothing_and_keeps_the_clerks_settings():
    actions.seed_courts()
    court = Court.objects.get(pk="mowd")
    actions.schedule_go_live(
        actor_id=None, court=court, go_live=rules.go_live_moment(date(2018, 4, 23), court.time_zone)
    )
    Court.objects.filter(pk="mowd").update(pdf_size_limit_mb=50, clerk_phone="(573) 636-4015")
    assert actions.seed_courts() == 0
    court.refresh_from_db()
    assert (court.pdf_size_limit_mb, court.clerk_phone) == (50, "(573) 636-4015")
    assert court.nextgen_go_live is not None
    assert Court.objects.count() == 201


@pytest.mark.django_db
def test_demo_sets_up_the_letters_go_live_dates(courts):
    mowd, mowb, ca8, ksd = (Court.objects.get(pk=c) for c in ["mowd", "mowb", "ca8", "ksd"])
    assert mowd.nextgen_go_live == rules.go_live_moment(date(2018, 4, 23), "America/Chicago")
    assert mowb.nextgen_go_live == rules.go_live_moment(date(2018, 7, 9), "America/Chicago")
    assert rules.cmecf_status(ca8.nextgen_go_live, mowd.nextgen_go_live) == "nextgen"
    from openecf.core import clock

    assert rules.cmecf_status(ksd.nextgen_go_live, clock.now()) == "legacy"
    assert ksd.nextgen_go_live is not None
    # Running the demo again changes nothing.
    from openecf.courts import demo

    demo.load()
    assert Court.objects.get(pk="ksd").nextgen_go_live == ksd.nextgen_go_live


@pytest.mark.django_db
def test_courts_command_lists_and_schedules(capsys):
    call_command("courts", "seed")
    call_command("courts", "schedule-go-live", "mowd", "2018-04-23")
    out = capsys.readouterr().out
    assert "201 courts (201 added)." in out
    assert "mowd: NextGen go-live April 23, 2018 at 12:00 a.m. Central (now nextgen)." in out
    call_command("courts", "list", "--status", "nextgen")
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split() == ["ID", "KIND", "STATE", "STATUS", "NEXTGEN", "GO-LIVE", "NAME"]
    assert len(listed) == 2 and listed[1].startswith("mowd")
    assert listed[0].index("NAME") == listed[1].index("United States District Court")


@pytest.mark.django_db
def test_courts_command_explains_a_bad_date_and_an_unknown_court():
    from django.core.management import CommandError

    call_command("courts", "seed")
    with pytest.raises(CommandError, match="write the go-live date as YYYY-MM-DD"):
        call_command("courts", "schedule-go-live", "mowd", "04/23/2018")
    with pytest.raises(CommandError, match="There is no court 'zzzd'"):
        call_command("courts", "schedule-go-live", "zzzd", "2018-04-23")
    assert Court.objects.get(pk="mowd").nextgen_go_live is None

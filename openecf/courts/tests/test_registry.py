"""The court registry: which federal courts courts-db says still sit, and what we say of them."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from courts_db import courts

from openecf.courts.registry import (
    KINDS,
    CourtRecord,
    court_kind,
    federal_courts,
    still_sitting,
)

COURTS_DB = {record["id"]: record for record in courts}


def seated() -> dict[str, CourtRecord]:
    return {court.court_id: court for court in federal_courts()}


def of_kind(kind: str) -> list[CourtRecord]:
    return [court for court in federal_courts() if court.kind == kind]


def test_there_are_13_courts_of_appeals():
    assert [court.court_id for court in of_kind("appellate")] == [
        "ca1",
        "ca10",
        "ca11",
        "ca2",
        "ca3",
        "ca4",
        "ca5",
        "ca6",
        "ca7",
        "ca8",
        "ca9",
        "cadc",
        "cafc",
    ]


def test_there_are_94_district_courts():
    assert len(of_kind("district")) == 94


def test_there_are_94_bankruptcy_courts():
    assert len(of_kind("bankruptcy")) == 94


def test_there_are_201_courts_in_all():
    assert Counter(court.kind for court in federal_courts()) == {
        "appellate": 13,
        "district": 94,
        "bankruptcy": 94,
    }


def test_every_district_has_one_bankruptcy_court_and_no_bankruptcy_court_lacks_a_district():
    districts = sorted(court.court_id[:-1] for court in of_kind("district"))
    bankruptcy_courts = sorted(court.court_id[:-1] for court in of_kind("bankruptcy"))
    assert districts == bankruptcy_courts


def test_the_districts_cover_50_states_dc_and_four_territories():
    states = {court.state for court in of_kind("district")}
    assert len(states) == 55
    assert {"DC", "PR", "GU", "VI", "MP"} <= states
    assert all(re.fullmatch(r"[A-Z]{2}", state) for state in states)


def test_states_with_several_districts_have_the_right_number():
    per_state = Counter(court.state for court in of_kind("district"))
    several = {state: count for state, count in per_state.items() if count > 1}
    assert several == {
        "AL": 3,
        "AR": 2,
        "CA": 4,
        "FL": 3,
        "GA": 3,
        "IL": 3,
        "IN": 2,
        "IA": 2,
        "KY": 2,
        "LA": 3,
        "MI": 2,
        "MS": 2,
        "MO": 2,
        "NY": 4,
        "NC": 3,
        "OH": 2,
        "OK": 3,
        "PA": 3,
        "TN": 3,
        "TX": 4,
        "VA": 2,
        "WA": 2,
        "WV": 2,
        "WI": 2,
    }


def test_courts_are_sorted_by_kind_then_court_id():
    courts_in_order = federal_courts()
    assert courts_in_order == sorted(
        courts_in_order, key=lambda c: (KINDS.index(c.kind), c.court_id)
    )
    assert courts_in_order[0].kind == "appellate"
    assert courts_in_order[-1].kind == "bankruptcy"


def test_no_two_courts_share_an_id_or_a_name():
    courts_seated = federal_courts()
    assert len({court.court_id for court in courts_seated}) == len(courts_seated)
    assert len({court.name for court in courts_seated}) == len(courts_seated)


def test_the_western_district_of_missouri():
    assert seated()["mowd"] == CourtRecord(
        court_id="mowd",
        name="United States District Court for the Western District of Missouri",
        short_name="W.D. Mo.",
        kind="district",
        state="MO",
        time_zone="America/Chicago",
        url="http://www.mow.uscourts.gov/",
        courts_db_id="mowd",
        courts_db_name="District Court, W.D. Missouri",
    )


def test_the_bankruptcy_court_for_the_western_district_of_missouri():
    mowb = seated()["mowb"]
    assert mowb.name == "United States Bankruptcy Court for the Western District of Missouri"
    assert mowb.short_name == "Bankr. W.D. Mo."
    assert (mowb.kind, mowb.state, mowb.time_zone) == ("bankruptcy", "MO", "America/Chicago")
    assert mowb.courts_db_name == "United States Bankruptcy Court, W.D. Missouri"


def test_the_eighth_circuit():
    assert seated()["ca8"] == CourtRecord(
        court_id="ca8",
        name="United States Court of Appeals for the Eighth Circuit",
        short_name="8th Cir.",
        kind="appellate",
        state="MO",
        time_zone="America/Chicago",
        url="http://www.ca8.uscourts.gov/",
        courts_db_id="ca8",
        courts_db_name="Court of Appeals for the Eighth Circuit",
    )


@pytest.mark.parametrize(
    ("court_id", "state"),
    [
        ("ca1", "MA"),
        ("ca2", "NY"),
        ("ca3", "PA"),
        ("ca4", "VA"),
        ("ca5", "LA"),
        ("ca6", "OH"),
        ("ca7", "IL"),
        ("ca8", "MO"),
        ("ca9", "CA"),
        ("ca10", "CO"),
        ("ca11", "GA"),
        ("cadc", "DC"),
        ("cafc", "DC"),
    ],
)
def test_a_court_of_appeals_is_in_the_state_where_it_sits(court_id, state):
    assert seated()[court_id].state == state


def test_the_district_of_columbia_has_a_district_and_bankruptcy_court_and_two_circuits():
    courts_seated = seated()
    assert courts_seated["dcd"].name == "United States District Court for the District of Columbia"
    assert (
        courts_seated["dcb"].name == "United States Bankruptcy Court for the District of Columbia"
    )
    assert courts_seated["cadc"].name == (
        "United States Court of Appeals for the District of Columbia Circuit"
    )
    assert courts_seated["cafc"].name == "United States Court of Appeals for the Federal Circuit"
    assert {courts_seated[i].state for i in ("dcd", "dcb", "cadc", "cafc")} == {"DC"}


@pytest.mark.parametrize(
    ("court_id", "name", "state"),
    [
        ("gud", "District Court of Guam", "GU"),
        ("vid", "District Court of the Virgin Islands", "VI"),
        ("nmid", "District Court for the Northern Mariana Islands", "MP"),
        ("gub", "District Court of Guam, Bankruptcy Division", "GU"),
        ("vib", "District Court of the Virgin Islands, Bankruptcy Division", "VI"),
        ("nmib", "District Court for the Northern Mariana Islands, Bankruptcy Division", "MP"),
        ("prd", "United States District Court for the District of Puerto Rico", "PR"),
        ("prb", "United States Bankruptcy Court for the District of Puerto Rico", "PR"),
    ],
)
def test_a_territorial_court_has_its_statutory_name(court_id, name, state):
    court = seated()[court_id]
    assert (court.name, court.state) == (name, state)


def test_arizona_and_nebraska_bankruptcy_courts_use_their_cmecf_ids():
    courts_seated = seated()
    assert courts_seated["azb"].courts_db_id == "arb"
    assert courts_seated["azb"].name == "United States Bankruptcy Court for the District of Arizona"
    assert courts_seated["neb"].courts_db_id == "nebraskab"
    assert courts_seated["neb"].state == "NE"
    assert "arb" not in courts_seated
    assert "nebraskab" not in courts_seated


def test_arkansas_keeps_two_bankruptcy_courts():
    courts_seated = seated()
    assert courts_seated["areb"].name.endswith("for the Eastern District of Arkansas")
    assert courts_seated["arwb"].name.endswith("for the Western District of Arkansas")


def test_every_court_is_named_officially():
    official = re.compile(
        r"United States Court of Appeals for the .+ Circuit"
        r"|United States (District|Bankruptcy) Court for the "
        r"((Northern|Southern|Eastern|Western|Middle|Central) )?District of [A-Z][A-Za-z ]+"
        r"|District Court (of|for) (the )?[A-Z][A-Za-z ]+(, Bankruptcy Division)?"
    )
    for court in federal_courts():
        assert official.fullmatch(court.name), court


def test_every_time_zone_is_one_zoneinfo_knows():
    for court in federal_courts():
        assert ZoneInfo(court.time_zone), court


@pytest.mark.parametrize(
    ("court_id", "time_zone"),
    [
        ("mowd", "America/Chicago"),
        ("ca9", "America/Los_Angeles"),
        ("gud", "Pacific/Guam"),
        ("azd", "America/Phoenix"),
        ("tned", "America/New_York"),  # Knoxville
        ("tnmd", "America/Chicago"),  # Nashville
        ("tnwd", "America/Chicago"),  # Memphis
        ("flnd", "America/New_York"),  # Tallahassee
        ("txwd", "America/Chicago"),  # San Antonio
        ("miwd", "America/Detroit"),  # Grand Rapids
        ("kywd", "America/Kentucky/Louisville"),
        ("kyed", "America/New_York"),  # Lexington
        ("insd", "America/Indiana/Indianapolis"),
        ("idd", "America/Boise"),
        ("ord", "America/Los_Angeles"),
        ("ndd", "America/Chicago"),
        ("sdd", "America/Chicago"),
        ("ksd", "America/Chicago"),
        ("ned", "America/Chicago"),
        ("akd", "America/Anchorage"),
        ("hid", "Pacific/Honolulu"),
        ("nmid", "Pacific/Saipan"),
        ("prd", "America/Puerto_Rico"),
        ("vid", "America/Puerto_Rico"),
        ("ca5", "America/Chicago"),
        ("ca10", "America/Denver"),
        ("cafc", "America/New_York"),
    ],
)
def test_a_court_keeps_the_time_of_its_seat(court_id, time_zone):
    assert seated()[court_id].time_zone == time_zone


def test_a_bankruptcy_court_keeps_its_districts_time():
    courts_seated = seated()
    for court in of_kind("bankruptcy"):
        assert court.time_zone == courts_seated[court.court_id[:-1] + "d"].time_zone, court


def test_a_bankruptcy_courts_short_name_is_its_districts_with_bankr():
    courts_seated = seated()
    for court in of_kind("bankruptcy"):
        district = courts_seated[court.court_id[:-1] + "d"]
        assert court.short_name == f"Bankr. {district.short_name}", court


def test_every_short_name_ends_with_a_period_or_a_place():
    for court in federal_courts():
        assert re.search(r"(\.|Alaska|Guam|Idaho|Iowa|Ohio|Utah)$", court.short_name), court


def test_corrected_short_names():
    courts_seated = seated()
    assert courts_seated["ianb"].short_name == "Bankr. N.D. Iowa"
    assert courts_seated["ca3"].short_name == "3d Cir."
    assert courts_seated["dcb"].short_name == "Bankr. D.D.C."


def test_every_court_links_to_a_uscourts_site():
    for court in federal_courts():
        assert re.fullmatch(r"https?://[a-z0-9.]+\.uscourts\.gov/[a-z/]*", court.url), court


def test_the_courts_db_name_is_kept():
    assert seated()["wvnb"].courts_db_name == "United States District Court, N.D. West Virginia"
    assert seated()["wvnb"].name == (
        "United States Bankruptcy Court for the Northern District of West Virginia"
    )


@pytest.mark.parametrize(
    "courts_db_id",
    [
        "scotus",
        "uscfc",
        "cit",
        "tax",
        "bap1",
        "bap9",
        "jpml",
        "armfor",
        "cavc",
        "fisc",
        "judcoun8",
        "usdistct",
        "canalzoned",
        "ncd",
        "okd",
        "wvad",
        "illinoised",
        "tennesseeb",
        "circtdmo",
    ],
)
def test_a_court_we_do_not_seat_is_left_out(courts_db_id):
    assert courts_db_id in COURTS_DB
    assert courts_db_id not in {court.courts_db_id for court in federal_courts()}


@pytest.mark.parametrize(
    ("courts_db_id", "kind"),
    [
        ("mowd", "district"),  # courts-db's type says "appellate"
        ("mowb", "bankruptcy"),
        ("ca8", "appellate"),
        ("gud", "district"),  # courts-db's type says "appellate"
        ("dcd", "district"),  # courts-db's type says "appellate"
        ("cadc", "appellate"),
        ("cafc", "appellate"),
        ("wvnb", "bankruptcy"),  # courts-db names it a district court
        ("nebraskab", "bankruptcy"),
        ("ncd", "district"),  # a district court, though no longer sitting
        ("uscfc", None),
        ("cit", None),
        ("tax", None),
        ("bap1", None),
        ("jpml", None),
        ("scotus", None),
        ("armfor", None),
        ("circtdmd", None),  # a circuit court of 1789-1911 whose id ends in d
        ("usdistct", None),
        ("mo", None),  # Supreme Court of Missouri
    ],
)
def test_court_kind_reads_the_id_and_name_not_the_type(courts_db_id, kind):
    assert court_kind(COURTS_DB[courts_db_id]) == kind


def test_court_kind_ignores_courts_outside_the_federal_system():
    record = dict(COURTS_DB["mowd"], system="state")
    assert court_kind(record) is None


@pytest.mark.parametrize(
    ("courts_db_id", "sitting"),
    [
        ("mowd", True),
        ("scd", True),  # its last end date is "", not None
        ("njd", True),  # courts-db ends it in 1801
        ("ncd", False),  # divided in 1872; courts-db gives no end
        ("okd", False),
        ("wvad", False),
        ("bap2", False),  # active is True, but it ended in 2000
        ("canalzoned", False),
        ("washd", False),
    ],
)
def test_still_sitting(courts_db_id, sitting):
    assert still_sitting(COURTS_DB[courts_db_id]) is sitting


def test_the_registry_is_computed_once():
    assert federal_courts()[0] is federal_courts()[0]


def test_changing_the_list_does_not_change_the_registry():
    federal_courts().clear()
    assert len(federal_courts()) == 201


def test_a_court_record_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        seated()["mowd"].time_zone = "UTC"  # type: ignore[misc]

"""The federal courts still sitting, derived from courts-db (0.10.27).

OpenECF seats 201 courts: the 13 courts of appeals, the 94 district courts
(the territorial courts of Guam, the Virgin Islands and the Northern Mariana
Islands among them) and 94 bankruptcy courts, one per district. Everything else
courts-db calls federal is left out: the Supreme Court, Court of Federal Claims,
Court of International Trade, Tax Court, bankruptcy appellate panels, military
and agency tribunals, JPML, FISC, judicial councils, and courts no longer sitting.

Bankruptcy courts, 94: each of the 94 districts handles bankruptcy matters, and
courts-db holds one sitting bankruptcy record for each; we seat them all. Three
are not bankruptcy courts in law: in Guam (gub), the Virgin Islands (vib) and
the Northern Mariana Islands (nmib) there is no bankruptcy unit under 28 U.S.C.
§ 151 and the territorial district court hears bankruptcy cases itself, but on
a separate bankruptcy docket with its own CM/ECF court id. We seat each as the
district court's Bankruptcy Division, since that docket is where filings go.
The Eastern and Western Districts of Arkansas share one bankruptcy clerk's
office but keep two dockets (areb, arwb), so both are seated.

Where courts-db is wrong, this module corrects it:

- Sitting is read from the last ``dates`` entry (an empty ``end`` is no end) and
  an ``active`` of False; ``active`` True does not override an end date (bap2).
  Four records contradict that: D.N.J. (njd) ends in 1801, because the
  re-established court of 1802 is not recorded, so we seat it; the undivided
  Districts of North Carolina (ncd), Oklahoma (okd) and West Virginia (wvad) have
  no end date, so we drop them. That leaves 94 districts and no duplicates;
  ``federal_courts`` raises if a later courts-db adds a second record for a court.
- ``type`` is unreliable (mowd is "appellate"), so ``court_kind`` reads the id and name.
- ``court_id`` is the CM/ECF court id. courts-db uses CourtListener's ids, which
  differ twice: arb is the Bankruptcy Court for the District of Arizona (CM/ECF
  azb) and nebraskab is Nebraska's (CM/ECF neb). ``courts_db_id`` keeps theirs.
- ``name`` is built from the id and location; ``courts_db_name`` keeps theirs.
- A few citation strings and URLs are wrong or malformed; see ``_SHORT_NAMES``
  and ``_URLS``. ca6's location is Tennessee; the Sixth Circuit sits in Cincinnati.

``time_zone`` is the zone of the clerk's office at the court's seat; a bankruptcy
court takes its district's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from courts_db import courts

CourtKind = Literal["appellate", "district", "bankruptcy"]

KINDS: tuple[CourtKind, ...] = ("appellate", "district", "bankruptcy")


@dataclass(frozen=True, slots=True)
class CourtRecord:
    """A court OpenECF seats, as the court registry stores it."""

    court_id: str
    name: str
    short_name: str
    kind: CourtKind
    state: str
    time_zone: str
    url: str
    courts_db_id: str
    courts_db_name: str


_COURT_OF_APPEALS_ID = re.compile(r"ca(?:[1-9]|1[01])|cadc|cafc")

# courts-db dates that say the wrong thing.
_SITTING_DESPITE_DATES = frozenset({"njd"})
_DIVIDED_LONG_AGO = frozenset({"ncd", "okd", "wvad"})  # 1872, 1906, 1901

# courts-db (CourtListener) id -> CM/ECF court id, where they differ.
_CMECF_IDS = {"arb": "azb", "nebraskab": "neb"}

_DESIGNATIONS = {
    "n": "Northern",
    "s": "Southern",
    "e": "Eastern",
    "w": "Western",
    "m": "Middle",
    "c": "Central",
}

_TERRITORIAL_COURTS = {
    "gud": "District Court of Guam",
    "vid": "District Court of the Virgin Islands",
    "nmid": "District Court for the Northern Mariana Islands",
}

_CIRCUITS = {
    "ca1": "First Circuit",
    "ca2": "Second Circuit",
    "ca3": "Third Circuit",
    "ca4": "Fourth Circuit",
    "ca5": "Fifth Circuit",
    "ca6": "Sixth Circuit",
    "ca7": "Seventh Circuit",
    "ca8": "Eighth Circuit",
    "ca9": "Ninth Circuit",
    "ca10": "Tenth Circuit",
    "ca11": "Eleventh Circuit",
    "cadc": "District of Columbia Circuit",
    "cafc": "Federal Circuit",
}

# Where each court of appeals sits: (state, time zone).
_CIRCUIT_SEATS = {
    "ca1": ("MA", "America/New_York"),  # Boston
    "ca2": ("NY", "America/New_York"),  # New York
    "ca3": ("PA", "America/New_York"),  # Philadelphia
    "ca4": ("VA", "America/New_York"),  # Richmond
    "ca5": ("LA", "America/Chicago"),  # New Orleans
    "ca6": ("OH", "America/New_York"),  # Cincinnati
    "ca7": ("IL", "America/Chicago"),  # Chicago
    "ca8": ("MO", "America/Chicago"),  # St. Louis
    "ca9": ("CA", "America/Los_Angeles"),  # San Francisco
    "ca10": ("CO", "America/Denver"),  # Denver
    "ca11": ("GA", "America/New_York"),  # Atlanta
    "cadc": ("DC", "America/New_York"),  # Washington
    "cafc": ("DC", "America/New_York"),  # Washington
}

# courts-db location -> USPS code.
_STATES = {
    "Alabama": "AL",
    "Alaska": "AK",
    "Arizona": "AZ",
    "Arkansas": "AR",
    "California": "CA",
    "Colorado": "CO",
    "Connecticut": "CT",
    "Delaware": "DE",
    "Florida": "FL",
    "Georgia": "GA",
    "Hawaii": "HI",
    "Idaho": "ID",
    "Illinois": "IL",
    "Indiana": "IN",
    "Iowa": "IA",
    "Kansas": "KS",
    "Kentucky": "KY",
    "Louisiana": "LA",
    "Maine": "ME",
    "Maryland": "MD",
    "Massachusetts": "MA",
    "Michigan": "MI",
    "Minnesota": "MN",
    "Mississippi": "MS",
    "Missouri": "MO",
    "Montana": "MT",
    "Nebraska": "NE",
    "Nevada": "NV",
    "New Hampshire": "NH",
    "New Jersey": "NJ",
    "New Mexico": "NM",
    "New York": "NY",
    "North Carolina": "NC",
    "North Dakota": "ND",
    "Ohio": "OH",
    "Oklahoma": "OK",
    "Oregon": "OR",
    "Pennsylvania": "PA",
    "Rhode Island": "RI",
    "South Carolina": "SC",
    "South Dakota": "SD",
    "Tennessee": "TN",
    "Texas": "TX",
    "Utah": "UT",
    "Vermont": "VT",
    "Virginia": "VA",
    "Washington": "WA",
    "West Virginia": "WV",
    "Wisconsin": "WI",
    "Wyoming": "WY",
    "Washington D.C.": "DC",
    "Puerto Rico": "PR",
    "Guam": "GU",
    "Virgin Islands": "VI",
    "Northern Mariana Islands": "MP",
}

# The zone of each district court's seat; named where the state spans zones.
_DISTRICT_TIME_ZONES = {
    "akd": "America/Anchorage",
    "almd": "America/Chicago",
    "alnd": "America/Chicago",
    "alsd": "America/Chicago",
    "ared": "America/Chicago",
    "arwd": "America/Chicago",
    "azd": "America/Phoenix",
    "cacd": "America/Los_Angeles",
    "caed": "America/Los_Angeles",
    "cand": "America/Los_Angeles",
    "casd": "America/Los_Angeles",
    "cod": "America/Denver",
    "ctd": "America/New_York",
    "dcd": "America/New_York",
    "ded": "America/New_York",
    "flmd": "America/New_York",
    "flnd": "America/New_York",  # Tallahassee
    "flsd": "America/New_York",
    "gamd": "America/New_York",
    "gand": "America/New_York",
    "gasd": "America/New_York",
    "gud": "Pacific/Guam",
    "hid": "Pacific/Honolulu",
    "iand": "America/Chicago",
    "iasd": "America/Chicago",
    "idd": "America/Boise",  # Boise
    "ilcd": "America/Chicago",
    "ilnd": "America/Chicago",
    "ilsd": "America/Chicago",
    "innd": "America/Indiana/Indianapolis",  # South Bend
    "insd": "America/Indiana/Indianapolis",  # Indianapolis
    "ksd": "America/Chicago",  # Kansas City, Kan.
    "kyed": "America/New_York",  # Lexington
    "kywd": "America/Kentucky/Louisville",  # Louisville
    "laed": "America/Chicago",
    "lamd": "America/Chicago",
    "lawd": "America/Chicago",
    "mad": "America/New_York",
    "mdd": "America/New_York",
    "med": "America/New_York",
    "mied": "America/Detroit",  # Detroit
    "miwd": "America/Detroit",  # Grand Rapids
    "mnd": "America/Chicago",
    "moed": "America/Chicago",
    "mowd": "America/Chicago",
    "msnd": "America/Chicago",
    "mssd": "America/Chicago",
    "mtd": "America/Denver",
    "nced": "America/New_York",
    "ncmd": "America/New_York",
    "ncwd": "America/New_York",
    "ndd": "America/Chicago",  # Bismarck
    "ned": "America/Chicago",  # Omaha
    "nhd": "America/New_York",
    "njd": "America/New_York",
    "nmd": "America/Denver",
    "nmid": "Pacific/Saipan",
    "nvd": "America/Los_Angeles",
    "nyed": "America/New_York",
    "nynd": "America/New_York",
    "nysd": "America/New_York",
    "nywd": "America/New_York",
    "ohnd": "America/New_York",
    "ohsd": "America/New_York",
    "oked": "America/Chicago",
    "oknd": "America/Chicago",
    "okwd": "America/Chicago",
    "ord": "America/Los_Angeles",  # Portland
    "paed": "America/New_York",
    "pamd": "America/New_York",
    "pawd": "America/New_York",
    "prd": "America/Puerto_Rico",
    "rid": "America/New_York",
    "scd": "America/New_York",
    "sdd": "America/Chicago",  # Sioux Falls
    "tned": "America/New_York",  # Knoxville
    "tnmd": "America/Chicago",  # Nashville
    "tnwd": "America/Chicago",  # Memphis
    "txed": "America/Chicago",
    "txnd": "America/Chicago",
    "txsd": "America/Chicago",
    "txwd": "America/Chicago",  # San Antonio
    "utd": "America/Denver",
    "vaed": "America/New_York",
    "vawd": "America/New_York",
    "vid": "America/Puerto_Rico",
    "vtd": "America/New_York",
    "waed": "America/Los_Angeles",
    "wawd": "America/Los_Angeles",
    "wied": "America/Chicago",
    "wiwd": "America/Chicago",
    "wvnd": "America/New_York",
    "wvsd": "America/New_York",
    "wyd": "America/Denver",
}

# courts-db citation strings that are wrong or malformed.
_SHORT_NAMES = {
    "ca3": "3d Cir.",  # "3rd Cir."
    "mdd": "D. Md.",  # "D. Maryland"
    "mnd": "D. Minn.",  # "D. Minnesota"
    "nmid": "D. N. Mar. I.",  # "N. Mar. I."
    "nyed": "E.D.N.Y.",  # "E.D.N.Y"
    "pamd": "M.D. Pa.",  # "M.D. Penn."
    "wvsd": "S.D.W. Va.",  # "S.D.W. Va"
    "cob": "Bankr. D. Colo.",  # "Bankr.D. Colo."
    "dcb": "Bankr. D.D.C.",  # "Bankr. D.C."
    "flsb": "Bankr. S.D. Fla.",  # "Bankr. S.D. Florida"
    "ianb": "Bankr. N.D. Iowa",  # "Bankr. D. Iowa", the wrong district
    "nmib": "Bankr. D. N. Mar. I.",  # "Bankr. N. Mar. I."
    "oknb": "Bankr. N.D. Okla.",  # "Bankr. N.D. Okla"
    "pamb": "Bankr. M.D. Pa.",  # "Bankr. M.D. Penn."
}

# courts-db URLs that are not the court's own site.
_URLS = {
    "gub": "https://www.gud.uscourts.gov/",  # Wikipedia
    "ndb": "https://www.ndb.uscourts.gov/",  # the district court's site
    "nmd": "https://www.nmd.uscourts.gov/",  # nmcourt.fed.us, long gone
    "okwd": "https://www.okwd.uscourts.gov/",  # www.uscourts.gov
    "wvnb": "https://www.wvnb.uscourts.gov/",  # the district court's site
}


def court_kind(record: Mapping[str, Any]) -> CourtKind | None:
    """The kind of court a courts-db record is, or None if OpenECF does not seat its kind."""
    if record.get("system") != "federal":
        return None
    court_id = record["id"]
    name = record.get("name", "").strip()
    if _COURT_OF_APPEALS_ID.fullmatch(court_id):
        return "appellate"
    if court_id.endswith("b") and (
        name.startswith("United States Bankruptcy Court")
        or (record.get("citation_string") or "").startswith("Bankr.")
    ):
        return "bankruptcy"
    if court_id.endswith("d") and re.search(r"\bDistrict Court\b", name):
        return "district"
    return None


def still_sitting(record: Mapping[str, Any]) -> bool:
    """Whether the court still sits: no end to its last span of dates, corrected where wrong."""
    court_id = record["id"]
    if court_id in _SITTING_DESPITE_DATES:
        return True
    if court_id in _DIVIDED_LONG_AGO or record.get("active") is False:
        return False
    dates = record.get("dates") or [{}]
    return not dates[-1].get("end")


def federal_courts() -> list[CourtRecord]:
    """Every court OpenECF seats: appellate, then district, then bankruptcy, each by court id."""
    return list(_federal_courts())


@cache
def _federal_courts() -> tuple[CourtRecord, ...]:
    seated = [court_record(record) for record in courts if still_sitting(record)]
    records = [record for record in seated if record is not None]
    _refuse_duplicates(records)
    return tuple(sorted(records, key=lambda c: (KINDS.index(c.kind), c.court_id)))


def court_record(record: Mapping[str, Any]) -> CourtRecord | None:
    """The CourtRecord for a courts-db record, or None if OpenECF does not seat its kind."""
    kind = court_kind(record)
    if kind is None:
        return None
    courts_db_id = record["id"]
    court_id = _CMECF_IDS.get(courts_db_id, courts_db_id)
    if kind == "appellate":
        state, time_zone = _CIRCUIT_SEATS[court_id]
        name = f"United States Court of Appeals for the {_CIRCUITS[court_id]}"
    else:
        state = _STATES[record["location"]]
        district_id = court_id[:-1] + "d"
        time_zone = _DISTRICT_TIME_ZONES[district_id]
        name = court_name(district_id, kind, record["location"])
    return CourtRecord(
        court_id=court_id,
        name=name,
        short_name=_SHORT_NAMES.get(courts_db_id, record["citation_string"]),
        kind=kind,
        state=state,
        time_zone=time_zone,
        url=_URLS.get(courts_db_id, record["court_url"]),
        courts_db_id=courts_db_id,
        courts_db_name=record["name"],
    )


def court_name(district_id: str, kind: CourtKind, location: str) -> str:
    """The full name of a district's district or bankruptcy court."""
    if district_id in _TERRITORIAL_COURTS:
        district_court = _TERRITORIAL_COURTS[district_id]
        return f"{district_court}, Bankruptcy Division" if kind == "bankruptcy" else district_court
    court = "Bankruptcy Court" if kind == "bankruptcy" else "District Court"
    return f"United States {court} for the {district_name(district_id, location)}"


def district_name(district_id: str, location: str) -> str:
    """'Western District of Missouri' for mowd; 'District of Columbia' for dcd."""
    place = "Columbia" if _STATES[location] == "DC" else location
    stem = district_id[:-1]
    if len(stem) == 3 and stem[-1] in _DESIGNATIONS:
        return f"{_DESIGNATIONS[stem[-1]]} District of {place}"
    return f"District of {place}"


def _refuse_duplicates(records: list[CourtRecord]) -> None:
    """Raise if courts-db gave two records for one court."""
    for field in ("court_id", "name"):
        seen = Counter(getattr(record, field) for record in records)
        twice = sorted(value for value, count in seen.items() if count > 1)
        if twice:
            raise ValueError(f"courts-db has more than one sitting record for {field} {twice}")

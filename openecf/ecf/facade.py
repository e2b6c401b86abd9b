"""What other apps use of the court side: privileges, links, the filing check, the bar.

Registrations (e-file requests) call ``grant_privilege``; notices call ``filers_at``;
readiness calls ``is_linked``/``privileges_of``/``can_file``; filing uses ``principals_of``
(whom an agent files for: their name is shown as the filer).
"""

from __future__ import annotations

from openecf.ecf.access import can_file
from openecf.ecf.actions import grant_privilege, revoke_privilege
from openecf.ecf.queries import (
    agents_of,
    court_logins_for_email,
    filers_at,
    is_linked,
    linked_login,
    principals_of,
    privileges_of,
)
from openecf.ecf.rules import FilingCheck, MissingStep

__all__ = [
    "FilingCheck",
    "MissingStep",
    "agents_of",
    "can_file",
    "court_logins_for_email",
    "filers_at",
    "grant_privilege",
    "is_linked",
    "linked_login",
    "principals_of",
    "privileges_of",
    "revoke_privilege",
]

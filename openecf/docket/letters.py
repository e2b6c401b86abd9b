"""The e-mails the docket sends. Pure: callers pass names, numbers and full links."""

from __future__ import annotations

from openecf.core.letters import Letter


def deficiency_notice(
    *,
    court_name: str,
    short_name: str,
    case_number: str,
    entry_number: int,
    docket_text: str,
    message: str,
    held: bool,
    link: str,
) -> Letter:
    """The clerk's notice that a filing is deficient: what is wrong and what to do."""
    where = (
        "The filing is not on the public record: it was not accepted."
        if held
        else "The entry stays on the docket as filed; the clerk's office has noted the deficiency."
    )
    text = (
        f"The clerk's office at {court_name} reviewed your filing in case {case_number} and "
        f"found it deficient.\n\n"
        f"Entry {entry_number}: {docket_text}\n\n"
        f"The clerk's message:\n{message.strip()}\n\n"
        f"{where}\n\n"
        f"The case's docket:\n{link}\n"
    )
    return Letter(
        f"{short_name or court_name}: deficient filing in {case_number}, entry {entry_number}",
        text,
    )

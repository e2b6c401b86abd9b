"""One date style on every page: "November 30, 2026" (with ", 3:05 p.m." when the time matters)."""

import re
from pathlib import Path

import openecf

ALLOWED = {"F j, Y", "F j, Y, P", "F j, Y, P T"}


def test_every_template_writes_dates_in_the_one_style():
    found = {}
    for template in Path(openecf.__file__).parent.glob("*/templates/**/*.html"):
        for style in re.findall(r'\|date:"([^"]*)"', template.read_text()):
            found.setdefault(style, []).append(template.name)
    assert set(found) <= ALLOWED, {k: v for k, v in found.items() if k not in ALLOWED}


def test_date_inputs_describe_what_the_browser_shows():
    from openecf.accounts.forms import UpgradePersonForm

    field = UpgradePersonForm().fields["date_of_birth"]
    assert field.widget.input_type == "date"
    assert field.help_text.startswith("Month, day and year (mm/dd/yyyy).")
    assert UpgradePersonForm({"date_of_birth": "05/17/1980", "user_type": "individual"}).is_valid()

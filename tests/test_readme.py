"""The README stays true: the two commands first, and every demo login as the demo prints it."""

from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]


@pytest.mark.django_db
def test_readme_lists_every_demo_login():
    from openecf.web import demo

    for login in demo.logins():
        assert f"| `{login.username}` | `{login.password}` |" in README, login.username

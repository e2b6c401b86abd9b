"""The pool of PDF checker processes: kept warm between files, replaced when they must be."""

from __future__ import annotations

import os
import select
import signal

import pytest

from openecf.documents import checker, facade
from openecf.documents.tests import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_pool():
    checker.pool().close()
    yield
    checker.pool().close()


def _check(content: bytes, name: str = "brief.pdf"):
    return facade.check_pdf(content, court_id="mowd", file_name=name)


def _idle() -> list[int]:
    return checker.pool().idle_pids()


def test_the_next_file_is_checked_by_the_same_warm_checker(court):
    facade.discard(_check(corpus.text_pdf(2)))
    [first] = _idle()

    facade.discard(_check(corpus.text_pdf(3)))

    assert _idle() == [first]


def test_a_refused_file_retires_its_checker(court):
    facade.discard(_check(corpus.text_pdf(2)))
    [first] = _idle()

    with pytest.raises(facade.PdfRefused) as refused:
        _check(corpus.javascript_open_action(), "script.pdf")

    assert refused.value.reason == "javascript"
    assert _idle() == []
    facade.discard(_check(corpus.text_pdf(2)))
    [second] = _idle()
    assert second != first


def test_a_checker_is_replaced_after_its_quota_of_files(court, settings):
    settings.OPENECF_PDF_CHECK_FILES_PER_PROCESS = 2
    idle_after = []
    for _ in range(4):
        facade.discard(_check(corpus.text_pdf(1)))
        idle_after.append(_idle())

    # After files 1 and 3 a checker waits; after 2 and 4 it has done its two and left.
    assert idle_after[1] == idle_after[3] == []
    assert len(idle_after[0]) == len(idle_after[2]) == 1
    assert idle_after[0] != idle_after[2]


def test_one_file_per_checker_when_the_setting_says_so(court, settings):
    settings.OPENECF_PDF_CHECK_FILES_PER_PROCESS = 1
    facade.discard(_check(corpus.text_pdf(1)))
    facade.discard(_check(corpus.text_pdf(1)))

    assert _idle() == []


def test_a_checker_killed_while_idle_is_replaced_and_the_file_still_checked(court):
    facade.discard(_check(corpus.text_pdf(2)))
    [first] = _idle()
    os.kill(first, signal.SIGKILL)
    os.waitid(os.P_PID, first, os.WEXITED | os.WNOWAIT)  # it is gone (not yet reaped)

    checked = _check(corpus.text_pdf(2))

    assert checked.page_count == 2
    facade.discard(checked)
    assert first not in _idle()


def test_a_warm_checker_that_dies_just_as_it_is_given_a_file_costs_the_filer_nothing(
    court, monkeypatch
):
    """Killed after the pool found it alive: the file goes to one fresh checker."""
    facade.discard(_check(corpus.text_pdf(2)))
    [first] = _idle()
    monkeypatch.setattr(checker, "_alive", lambda found: True)
    os.kill(first, signal.SIGKILL)

    checked = _check(corpus.text_pdf(3))

    assert checked.page_count == 3
    facade.discard(checked)
    assert _idle() and first not in _idle()


def test_a_file_that_kills_fresh_checkers_is_refused(court, monkeypatch):
    from openecf.documents import inspection

    def crash(path, options):
        os.kill(os.getpid(), signal.SIGSEGV)

    monkeypatch.setattr(inspection, "inspect_pdf", crash)

    with pytest.raises(facade.PdfRefused) as refused:
        _check(corpus.text_pdf(1), "crash.pdf")

    assert refused.value.reason == "check_exhausted"
    assert _idle() == []


def test_a_checker_holds_none_of_the_servers_descriptors(court):
    """A checker outlives the request that forked it: were it to keep the request's socket or
    another program's pipe open, that peer would never see it close (a client left waiting)."""
    reading, writing = os.pipe()
    try:
        facade.discard(_check(corpus.text_pdf(1)))  # the checker is forked with both ends open
        os.close(writing)
        writing = -1
        ready, _, _ = select.select([reading], [], [], 5)
        assert ready and os.read(reading, 1) == b"", "a checker still holds the pipe open"
    finally:
        os.close(reading)
        if writing >= 0:
            os.close(writing)


def test_a_hostile_file_still_gets_its_message_from_a_warm_checker(court):
    facade.discard(_check(corpus.text_pdf(2)))

    with pytest.raises(facade.PdfRefused) as refused:
        _check(corpus.embedded_file(), "exhibit.pdf")

    assert refused.value.reason == "embedded_files"
    assert refused.value.message.startswith("exhibit.pdf was not accepted: ")


def test_stopping_the_checkers_sees_each_one_leave(court):
    facade.discard(_check(corpus.text_pdf(2)))
    [first] = _idle()

    facade.stop_checkers()

    assert checker.pool().pids() == []
    with pytest.raises(ChildProcessError):  # gone and reaped, not a zombie
        os.waitpid(first, os.WNOHANG)
    facade.discard(_check(corpus.text_pdf(1)))  # the next file simply forks a new one
    assert len(_idle()) == 1

"""The demo notices: one sent at W.D. Mo., reminders scheduled at D. Kan."""

from openecf.notices import demo
from openecf.notices.models import BarNotice


def test_the_demo_sends_a_notice_and_schedules_reminders_once(courts):
    demo.load()
    demo.load()
    assert list(BarNotice.objects.filter(court_id="mowd").values_list("subject", flat=True)) == [
        demo.LINK_SUBJECT
    ]
    assert BarNotice.objects.get(court_id="mowd").sent_at is not None
    assert sorted(
        BarNotice.objects.filter(court_id="ksd").values_list("days_before", flat=True)
    ) == [1, 7, 30]

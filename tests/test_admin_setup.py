"""Province setup on the Administration page in AppTest, on SQLite and PostgreSQL: an empty
database shows every step missing; loading the sample files step by step through the page
(each checked, then committed) completes it; a one-row edit is rolled back from the history."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.settings import PROJECT_ROOT
from i18n import translate
from tests.apptest import FrameApp, open_app
from tests.import_helpers import frame_csv
from tests.page_uploads import click, no_exception, page_messages, unescape, upload
from tests.viewers import link_test_identities

SAMPLE = PROJECT_ROOT / "sample_data"
# The steps of the checklist in loading order, with the sample file of each upload box.
STEPS = [
    ("localities", "localities", "localities.csv"),
    ("boundaries", "boundaries", "boundaries.geojson"),
    ("agencies", "agencies", "agencies.csv"),
    ("task_groups", "task_groups", "task_groups.csv"),
    ("target_groups", "target_groups", "target_groups.csv"),
    ("campaign", "campaign", "campaign.csv"),
    ("indicators", "indicators", "indicators.csv"),
    ("indicators", "targets", "targets.csv"),
    ("populations", "populations", "populations.csv"),
]


def _url(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _checklist(at: FrameApp) -> str:
    """The checklist's lines (the Markdown block listing the steps)."""
    return next(unescape(m.value) for m in at.markdown if "**1. " in m.value)


def _load(at: FrameApp, step: str, kind: str, file_name: str) -> None:
    """Choose the step, upload its sample file, see the check pass, commit."""
    at.selectbox(key="setup_step").set_value(step).run()
    data = (SAMPLE / file_name).read_bytes()
    flow = f"setup_{kind}"
    if kind == "boundaries":
        at.file_uploader(key=f"upload_{flow}_0").set_value([(file_name, data, "application/json")])
        at.run()
    else:
        upload(at, flow, file_name, data)
    no_exception(at)
    assert not at.error, page_messages(at)
    click(at, f"{flow}_commit")
    no_exception(at)
    assert not at.error, page_messages(at)


def test_an_empty_database_is_set_up_through_the_page(empty_engine, monkeypatch, demo_data):
    link_test_identities(empty_engine)  # a tester holding every role, through SSO
    monkeypatch.setenv("DATABASE_URL", _url(empty_engine))
    at = open_app(None, "pages/admin.py")
    no_exception(at)
    assert translate("filter.setting_up", "vi") in [c.value for c in at.sidebar.caption]
    lines = _checklist(at)
    assert lines.count(translate("check.missing", "vi")) == 8  # every required step
    assert translate("check.optional", "vi") in lines  # boundaries: the map is optional
    assert "Còn thiếu 8 mục" in page_messages(at)[0]
    for step, kind, file_name in STEPS:
        _load(at, step, kind, file_name)
    assert any("Imported" in m or "Đã nhập" in m for m in page_messages(at))
    # Reports are the Data page's: a few rows of the demo's first report date.
    reports = demo_data.reports.rename(columns={"locality_code": "commune_code"})
    first = reports[reports["as_of"] == reports["as_of"].min()].head(20)
    at.switch_page("pages/data.py").run()
    upload(at, "reports", "dot_1.csv", frame_csv(first))
    click(at, "reports_commit")
    no_exception(at)
    at.switch_page("pages/admin.py").run()
    no_exception(at)
    assert translate("check.complete", "vi") in page_messages(at)
    assert translate("check.missing", "vi") not in _checklist(at)


def _agency_name(engine: sa.Engine, code: str) -> str:
    with engine.connect() as connection:
        return connection.execute(
            sa.select(s.agencies.c.name_vi).where(s.agencies.c.code == code)
        ).scalar_one()


def _deadline(engine: sa.Engine, code: str):  # noqa: ANN202 (a date)
    with engine.connect() as connection:
        value = connection.execute(
            sa.select(s.stages.c.deadline).where(s.stages.c.code == code)
        ).scalar_one()
    return pd.Timestamp(value).date()


def _roll_back_newest(at: FrameApp) -> None:
    """Roll back the newest batch from the setup history."""
    pick = at.selectbox(key="setup_history_pick")
    batch = pick.options[0]
    pick.set_value(int(batch)).run()
    at.checkbox(key=f"setup_history_sure_{batch}").check().run()
    click(at, "setup_history_go")
    no_exception(at)


@pytest.fixture
def admin_app(seeded_copy, monkeypatch):
    """The Administration page on a writable copy of the demo."""
    monkeypatch.setenv("DATABASE_URL", _url(seeded_copy))
    at = open_app({"as_of": "2026-11-20"}, "pages/admin.py")
    no_exception(at)
    return at


def test_renaming_an_agency_is_a_batch_the_history_rolls_back(admin_app, seeded_copy):
    at, old = admin_app, _agency_name(seeded_copy, "CA")
    at.selectbox(key="edit_agency").set_value("CA").run()
    at.text_input[[t.label for t in at.text_input].index("Tên tiếng Việt")].input(
        "Công an tỉnh Đắk Sơn"
    )
    at.button[[b.label for b in at.button].index("Lưu")].click().run()
    no_exception(at)
    assert any(m.startswith("Đã lưu (đợt #") for m in page_messages(at)), page_messages(at)
    assert _agency_name(seeded_copy, "CA") == "Công an tỉnh Đắk Sơn"
    _roll_back_newest(at)
    assert any(m.startswith("Đã hoàn tác đợt #") for m in page_messages(at)), page_messages(at)
    assert _agency_name(seeded_copy, "CA") == old


def test_moving_a_deadline_is_a_batch_the_history_rolls_back(admin_app, seeded_copy):
    at, old = admin_app, _deadline(seeded_copy, "GD2-2026")
    at.selectbox(key="edit_stage").set_value("GD2-2026").run()
    save = at.button(key="FormSubmitter:edit_stage_GD2-2026-Lưu")
    deadline = next(d for d in at.date_input if d.label == "Hạn chót")
    deadline.set_value(old.replace(year=old.year + 1))  # a form: sent with its submit button
    save.click().run()
    no_exception(at)
    assert any(m.startswith("Đã lưu (đợt #") for m in page_messages(at)), page_messages(at)
    assert _deadline(seeded_copy, "GD2-2026") == old.replace(year=old.year + 1)
    _roll_back_newest(at)
    assert _deadline(seeded_copy, "GD2-2026") == old


def _targets(engine: sa.Engine, stage: str) -> int:
    tgt, st = s.targets, s.stages
    stmt = (
        sa.select(sa.func.count())
        .select_from(tgt.join(st, st.c.id == tgt.c.stage_id))
        .where(st.c.code == stage, tgt.c.locality_id.is_(None))
    )
    with engine.connect() as connection:
        return connection.execute(stmt).scalar_one()


def test_retiring_an_indicator_needs_a_confirmation_and_is_rolled_back(admin_app, seeded_copy):
    at, before = admin_app, _targets(seeded_copy, "GD2-2026")
    at.selectbox(key="retire_stage").set_value("GD2-2026").run()
    submit = at.button(key="FormSubmitter:retire_GD2-2026-Bỏ khỏi giai đoạn")
    submit.click().run()  # not confirmed: nothing happens
    assert "Hãy đánh dấu ô xác nhận trước." in page_messages(at)
    assert _targets(seeded_copy, "GD2-2026") == before
    form = [w for w in at.selectbox if w.form_id == "retire_GD2-2026"][0]
    form.set_value("CT10")
    next(c for c in at.checkbox if c.form_id == "retire_GD2-2026").check()
    at.button(key="FormSubmitter:retire_GD2-2026-Bỏ khỏi giai đoạn").click().run()
    no_exception(at)
    assert _targets(seeded_copy, "GD2-2026") == before - 1
    _roll_back_newest(at)
    assert _targets(seeded_copy, "GD2-2026") == before

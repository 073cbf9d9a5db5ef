"""A presentation link for the meeting-room computer: slides only, its scope and frozen date,
and nothing once it is revoked or its creator loses the right."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from data_access.accounts.actors import Actor, account_actor
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import revoke_grants
from data_access.accounts.link_scope import LinkScope
from data_access.accounts.links import create_link, revoke_link
from i18n import translate
from tests.apptest import open_app
from ui.navigation import PAGES

FROZEN = date(2026, 9, 30)
SCOPE = LinkScope(province_code="99", agency_code="CA", stage_code="GD2-2026")


def _link(engine) -> str:
    return create_link(
        engine,
        actor=account_actor(engine, "committee"),
        scope=SCOPE,
        expires_at=utc_now() + timedelta(days=1),
        as_of=FROZEN,
        label="Phòng họp",
    )


def _open(engine, monkeypatch, token: str, **query: str):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return open_app({"link": token, **query}, login=None)


def test_a_link_opens_its_slides_only_at_its_frozen_date(seeded_copy, monkeypatch):
    token = _link(seeded_copy)
    at = _open(seeded_copy, monkeypatch, token, as_of="2026-11-16", agency="SGDDT", slide="1")
    assert not at.exception, [e.value for e in at.exception]
    for page in PAGES:
        if page.name != "present":  # no other page is registered for a link
            with pytest.raises(ValueError):
                at.switch_page(f"pages/{page.name}.py")
    markup = " ".join(str(n.value) for n in [*at.markdown, *at.get("html")])
    # The police's two indicators' tiles, whatever the URL asked.
    assert markup.count('class="present-tile"') == 2
    shown = " ".join(str(getattr(node, "value", "")) for node in at.main)
    assert "30/09/2026" in shown
    assert translate("access.link_label", name="Phòng họp") in [c.value for c in at.sidebar.caption]


def test_a_revoked_link_or_a_creator_without_the_right_opens_nothing(seeded_copy, monkeypatch):
    token = _link(seeded_copy)
    revoke_link(seeded_copy, 1, actor=account_actor(seeded_copy, "committee"))
    at = _open(seeded_copy, monkeypatch, token)
    assert translate("access.dead_link") in [e.value for e in at.error]
    assert len(at.metric) == 0
    second = _link(seeded_copy)
    revoke_grants(seeded_copy, "committee", "committee", actor=Actor(name="cli:tests"))
    at = _open(seeded_copy, monkeypatch, second)
    assert translate("access.dead_link") in [e.value for e in at.error]

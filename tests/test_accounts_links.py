"""Presentation links and single sign-on identities on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from data_access.accounts.actors import AccountError, Actor, NotAllowed
from data_access.accounts.audit import fetch_audit
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant, fetch_limits, revoke_grants
from data_access.accounts.link_scope import LinkScope
from data_access.accounts.links import create_link, fetch_links, resolve_link, revoke_link
from data_access.accounts.oidc import (
    OidcIdentity,
    account_for_identity,
    identity_from_claims,
    signed_in_user,
)
from data_access.accounts.roles import Grant
from data_access.accounts.users import create_user, set_disabled
from tests.accounts_helpers import OPERATOR, add_register, dump_database

ISSUER = "http://127.0.0.1:9/"
COMMITTEE_99 = Grant("committee", "99")


@pytest.fixture
def engine(empty_engine):
    add_register(empty_engine)
    return empty_engine


def _member(engine, login="member", grant=COMMITTEE_99) -> Actor:
    user_id = create_user(engine, login=login, display_name=login, actor=OPERATOR)
    add_grant(engine, login, grant, actor=OPERATOR)
    return Actor(login, user_id=user_id, limits=fetch_limits(engine, user_id))


def test_a_committee_member_makes_a_link_that_may_only_present(engine):
    member = _member(engine)
    scope = LinkScope(province_code="99", agency_code="CA", stage_code="GD2-2026")
    expires = utc_now() + timedelta(hours=3)
    token = create_link(
        engine,
        actor=member,
        scope=scope,
        expires_at=expires,
        as_of=date(2026, 9, 30),
        label="Họp BCĐ",
    )
    access = resolve_link(engine, token, now=utc_now())
    assert access.label == "Họp BCĐ" and access.limits.is_link
    assert access.limits.may("present") and not access.limits.may("read")
    assert (
        access.limits.frozen_as_of == date(2026, 9, 30) and access.limits.stage_code == "GD2-2026"
    )
    assert access.limits.agency_codes == {"CA"} and access.limits.province_codes == {"99"}
    assert resolve_link(engine, token, now=expires) is None  # expired
    assert token not in dump_database(engine)
    links = fetch_links(engine)
    assert links.loc[0, "created_by"] == "member" and links.loc[0, "scope"]["agency_code"] == "CA"
    assert fetch_audit(engine, action="link_created").iloc[0]["details"]["label"] == "Họp BCĐ"


def test_links_never_widen_their_creator(engine):
    member = _member(engine)
    head = _member(engine, "head", Grant("department_head", "99", agency_code="CA"))
    later = utc_now() + timedelta(hours=1)
    with pytest.raises(NotAllowed):
        create_link(engine, actor=member, scope=LinkScope(province_code="98"), expires_at=later)
    with pytest.raises(NotAllowed):  # a department head may not make links at all
        create_link(engine, actor=head, scope=LinkScope("99", agency_code="CA"), expires_at=later)
    with pytest.raises(NotAllowed):  # the command line is nobody: a link needs a person
        create_link(engine, actor=OPERATOR, scope=LinkScope("99"), expires_at=later)
    with pytest.raises(AccountError, match="7"):
        create_link(
            engine, actor=member, scope=LinkScope("99"), expires_at=utc_now() + timedelta(days=8)
        )


def test_a_link_dies_with_revocation_or_its_creator(engine):
    member = _member(engine)
    later = utc_now() + timedelta(hours=1)
    first = create_link(engine, actor=member, scope=LinkScope("99"), expires_at=later)
    second = create_link(engine, actor=member, scope=LinkScope("99"), expires_at=later)
    third = create_link(engine, actor=member, scope=LinkScope("99"), expires_at=later)
    first_id = int(fetch_links(engine)["id"].min())
    revoke_link(engine, first_id, actor=member)
    assert resolve_link(engine, first, now=utc_now()) is None
    assert resolve_link(engine, second, now=utc_now()) is not None
    set_disabled(engine, "member", True, actor=OPERATOR)
    assert resolve_link(engine, second, now=utc_now()) is None
    set_disabled(engine, "member", False, actor=OPERATOR)
    revoke_grants(engine, "member", "committee", actor=OPERATOR)
    assert resolve_link(engine, third, now=utc_now()) is None
    assert resolve_link(engine, "not-a-token", now=utc_now()) is None


def test_identity_from_claims():
    claims = {"iss": ISSUER, "sub": "abc", "email": " A@X.VN ", "email_verified": True}
    assert identity_from_claims(claims) == OidcIdentity(ISSUER, "abc", "a@x.vn", True)
    assert identity_from_claims(
        {"iss": ISSUER, "sub": "abc", "email_verified": "true"}
    ).email_verified
    assert not identity_from_claims(
        {"iss": ISSUER, "sub": "abc", "email_verified": 1}
    ).email_verified
    assert identity_from_claims({"sub": "abc"}) is None
    assert identity_from_claims({"iss": ISSUER, "sub": ""}) is None


def test_a_first_single_sign_on_links_the_account_by_verified_email(engine):
    user_id = create_user(
        engine, login="head", display_name="Head", email="head@ca.gov.vn", actor=OPERATOR
    )
    add_grant(engine, "head", Grant("department_head", "99", agency_code="CA"), actor=OPERATOR)
    now = utc_now()
    unverified = OidcIdentity(ISSUER, "sub-1", "head@ca.gov.vn", email_verified=False)
    assert account_for_identity(engine, unverified, now=now) is None
    identity = OidcIdentity(ISSUER, "sub-1", "head@ca.gov.vn", email_verified=True)
    assert account_for_identity(engine, identity, now=now) == user_id
    # From now on the subject decides, whatever e-mail the provider sends.
    assert account_for_identity(engine, OidcIdentity(ISSUER, "sub-1"), now=now) == user_id
    # Another identity with the same e-mail never takes the linked account over.
    other = OidcIdentity(ISSUER, "sub-2", "head@ca.gov.vn", email_verified=True)
    assert account_for_identity(engine, other, now=now) is None
    stranger = OidcIdentity(ISSUER, "sub-3", "someone@else.vn", email_verified=True)
    assert account_for_identity(engine, stranger, now=now) is None
    signed_in = signed_in_user(engine, user_id)
    assert signed_in.login == "head" and signed_in.limits.agency_codes == {"CA"}
    set_disabled(engine, "head", True, actor=OPERATOR)
    assert account_for_identity(engine, identity, now=now) is None
    assert signed_in_user(engine, user_id) is None
    reasons = [d["reason"] for d in fetch_audit(engine, action="oidc_refused")["details"]]
    assert reasons == ["disabled", "unknown", "linked", "no_verified_email"]
    assert len(fetch_audit(engine, action="oidc_linked")) == 1

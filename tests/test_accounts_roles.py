"""Roles, actions and Limits: pure, table-driven (every role × every action)."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.accounts.link_scope import LinkScope, link_limits, scope_within
from data_access.accounts.roles import (
    ACTIONS,
    ADMIN,
    COMMITTEE,
    COMMUNE_OFFICER,
    DATA_OFFICER,
    DEPARTMENT_HEAD,
    ROLE_ACTIONS,
    ROLES,
    Grant,
    Limits,
    compute_limits,
    grant_problem,
)

# The product's table of who may do what, written out once more by hand: a change to
# ROLE_ACTIONS that is not also made here fails, so no right is widened by accident.
EXPECTED = {
    COMMITTEE: {"read", "present", "brief", "manage_links", "record_decisions"},
    DEPARTMENT_HEAD: {"read"},
    COMMUNE_OFFICER: {"read", "upload_reports"},
    DATA_OFFICER: {"read", "import_reports", "rollback", "view_batches", "record_decisions"},
    ADMIN: {
        "read",
        "view_batches",
        "edit_register",
        "edit_catalogue",
        "edit_boundaries",
        "manage_users",
        "manage_links",
        "view_audit",
        "edit_settings",
    },
}
# A valid grant of each role in the demo province.
GRANTS = {
    COMMITTEE: Grant(COMMITTEE, "99"),
    DEPARTMENT_HEAD: Grant(DEPARTMENT_HEAD, "99", agency_code="CA"),
    COMMUNE_OFFICER: Grant(COMMUNE_OFFICER, "99", commune_code="40001"),
    DATA_OFFICER: Grant(DATA_OFFICER, "99"),
    ADMIN: Grant(ADMIN, "99"),
}


def test_the_expected_table_names_every_role_and_only_known_actions():
    assert set(EXPECTED) == set(ROLES) == set(ROLE_ACTIONS)
    for actions in EXPECTED.values():
        assert actions <= set(ACTIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_role_and_action(role, action):
    limits = compute_limits([GRANTS[role]])
    assert limits.may(action) is (action in EXPECTED[role])


@pytest.mark.parametrize("action", ACTIONS)
def test_a_presentation_link_may_only_present(action):
    limits = link_limits(LinkScope(province_code="99"))
    assert limits.may(action) is (action == "present")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["", "READ", "delete_everything", "read ", "*"])
def test_unknown_actions_are_refused(role, action):
    assert not compute_limits([GRANTS[role]]).may(action)


@pytest.mark.parametrize("action", ACTIONS)
def test_no_grants_give_nothing(action):
    limits = compute_limits([])
    assert not limits.may(action)
    assert limits.province_codes == frozenset() and limits.commune_codes == frozenset()
    assert not limits.may_read_commune("40001", province_code="99")
    assert not limits.may_upload_for("40001", province_code="99")
    assert Limits() == limits


@pytest.mark.parametrize(
    ("grant", "problem"),
    [
        (Grant("superuser"), "unknown role"),
        (Grant(COMMUNE_OFFICER, "99"), "a commune officer needs a commune"),
        (Grant(DEPARTMENT_HEAD, "99"), "a department head needs an agency"),
        (Grant(COMMITTEE, "99", commune_code="40001"), "only a commune officer"),
        (Grant(DATA_OFFICER, "99", agency_code="CA"), "only a department head"),
    ],
)
def test_invalid_grants_give_nothing(grant, problem):
    assert problem in grant_problem(grant)
    limits = compute_limits([grant])
    assert not any(limits.may(action) for action in ACTIONS)
    assert limits.problems


def test_a_commune_officer_reads_and_uploads_only_their_communes():
    limits = compute_limits(
        [
            Grant(COMMUNE_OFFICER, "99", commune_code="40001"),
            Grant(COMMUNE_OFFICER, "99", commune_code="40002"),
        ]
    )
    assert limits.commune_codes == {"40001", "40002"}
    assert limits.province_codes == {"99"}
    assert limits.may_read_commune("40002", province_code="99")
    assert not limits.may_read_commune("40003", province_code="99")
    assert limits.may_upload_for("40001", province_code="99")
    assert not limits.may_upload_for("40003", province_code="99")
    # A URL narrows, never widens.
    assert limits.narrow_communes(["40001", "40050"]) == {"40001"}
    assert limits.narrow_communes(None) == {"40001", "40002"}


def test_a_department_head_sees_their_agency_and_the_setting_opens_the_others():
    closed = compute_limits([GRANTS[DEPARTMENT_HEAD]])
    assert closed.agency_codes == {"CA"} and closed.visible_agency_codes == {"CA"}
    assert closed.narrow_agencies(["SGDDT"]) == frozenset()
    assert closed.commune_codes is None and closed.province_codes == {"99"}
    opened = compute_limits([GRANTS[DEPARTMENT_HEAD]], heads_see_all_agencies=True)
    assert opened.agency_codes == {"CA"} and opened.agency_view_only
    assert opened.visible_agency_codes is None
    assert opened.narrow_agencies(["SGDDT"]) == {"SGDDT"}
    assert not opened.may("import_reports")


def test_a_province_wide_role_reads_all_agencies_and_only_its_province():
    limits = compute_limits([GRANTS[COMMITTEE]])
    assert limits.agency_codes is None and limits.commune_codes is None
    assert limits.may_read_commune("40001", province_code="99")
    assert not limits.may_read_commune("50001", province_code="98")
    # The province of a commune must be known to a province-limited check: fail closed.
    assert not limits.may_read_commune("40001", province_code=None)
    assert limits.narrow_provinces(["99", "98"]) == {"99"}


def test_a_grant_without_province_reads_every_province():
    limits = compute_limits([Grant(COMMITTEE)])
    assert limits.province_codes is None
    assert limits.may_read_commune("50001", province_code="98")


def test_roles_combine_and_an_outside_commune_keeps_only_its_upload_right():
    limits = compute_limits([GRANTS[COMMITTEE], Grant(COMMUNE_OFFICER, "98", commune_code="50001")])
    assert limits.may("present") and limits.may("upload_reports")
    assert limits.province_codes == {"99"} and limits.commune_codes is None
    assert not limits.may_read_commune("50001", province_code="98")
    assert limits.may_upload_for("50001", province_code="98")
    assert not limits.may_upload_for("40001", province_code="99")


def test_a_data_officer_imports_for_any_commune_of_their_province_only():
    limits = compute_limits([GRANTS[DATA_OFFICER]])
    assert limits.may_upload_for("40077", province_code="99")
    assert not limits.may_upload_for("50001", province_code="98")
    assert not limits.may_upload_for("40077", province_code=None)


def test_link_limits_carry_the_scope_and_the_frozen_date():
    scope = LinkScope(
        province_code="99", commune_codes=("40001",), agency_code="CA", stage_code="GD2"
    )
    limits = link_limits(scope, frozen_as_of=date(2026, 9, 30))
    assert limits.is_link and limits.frozen_as_of == date(2026, 9, 30)
    assert limits.stage_code == "GD2"
    assert limits.commune_codes == {"40001"} and limits.agency_codes == {"CA"}
    assert limits.may_read_commune("40001", province_code="99")
    assert not limits.may_read_commune("40002", province_code="99")


@pytest.mark.parametrize(
    ("grants", "scope", "inside"),
    [
        ([GRANTS[COMMITTEE]], LinkScope(province_code="99"), True),
        ([GRANTS[COMMITTEE]], LinkScope(province_code="98"), False),
        ([GRANTS[COMMITTEE]], LinkScope(), False),  # every province: wider than 99
        ([Grant(COMMITTEE)], LinkScope(), True),
        ([GRANTS[COMMITTEE]], LinkScope("99", ("40001",), "CA"), True),
        ([GRANTS[DEPARTMENT_HEAD]], LinkScope("99", agency_code="CA"), True),
        ([GRANTS[DEPARTMENT_HEAD]], LinkScope("99"), False),
        ([GRANTS[DEPARTMENT_HEAD]], LinkScope("99", agency_code="SGDDT"), False),
        ([GRANTS[COMMUNE_OFFICER]], LinkScope("99", ("40001",)), True),
        ([GRANTS[COMMUNE_OFFICER]], LinkScope("99", ("40001", "40002")), False),
        ([], LinkScope("99"), False),
    ],
)
def test_a_link_scope_must_lie_within_its_creator(grants, scope, inside):
    assert scope_within(scope, compute_limits(grants)) is inside


def test_limits_are_frozen():
    limits = compute_limits([GRANTS[ADMIN]])
    with pytest.raises(AttributeError):
        limits.actions = frozenset(ACTIONS)  # type: ignore[misc]

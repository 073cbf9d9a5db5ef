"""Helpers for the accounts tests: a tiny register, a database dump, fixed times."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.engine import immediate_transaction

# Fixed times keep the tests deterministic (naive UTC, as the accounts tables store them).
T0 = datetime(2026, 12, 1, 8, 0, 0)
OPERATOR = Actor(name="cli:test")
# A password that satisfies the rules, distinctive enough to search the database for.
PASSWORD = "Mật-khẩu-thử-9f3c2a"


def add_register(engine: sa.Engine) -> None:
    """Province 99 with communes 40001 and 40002, province 98 with 50001, agencies CA, SGDDT."""
    with immediate_transaction(engine) as connection:
        ids = {}
        for code, name, level, parent in [
            ("99", "Tỉnh Đắk Sơn", s.LEVEL_PROVINCE, None),
            ("98", "Tỉnh Khác", s.LEVEL_PROVINCE, None),
            ("40001", "Phường Buôn Ma Thuột", s.LEVEL_COMMUNE, "99"),
            ("40002", "Phường Tân Lập", s.LEVEL_COMMUNE, "99"),
            ("50001", "Xã Khác", s.LEVEL_COMMUNE, "98"),
        ]:
            ids[code] = connection.execute(
                s.localities.insert().returning(s.localities.c.id),
                {
                    "code": code,
                    "name": name,
                    "name_folded": name.lower(),
                    "kind": "tinh" if level == s.LEVEL_PROVINCE else "xa",
                    "level": level,
                    "parent_id": ids.get(parent),
                },
            ).scalar_one()
        connection.execute(
            s.agencies.insert(),
            [
                {"code": "CA", "name_vi": "Công an tỉnh", "name_en": "Provincial Police"},
                {"code": "SGDDT", "name_vi": "Sở Giáo dục", "name_en": "Education"},
            ],
        )


def dump_database(engine: sa.Engine) -> str:
    """Every row of every table as text, to search for what must never be stored."""
    parts = []
    with engine.connect() as connection:
        for table in s.metadata.sorted_tables:
            for row in connection.execute(sa.select(table)):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)

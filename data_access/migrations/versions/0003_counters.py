"""app counters: the data version as an integer bumped atomically in SQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    counters = op.create_table(
        "app_counters",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_app_counters")),
    )
    meta = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.String))
    connection = op.get_bind()
    old = connection.execute(
        sa.select(meta.c.value).where(meta.c.key == "data_version")
    ).scalar_one_or_none()
    # Start above the old text counter so no cache entry keyed on an old version is reused.
    start = int(old) + 1 if old and old.isdigit() else 1
    op.bulk_insert(counters, [{"name": "data_version", "value": start}])
    connection.execute(meta.delete().where(meta.c.key == "data_version"))


def downgrade() -> None:
    op.drop_table("app_counters")

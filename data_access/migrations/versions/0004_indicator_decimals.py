"""indicator decimals: how many decimal places an indicator's reports may carry

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing indicators count whole people, so 0 is their right value.
    op.add_column(
        "indicators",
        sa.Column("decimals", sa.SmallInteger(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_column("decimals")

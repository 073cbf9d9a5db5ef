"""focal points: the optional name, phone and e-mail of each commune's reporting contact

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("localities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("focal_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("focal_phone", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("focal_email", sa.String(length=254), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("localities", schema=None) as batch_op:
        batch_op.drop_column("focal_email")
        batch_op.drop_column("focal_phone")
        batch_op.drop_column("focal_name")

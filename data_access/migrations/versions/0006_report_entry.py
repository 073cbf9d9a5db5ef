"""report entry: periods entered by communes, their values and every step of their history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="draft", nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_entry_periods_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["localities.id"], name=op.f("fk_entry_periods_locality_id_localities")
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stages.id"], name=op.f("fk_entry_periods_stage_id_stages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_periods")),
        sa.UniqueConstraint(
            "locality_id",
            "stage_id",
            "as_of",
            name=op.f("uq_entry_periods_locality_id_stage_id_as_of"),
        ),
    )
    with op.batch_alter_table("entry_periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_periods_status"), ["status"], unique=False)

    op.create_table(
        "entry_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("numerator", sa.String(length=64), server_default="", nullable=False),
        sa.Column("denominator", sa.String(length=64), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_entry_values_indicator_id_indicators"),
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["entry_periods.id"],
            name=op.f("fk_entry_values_period_id_entry_periods"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_values")),
        sa.UniqueConstraint(
            "period_id", "indicator_id", name=op.f("uq_entry_values_period_id_indicator_id")
        ),
    )
    op.create_table(
        "entry_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_entry_history_indicator_id_indicators"),
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["entry_periods.id"],
            name=op.f("fk_entry_history_period_id_entry_periods"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_entry_history_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_history")),
    )
    with op.batch_alter_table("entry_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_entry_history_indicator_id_at"), ["indicator_id", "at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_entry_history_period_id"), ["period_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entry_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_history_period_id"))
        batch_op.drop_index(batch_op.f("ix_entry_history_indicator_id_at"))

    op.drop_table("entry_history")
    op.drop_table("entry_values")
    with op.batch_alter_table("entry_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_periods_status"))

    op.drop_table("entry_periods")

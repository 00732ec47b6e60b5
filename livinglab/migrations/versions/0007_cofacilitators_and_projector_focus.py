"""co-facilitators with their own revocable keys; who did each facilitator act; what the
projector shows when the facilitator chose it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "projector_focus",
                sqlmodel.sql.sqltypes.AutoString(length=12),
                nullable=False,
                server_default="",
            )
        )
    op.create_table(
        "cofacilitator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cofacilitator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cofacilitator_workshop_id"), ["workshop_id"])
        batch_op.create_index(batch_op.f("ix_cofacilitator_key_hash"), ["key_hash"], unique=True)
    op.create_table(
        "facilitatoract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("act", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("acted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("facilitatoract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facilitatoract_workshop_id"), ["workshop_id"])


def downgrade() -> None:
    op.drop_table("facilitatoract")
    op.drop_table("cofacilitator")
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_column("projector_focus")

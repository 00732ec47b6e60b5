"""quick reactions on themes; stories the facilitator wrote down for someone on paper

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("by_proxy", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "reaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("reacted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"]),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "theme_id", "kind"),
    )
    with op.batch_alter_table("reaction", schema=None) as batch_op:
        for column in ("participant_id", "theme_id", "workshop_id"):
            batch_op.create_index(batch_op.f(f"ix_reaction_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("reaction")
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.drop_column("by_proxy")

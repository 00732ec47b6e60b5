"""small groups stay anonymous (each workshop's smallest group shown on its own), review
first (stories wait for the facilitator before the wall), how many people are in the room

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("smallest_group", sa.Integer(), nullable=False, server_default="3")
        )
        batch_op.add_column(
            sa.Column("review_first", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("people_in_room", sa.Integer(), nullable=True))
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("waiting", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.drop_column("waiting")
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_column("people_in_room")
        batch_op.drop_column("review_first")
        batch_op.drop_column("smallest_group")

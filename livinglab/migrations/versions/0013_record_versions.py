"""record versions: a closed workshop's record is sealed, and every later correction is a
new version naming the previous one's digest; participants' erasure requests wait for the
organisation. Workshops closed before this version are sealed by `python -m livinglab
migrate` (livinglab/records/versions.py, `seal_unsealed`).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recordversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("previous_digest", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("made_by", sa.String(length=40), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seal", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("erased_in", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workshop_id", "number"),
    )
    op.create_index(op.f("ix_recordversion_workshop_id"), "recordversion", ["workshop_id"])
    op.create_table(
        "erasurerequest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("granted_in", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id"),
    )
    op.create_index(op.f("ix_erasurerequest_workshop_id"), "erasurerequest", ["workshop_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_erasurerequest_workshop_id"), table_name="erasurerequest")
    op.drop_table("erasurerequest")
    op.drop_index(op.f("ix_recordversion_workshop_id"), table_name="recordversion")
    op.drop_table("recordversion")

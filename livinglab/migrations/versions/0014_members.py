"""members: people of the organisation sign in (an identity provider or passkeys) and hold
roles; sessions, invitations, passkeys, sign-ins under way and the audit trail. Workshops
and co-facilitator links name the member who runs them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 23:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=512), nullable=False),
        sa.Column("roles", sa.String(length=80), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("removed_at", NOW, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_member_subject"), "member", ["subject"])
    op.create_table(
        "membersession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("last_seen_at", NOW, nullable=False),
        sa.Column("ended_at", NOW, nullable=True),
        sa.Column("id_token", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_membersession_member_id"), "membersession", ["member_id"])
    op.create_index(
        op.f("ix_membersession_token_hash"), "membersession", ["token_hash"], unique=True
    )
    op.create_table(
        "invite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("roles", sa.String(length=80), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("made_by", sa.Integer(), nullable=True),
        sa.Column("made_at", NOW, nullable=False),
        sa.Column("expires_at", NOW, nullable=False),
        sa.Column("used_at", NOW, nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.ForeignKeyConstraint(["made_by"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_invite_token_hash"), "invite", ["token_hash"], unique=True)
    op.create_table(
        "passkey",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.String(length=1400), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("sign_count", sa.Integer(), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("last_used_at", NOW, nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_passkey_member_id"), "passkey", ["member_id"])
    op.create_index(op.f("ix_passkey_credential_id"), "passkey", ["credential_id"], unique=True)
    op.create_table(
        "signinchallenge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("lookup_hash", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=128), nullable=False),
        sa.Column("verifier", sa.String(length=128), nullable=False),
        sa.Column("challenge", sa.String(length=128), nullable=False),
        sa.Column("invite_id", sa.Integer(), nullable=True),
        sa.Column("return_to", sa.String(length=200), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.ForeignKeyConstraint(["invite_id"], ["invite.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_signinchallenge_lookup_hash"), "signinchallenge", ["lookup_hash"], unique=True
    )
    op.create_table(
        "auditevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", NOW, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("act", sa.String(length=40), nullable=False),
        sa.Column("workshop_code", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_auditevent_member_id"), "auditevent", ["member_id"])
    op.create_index(op.f("ix_auditevent_act"), "auditevent", ["act"])
    op.create_index(op.f("ix_auditevent_workshop_code"), "auditevent", ["workshop_code"])
    with op.batch_alter_table("workshop") as batch:
        batch.add_column(sa.Column("lead_member_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_workshop_lead_member_id"), ["lead_member_id"])
        batch.create_foreign_key("fk_workshop_lead_member", "member", ["lead_member_id"], ["id"])
    with op.batch_alter_table("cofacilitator") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_cofacilitator_member_id"), ["member_id"])
        batch.create_foreign_key("fk_cofacilitator_member", "member", ["member_id"], ["id"])
    with op.batch_alter_table("recordsreader") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_recordsreader_member", "member", ["member_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("recordsreader") as batch:
        batch.drop_constraint("fk_recordsreader_member", type_="foreignkey")
        batch.drop_column("member_id")
    with op.batch_alter_table("cofacilitator") as batch:
        batch.drop_constraint("fk_cofacilitator_member", type_="foreignkey")
        batch.drop_index(op.f("ix_cofacilitator_member_id"))
        batch.drop_column("member_id")
    with op.batch_alter_table("workshop") as batch:
        batch.drop_constraint("fk_workshop_lead_member", type_="foreignkey")
        batch.drop_index(op.f("ix_workshop_lead_member_id"))
        batch.drop_column("lead_member_id")
    for table in ("auditevent", "signinchallenge", "passkey", "invite", "membersession"):
        op.drop_table(table)
    op.drop_index(op.f("ix_member_subject"), table_name="member")
    op.drop_table("member")

"""search across closed workshops: the searched texts, and each database's full-text index
(SQLite FTS5 over stems made in Python, PostgreSQL tsvector in the workshop's language)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 07:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: SQLite: an FTS5 index reading `searchentry.stems`, kept in step by triggers, so rows
#: deleted by any path (a workshop deleted table by table) leave the index too.
SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE searchindex USING fts5(stems, content='searchentry', content_rowid='id')",
    "CREATE TRIGGER searchentry_added AFTER INSERT ON searchentry BEGIN"
    " INSERT INTO searchindex(rowid, stems) VALUES (new.id, new.stems); END",
    "CREATE TRIGGER searchentry_removed AFTER DELETE ON searchentry BEGIN"
    " INSERT INTO searchindex(searchindex, rowid, stems) VALUES ('delete', old.id, old.stems);"
    " END",
    "CREATE TRIGGER searchentry_changed AFTER UPDATE ON searchentry BEGIN"
    " INSERT INTO searchindex(searchindex, rowid, stems) VALUES ('delete', old.id, old.stems);"
    " INSERT INTO searchindex(rowid, stems) VALUES (new.id, new.stems); END",
]
#: PostgreSQL: the text's lexemes in the workshop's language, made by the database itself.
POSTGRESQL_INDEX = [
    "ALTER TABLE searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "CASE WHEN language = 'en' THEN to_tsvector('english'::regconfig, text)"
    " ELSE to_tsvector('dutch'::regconfig, text) END) STORED",
    "CREATE INDEX ix_searchentry_document ON searchentry USING gin (document)",
]


def upgrade() -> None:
    op.create_table(
        "searchentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("stems", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_searchentry_workshop_id"), "searchentry", ["workshop_id"])
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_INDEX if dialect == "sqlite" else POSTGRESQL_INDEX:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE searchindex")  # its triggers go with searchentry
    op.drop_index(op.f("ix_searchentry_workshop_id"), table_name="searchentry")
    op.drop_table("searchentry")

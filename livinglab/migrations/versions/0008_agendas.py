"""ready agendas of the roadmap (prompts and planned minutes per stage), in Dutch and English;
each stage's planned minutes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (language, name, question, [(stage, prompt, minutes), ...]) in the order the start page
#: offers them. Written for this project; facilitators adapt them on the console.
AGENDAS = [
    (
        "nl",
        "Samen verbeteren",
        "Wat moet er beter, volgens de mensen die het elke dag meemaken?",
        [
            ("welcome", "Welkom! Pak je telefoon en doe mee. Iedere stem telt even zwaar.", 5),
            ("collect", "Vertel over een moment waarop het goed ging, of juist niet.", 15),
            ("sensemaking", "Welke verhalen horen bij elkaar? Wat valt je op?", 20),
            ("dialogue", "Wat moet er veranderen? Wie doet wat, en wanneer?", 25),
        ],
    ),
    (
        "nl",
        "Werk en inkomen",
        "Hoe helpen we mensen sneller en beter aan werk dat bij ze past?",
        [
            ("welcome", "Welkom. Hier praat iedereen mee: bewoners, werkgevers en de gemeente.", 5),
            (
                "collect",
                "Vertel over een moment met werk, een uitkering of schulden dat je is bijgebleven.",
                15,
            ),
            ("sensemaking", "Welke drempels naar werk zie je steeds terug?", 20),
            ("dialogue", "Wat kan de gemeente anders doen? En wat kunnen werkgevers doen?", 25),
        ],
    ),
    (
        "en",
        "Improve together",
        "What should get better, according to the people who live it every day?",
        [
            ("welcome", "Welcome! Take your phone and join in. Every voice counts the same.", 5),
            ("collect", "Tell us about a moment when it went well, or did not.", 15),
            ("sensemaking", "Which stories belong together? What strikes you?", 20),
            ("dialogue", "What should change? Who does what, and by when?", 25),
        ],
    ),
    (
        "en",
        "Work and income",
        "How do we help people find work that suits them, sooner and better?",
        [
            (
                "welcome",
                "Welcome. Everyone has a say here: residents, employers and the council.",
                5,
            ),
            (
                "collect",
                "Tell us about a moment with work, benefits or debts that stayed with you.",
                15,
            ),
            ("sensemaking", "Which barriers to work do you see again and again?", 20),
            ("dialogue", "What can the council do differently? And what can employers do?", 25),
        ],
    ),
]


def upgrade() -> None:
    with op.batch_alter_table("stageprompt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minutes", sa.Integer(), nullable=True))
    agenda = op.create_table(
        "agenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    step = op.create_table(
        "agendastep",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_id", sa.Integer(), nullable=False),
        sa.Column("stage", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("prompt", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["agenda_id"], ["agenda.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agendastep", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agendastep_agenda_id"), ["agenda_id"])
    for number, (language, name, question, steps) in enumerate(AGENDAS, start=1):
        op.bulk_insert(
            agenda, [{"id": number, "language": language, "name": name, "question": question}]
        )
        op.bulk_insert(
            step,
            [
                {"agenda_id": number, "stage": stage, "prompt": prompt, "minutes": minutes}
                for stage, prompt, minutes in steps
            ],
        )
    if op.get_bind().dialect.name == "postgresql":  # ids were given: move the sequence on
        op.execute("SELECT setval('agenda_id_seq', (SELECT MAX(id) FROM agenda))")


def downgrade() -> None:
    op.drop_table("agendastep")
    op.drop_table("agenda")
    with op.batch_alter_table("stageprompt", schema=None) as batch_op:
        batch_op.drop_column("minutes")

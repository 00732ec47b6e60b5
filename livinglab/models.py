"""The tables: everything a workshop is, as stored. The database is the source of truth."""

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Now, in UTC, the one clock every screen counts from."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC: SQLite hands back naive datetimes that were stored as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _timestamp(*, nullable: bool = False, default: bool = True):
    """A timezone-aware timestamp column (SQLite keeps naive values otherwise)."""
    return Field(
        default_factory=utcnow if default else lambda: None,
        sa_column=Column(DateTime(timezone=True), nullable=nullable),
    )


class Workshop(SQLModel, table=True):
    """One co-creation session: its question, its stage, its facilitator's secret."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=16)
    title: str = Field(max_length=200)
    question: str = Field(max_length=500)
    language: str = Field(default="nl", max_length=2)
    uses_names: bool = False
    facilitator_key_hash: str = Field(max_length=64)
    stage: str = Field(default="welcome", max_length=20)
    timer_ends_at: datetime | None = _timestamp(nullable=True, default=False)
    created_at: datetime = _timestamp()


class StagePrompt(SQLModel, table=True):
    """The question people answer during one stage of one workshop."""

    __table_args__ = (UniqueConstraint("workshop_id", "stage"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    stage: str = Field(max_length=20)
    prompt: str = Field(max_length=300)


class StageChange(SQLModel, table=True):
    """When the workshop entered a stage: the process as it really went."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    stage: str = Field(max_length=20)
    changed_at: datetime = _timestamp()


class Participant(SQLModel, table=True):
    """Someone in the room, known only by a server-issued token (no account)."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    name: str | None = Field(default=None, max_length=40)
    role: str = Field(max_length=20)
    joined_at: datetime = _timestamp()


class Insight(SQLModel, table=True):
    """A story or insight one participant posted."""

    __table_args__ = (UniqueConstraint("participant_id", "client_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    #: The phone's id for this post, so a double tap or a resend stores it once.
    client_ref: str = Field(max_length=40)
    text: str = Field(max_length=500)
    hidden: bool = False
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class ModerationAct(SQLModel, table=True):
    """A facilitator hid or showed an insight: recorded, never silent."""

    id: int | None = Field(default=None, primary_key=True)
    insight_id: int = Field(foreign_key="insight.id", index=True)
    action: str = Field(max_length=10)
    actor: str = Field(max_length=40)
    acted_at: datetime = _timestamp()

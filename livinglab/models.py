"""The tables: everything a workshop is, as stored. The database is the source of truth."""

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Column, DateTime, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from livinglab.limits import (
    ACTION_MAX,
    CLIENT_REF_MAX,
    CORRECTION_REASON_MAX,
    FOLLOWUP_MAX,
    INSIGHT_MAX,
    NAME_MAX,
    ORGANISERS_MAX,
    OWNER_MAX,
    PLACE_MAX,
    PROMPT_MAX,
    PROPOSAL_MAX,
    QUESTION_MAX,
    RATIONALE_MAX,
    REASON_MAX,
    RETENTION_DEFAULT_MONTHS,
    SMALLEST_GROUP_DEFAULT,
    THEME_NAME_MAX,
    TITLE_MAX,
)


class Stage(StrEnum):
    """The roadmap: collect stories, make sense together, dialogue toward change."""

    WELCOME = "welcome"
    COLLECT = "collect"
    SENSEMAKING = "sensemaking"
    DIALOGUE = "dialogue"
    CLOSED = "closed"


class ProjectorFocus(StrEnum):
    """What the projector shows when the facilitator chose it; FOLLOW lets the stage decide."""

    FOLLOW = ""
    #: The big QR code and the question, while people join.
    JOIN = "join"
    #: The story wall, or the theme columns once the group makes sense together.
    BOARD = "board"
    #: The vote results (or the round's turnout while they are hidden).
    RESULTS = "results"
    #: The proposal in focus with its consent result and decision.
    PROPOSAL = "proposal"


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class Role(StrEnum):
    """Who someone is in the room: counted per role, so power differences show."""

    RESIDENT = "resident"
    PROFESSIONAL = "professional"
    CIVIL_SERVANT = "civil_servant"
    EMPLOYER = "employer"
    OTHER = "other"


class ModerationAction(StrEnum):
    HIDE = "hide"
    SHOW = "show"
    #: A story that waited for review (the workshop reviews first) goes on the wall.
    LET_THROUGH = "let_thru"


class SuggestionStatus(StrEnum):
    """A participant's proposal to put their card in a theme, and what became of it."""

    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class VoteTarget(StrEnum):
    """What a round's dots go on: the themes, or the stories when there are no themes."""

    THEME = "theme"
    INSIGHT = "insight"


class ProposalStatus(StrEnum):
    BOARD = "board"  # being discussed
    PENDING = "pending"  # sent from a phone, waiting for the facilitator
    DECLINED = "declined"


class Answer(StrEnum):
    """A consent answer: agree, can live with it, or object."""

    AGREE = "agree"
    LIVE_WITH = "live_with"
    OBJECT = "object"


class Outcome(StrEnum):
    """What was decided about a proposal."""

    ADOPTED = "adopted"
    ADOPTED_WITH_CHANGES = "adopted_with_changes"
    NOT_ADOPTED = "not_adopted"
    NEEDS_MORE_WORK = "needs_more_work"


class SearchKind(StrEnum):
    """What a search hit in the records library is."""

    STORY = "story"
    THEME = "theme"
    PROPOSAL = "proposal"
    DECISION = "decision"
    ACTION = "action"
    FOLLOWUP = "followup"


class RecordChange(StrEnum):
    """Why a version of a closed workshop's record was made."""

    #: Sealed at closing (version 1), or at closing again after the workshop was reopened.
    CLOSED = "closed"
    #: Corrections after closing, each with a reason the organisation typed.
    HIDE_STORY = "hide_story"
    SHOW_STORY = "show_story"
    #: A participant's stories removed on their request (the GDPR's right to erasure).
    ERASURE = "erasure"
    SMALLEST_GROUP = "smallest_group"
    #: The retention period ended: every text is gone, the counts stay.
    PURGE = "purge"


class ReactionKind(StrEnum):
    """The quick reactions on a theme, in the order the buttons show them."""

    RECOGNISE = "recognise"
    AFFECTS_ME = "affects_me"
    IDEA = "idea"


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
    title: str = Field(max_length=TITLE_MAX)
    question: str = Field(max_length=QUESTION_MAX)
    #: Where and by whom, for the cover of the decision log; both optional.
    place: str = Field(default="", max_length=PLACE_MAX)
    organisers: str = Field(default="", max_length=ORGANISERS_MAX)
    language: str = Field(default=Language.NL, max_length=2)
    uses_names: bool = False
    facilitator_key_hash: str = Field(max_length=64)
    stage: str = Field(default=Stage.WELCOME, max_length=20)
    timer_ends_at: datetime | None = _timestamp(nullable=True, default=False)
    created_at: datetime = _timestamp()
    #: How long after closing the personal data is kept (livinglab/retention.py).
    retention_months: int = RETENTION_DEFAULT_MONTHS
    #: When the personal data was removed; None while it is still kept.
    purged_at: datetime | None = _timestamp(nullable=True, default=False)
    #: What the projector shows, when the facilitator chose it (a ProjectorFocus); "" follows
    #: the stage. Reset when the stage moves.
    projector_focus: str = Field(default="", max_length=12)
    #: A role's own figures in a ballot split show only when at least this many of that
    #: role took part (livinglab/anonymity.py); never below SMALLEST_GROUP_MIN.
    smallest_group: int = SMALLEST_GROUP_DEFAULT
    #: New stories wait on the console until the facilitator lets them through.
    review_first: bool = False
    #: How many people the facilitator counted in the room; None: not entered.
    people_in_room: int | None = None
    #: A sample workshop made by `python -m livinglab demo` (livinglab/demo.py), not a real one.
    demo: bool = False
    #: The member who runs it (livinglab/organisation); None for a workshop from before
    #: members, or a sample one: then only the facilitator key leads it.
    lead_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)


class CoFacilitator(SQLModel, table=True):
    """A second person who helps run the room with their own key, until it is revoked.

    They moderate, group cards and act for people on paper; they cannot move the
    workshop on, close it, delete it, export it or hand out links.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    key_hash: str = Field(index=True, unique=True, max_length=64)
    #: How the console and the audit trail name them ("Co-facilitator 1", or a first name).
    label: str = Field(max_length=NAME_MAX)
    created_at: datetime = _timestamp()
    revoked_at: datetime | None = _timestamp(nullable=True, default=False)
    #: The member who opened this link while signed in: the workshop is then on their list.
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)


class FacilitatorAct(SQLModel, table=True):
    """Who of the people running the room did what, and when: the audit trail."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    #: "facilitator", or a co-facilitator's label.
    actor: str = Field(max_length=40)
    #: The domain function that acted (e.g. "set_hidden", "move_insight").
    act: str = Field(max_length=40)
    acted_at: datetime = _timestamp()


class StagePrompt(SQLModel, table=True):
    """The question people answer during one stage of one workshop."""

    __table_args__ = (UniqueConstraint("workshop_id", "stage"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    stage: str = Field(max_length=20)
    prompt: str = Field(max_length=PROMPT_MAX)
    #: The time planned for the stage (the console's timer starts with it); None: not planned.
    minutes: int | None = None


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
    name: str | None = Field(default=None, max_length=NAME_MAX)
    role: str = Field(max_length=20)  # a Role
    #: Added by the facilitator for someone without a phone; their dots are cast by proxy.
    on_paper: bool = False
    joined_at: datetime = _timestamp()


class Insight(SQLModel, table=True):
    """A story or insight one participant posted."""

    __table_args__ = (UniqueConstraint("participant_id", "client_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    #: The phone's id for this post, so a double tap or a resend stores it once.
    client_ref: str = Field(max_length=CLIENT_REF_MAX)
    text: str = Field(max_length=INSIGHT_MAX)
    hidden: bool = False
    #: Posted while the workshop reviews first, and not yet let through or hidden. A waiting
    #: story is also `hidden`: whatever leaves hidden stories out leaves it out too.
    waiting: bool = False
    #: The theme the card sits in (at most one); None: ungrouped.
    theme_id: int | None = Field(default=None, foreign_key="theme.id", index=True)
    #: Written by the facilitator for someone on paper (who cannot or will not type).
    by_proxy: bool = False
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class ModerationAct(SQLModel, table=True):
    """A facilitator hid or showed an insight: recorded, never silent."""

    id: int | None = Field(default=None, primary_key=True)
    insight_id: int = Field(foreign_key="insight.id", index=True)
    action: str = Field(max_length=10)  # a ModerationAction
    actor: str = Field(max_length=40)
    acted_at: datetime = _timestamp()


class Theme(SQLModel, table=True):
    """A named group of insights, made together in the sensemaking stage."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    name: str = Field(max_length=THEME_NAME_MAX)
    created_at: datetime = _timestamp()


class ThemeSuggestion(SQLModel, table=True):
    """A participant proposes a theme for their own card; the facilitator decides."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    insight_id: int = Field(foreign_key="insight.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    status: str = Field(default=SuggestionStatus.OPEN, max_length=10)
    created_at: datetime = _timestamp()


class VoteRound(SQLModel, table=True):
    """A dot-voting round: every person the same number of dots, results hidden until revealed."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    #: What people vote on (a VoteTarget).
    target: str = Field(max_length=10)
    dots_per_person: int
    max_per_item: int
    is_open: bool = True
    revealed: bool = False
    opened_at: datetime = _timestamp()
    closed_at: datetime | None = _timestamp(nullable=True, default=False)


class Vote(SQLModel, table=True):
    """One dot. The database itself bounds the budget.

    A person's dots in a round occupy numbered slots 0..budget-1 (unique), and their
    dots on one item occupy slots 0..cap-1 (unique): however many tabs, taps or
    simultaneous submissions, no more rows than the budget can exist.
    """

    __table_args__ = (
        UniqueConstraint("round_id", "participant_id", "slot"),
        UniqueConstraint("round_id", "participant_id", "item_id", "item_slot"),
        CheckConstraint("slot >= 0 AND slot < budget", name="vote_within_budget"),
        CheckConstraint("item_slot >= 0 AND item_slot < item_cap", name="vote_within_item_cap"),
    )

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="voteround.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    item_id: int
    slot: int
    budget: int
    item_slot: int
    item_cap: int
    #: Cast by the facilitator for a paper participant: recorded as such.
    by_proxy: bool = False
    cast_at: datetime = _timestamp()


class Proposal(SQLModel, table=True):
    """What should change, for a theme: recorded by the facilitator or sent from a phone."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    theme_id: int | None = Field(default=None, foreign_key="theme.id", index=True)
    #: The participant who sent it from a phone; None when the facilitator wrote it.
    participant_id: int | None = Field(default=None, foreign_key="participant.id")
    text: str = Field(max_length=PROPOSAL_MAX)
    status: str = Field(default=ProposalStatus.BOARD, max_length=10)
    created_at: datetime = _timestamp()


class ConsentRound(SQLModel, table=True):
    """Asking everyone about one proposal: agree, can live with it, or object."""

    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(foreign_key="proposal.id", index=True)
    is_open: bool = True
    revealed: bool = False
    opened_at: datetime = _timestamp()
    closed_at: datetime | None = _timestamp(nullable=True, default=False)


class ConsentAnswer(SQLModel, table=True):
    """One person's answer in a consent round: one per person, changeable while open."""

    __table_args__ = (UniqueConstraint("round_id", "participant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="consentround.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    answer: str = Field(max_length=10)  # an Answer
    reason: str = Field(default="", max_length=REASON_MAX)
    answered_at: datetime = _timestamp()


class Decision(SQLModel, table=True):
    """What was decided about a proposal, and why."""

    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(foreign_key="proposal.id", unique=True)
    outcome: str = Field(max_length=25)  # an Outcome
    rationale: str = Field(max_length=RATIONALE_MAX)
    decided_at: datetime = _timestamp()


class Action(SQLModel, table=True):
    """Who does what by when, following a decision."""

    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="decision.id", index=True)
    what: str = Field(max_length=ACTION_MAX)
    owner: str = Field(max_length=OWNER_MAX)
    due: date | None = None


class ActionStatus(StrEnum):
    """Where an action stands, as the policy team follows it up after the workshop."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class AccessLevel(StrEnum):
    """What a person invited to the records library may do."""

    READ = "read"
    #: Read, and add follow-ups to actions.
    UPDATE = "update"


class RecordsReader(SQLModel, table=True):
    """A named person with access to the records library, by their own link (stored hashed).

    Invited with the organisation's records key; revoked at once when it is taken back.
    `subject` is kept for a single sign-on later (OpenID Connect `iss|sub`); "" for a link.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=NAME_MAX)
    level: str = Field(default=AccessLevel.READ, max_length=10)  # an AccessLevel
    token_hash: str = Field(index=True, unique=True, max_length=64)
    subject: str = Field(default="", max_length=255)
    invited_at: datetime = _timestamp()
    revoked_at: datetime | None = _timestamp(nullable=True, default=False)
    #: The member this link became (`python -m livinglab migrate`): the link keeps working
    #: with the member's roles, and stops when the member is removed.
    member_id: int | None = Field(default=None, foreign_key="member.id")


class ActionUpdate(SQLModel, table=True):
    """A dated follow-up of an action: appended, never changed or removed (but by a purge).

    `reader_id` names who made it for the audit trail; the public pages never show it.
    """

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id", index=True)
    status: str = Field(max_length=12)  # an ActionStatus
    note: str = Field(default="", max_length=FOLLOWUP_MAX)
    reader_id: int | None = Field(default=None, foreign_key="recordsreader.id")
    made_at: datetime = _timestamp()


class SearchEntry(SQLModel, table=True):
    """One text of a closed workshop as the records library searches it (livinglab/search.py).

    Rebuilt from the workshop's rows whenever it closes, reopens, is purged or an action is
    followed up. The database's own full-text index sits beside it (migration 0011): on
    SQLite an FTS5 table over `stems`, kept in step by triggers; on PostgreSQL a generated
    `tsvector` column over `text` in the workshop's language, with a GIN index.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    kind: str = Field(max_length=10)  # a SearchKind
    language: str = Field(max_length=2)  # the workshop's
    text: str
    #: The words of `text` stemmed in the workshop's language (SQLite has no Dutch stemmer).
    stems: str


class Reaction(SQLModel, table=True):
    """A pictogram reaction on a theme (recognise it, affects me, idea): no typing needed.

    One of each kind per person per theme: tapping again takes it back.
    """

    __table_args__ = (UniqueConstraint("participant_id", "theme_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    kind: str = Field(max_length=12)  # a ReactionKind
    reacted_at: datetime = _timestamp()


class Agenda(SQLModel, table=True):
    """A ready agenda of the roadmap a new workshop can start from: its question, and per
    stage a prompt and the time planned (AgendaStep)."""

    id: int | None = Field(default=None, primary_key=True)
    language: str = Field(max_length=2)
    name: str = Field(max_length=THEME_NAME_MAX)
    question: str = Field(max_length=QUESTION_MAX)


class AgendaStep(SQLModel, table=True):
    """One stage of an agenda: what people are asked, and for how long."""

    id: int | None = Field(default=None, primary_key=True)
    agenda_id: int = Field(foreign_key="agenda.id", index=True)
    stage: str = Field(max_length=20)
    prompt: str = Field(max_length=PROMPT_MAX)
    minutes: int | None = None


class RecordVersion(SQLModel, table=True):
    """One sealed version of a closed workshop's record: appended, never rewritten.

    `body` is the record's canonical JSON, whose SHA-256 is `digest`; it names the previous
    version's digest, so the versions form a hash chain (livinglab/records/versions.py).
    An erasure or a purge takes the texts out of every earlier version: their `body` is
    dropped (`erased_in` says by which version), their digest stays in the chain.
    """

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    number: int
    digest: str = Field(max_length=64)
    previous_digest: str = Field(default="", max_length=64)
    change: str = Field(max_length=16)  # a RecordChange
    reason: str = Field(default="", max_length=CORRECTION_REASON_MAX)
    #: Who made it, for the audit: "facilitator", "cofacilitator-3", "reader-5", ...
    made_by: str = Field(max_length=40)
    made_at: datetime = _timestamp()
    #: The version's seal as its body states it (JSON): kept when the body is erased, so
    #: the corrections stay listed in every later version.
    seal: str = Field(sa_column=Column(Text, nullable=False))
    body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    erased_in: int | None = None


class ErasureRequest(SQLModel, table=True):
    """A participant asked, from their own join link after closing, for their stories to be
    removed. It waits for the organisation; granting it makes a new record version."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", unique=True)
    requested_at: datetime = _timestamp()
    #: The record version that removed the stories; None while the request waits.
    granted_in: int | None = None


class MemberRole(StrEnum):
    """What a member of the organisation may do; a member can hold several."""

    #: Manages members and settings, reads the audit trail.
    ADMIN = "admin"
    #: Starts and runs workshops.
    FACILITATOR = "facilitator"
    #: Reads the records library.
    RECORDS_READER = "records_reader"
    #: Reads the records library, follows actions up and corrects records.
    RECORDS_UPDATER = "records_updater"


class Member(SQLModel, table=True):
    """A person of the organisation who signs in (participants never do).

    `subject` is the identity provider's `iss|sub` ("" for a passkey member); `roles` is a
    comma-separated set of MemberRole. A removed member keeps their row (the audit trail
    names them) but can do nothing.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=NAME_MAX)
    email: str = Field(default="", max_length=254)
    subject: str = Field(default="", max_length=512, index=True)
    roles: str = Field(default="", max_length=80)
    created_at: datetime = _timestamp()
    removed_at: datetime | None = _timestamp(nullable=True, default=False)


class MemberSession(SQLModel, table=True):
    """A signed-in browser: the cookie holds the token, this row its SHA-256."""

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    #: How they signed in: "oidc", "passkey" or "link" (livinglab/organisation/sessions.py).
    method: str = Field(max_length=10)
    created_at: datetime = _timestamp()
    last_seen_at: datetime = _timestamp()
    ended_at: datetime | None = _timestamp(nullable=True, default=False)
    #: The provider's ID token, sent back as `id_token_hint` when signing out there.
    id_token: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class Invite(SQLModel, table=True):
    """A personal link that makes (or adds a device to) a member: used once, then spent.

    The setup link of a fresh install is an invite for the first admin (`made_by` None).
    """

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    name: str = Field(default="", max_length=NAME_MAX)
    roles: str = Field(default="", max_length=80)
    #: An existing member's new device; None: the link makes a new member.
    member_id: int | None = Field(default=None, foreign_key="member.id")
    made_by: int | None = Field(default=None, foreign_key="member.id")
    made_at: datetime = _timestamp()
    expires_at: datetime = _timestamp()
    used_at: datetime | None = _timestamp(nullable=True, default=False)


class Passkey(SQLModel, table=True):
    """A member's WebAuthn credential: the public key only (the private one never leaves
    their device or password manager)."""

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    credential_id: str = Field(index=True, unique=True, max_length=1400)
    public_key: str = Field(sa_column=Column(Text, nullable=False))
    sign_count: int = 0
    created_at: datetime = _timestamp()
    last_used_at: datetime | None = _timestamp(nullable=True, default=False)


class SignInChallenge(SQLModel, table=True):
    """One sign-in under way (OpenID Connect `state`, or a WebAuthn challenge): kept in the
    database so that any worker can finish it; used once, valid for a few minutes."""

    id: int | None = Field(default=None, primary_key=True)
    #: "oidc", "passkey-add" or "passkey-sign-in".
    kind: str = Field(max_length=16)
    #: SHA-256 of the `state` (OIDC) or of the challenge (WebAuthn): what comes back.
    lookup_hash: str = Field(index=True, unique=True, max_length=64)
    nonce: str = Field(default="", max_length=128)
    verifier: str = Field(default="", max_length=128)
    challenge: str = Field(default="", max_length=128)
    invite_id: int | None = Field(default=None, foreign_key="invite.id")
    return_to: str = Field(default="/", max_length=200)
    created_at: datetime = _timestamp()


class AuditEvent(SQLModel, table=True):
    """One act that matters, appended and never changed: who, when, what, which workshop.

    No foreign key to the workshop: the trail outlives a deleted workshop (its code stays).
    `actor` is a member's name, a co-facilitator's label, "facilitator link", "participant"
    or "system"; a retention purge replaces co-facilitators' labels with their role.
    """

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _timestamp()
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    actor: str = Field(max_length=NAME_MAX + 20)
    act: str = Field(max_length=40, index=True)
    workshop_code: str = Field(default="", max_length=16, index=True)
    detail: str = Field(default="", max_length=300)

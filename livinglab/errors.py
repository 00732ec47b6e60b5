"""Refusals the domain raises; each carries a catalog key for the message people see."""


class DomainError(Exception):
    """A rule said no. `key` names the catalog message shown in `error-message`."""

    key = "error_generic"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.key)


class WorkshopNotFound(DomainError):
    key = "error_code_unknown"


class DemoRefused(DomainError):
    """The database holds real workshops: the sample workshops are not mixed in unasked."""

    key = "error_demo_refused"


class WrongStage(DomainError):
    key = "error_wrong_stage"


class WorkshopClosed(WrongStage):
    """The last stage: nothing can be done any more, whatever the act."""

    key = "error_workshop_closed"


class NotFacilitator(DomainError):
    key = "error_not_facilitator"


class WrongRecordsKey(DomainError):
    key = "error_records_key"


class RecordsSwitchedOff(DomainError):
    """No LIVINGLAB_RECORDS_KEY is configured, so no key can open the records page."""

    key = "error_records_off"


class AccessRevoked(DomainError):
    """This person's records link was taken back: refused at once, whatever they held."""

    key = "error_access_revoked"


class ReadOnlyAccess(DomainError):
    """A person with read access tried to change something (a follow-up, an invitation)."""

    key = "error_access_read_only"


class ReaderNotFound(DomainError):
    key = "error_reader_not_found"


class BadAccessLevel(DomainError):
    key = "error_access_level"


class ActionNotFound(DomainError):
    key = "error_action_not_found"


class BadActionStatus(DomainError):
    key = "error_action_status"


class NotClosedYet(DomainError):
    """Follow-ups belong to a closed workshop's actions."""

    key = "error_not_closed_yet"


class NotParticipant(DomainError):
    key = "error_not_participant"


class NotYourInsight(DomainError):
    key = "error_not_your_insight"


class InsightNotFound(DomainError):
    key = "error_insight_not_found"


class EmptyText(DomainError):
    key = "error_text_empty"


class TextTooLong(DomainError):
    key = "error_text_too_long"


class InvalidChoice(DomainError):
    key = "error_invalid_choice"


class BadProjectorFocus(InvalidChoice):
    """The projector was asked to show something it has no view for."""

    key = "error_projector_focus"


class TooManyAttempts(DomainError):
    key = "error_too_many_attempts"


class TooManyStories(DomainError):
    """One participant posted the most stories a workshop takes from one person."""

    key = "error_too_many_stories"


class JoinWaits(DomainError):
    """Many new participants came from this phone's address within a minute: it waits."""

    key = "error_join_waits"


class BadRoomSize(DomainError):
    """The people in the room is not a whole number within the allowed range."""

    key = "error_people_in_room"


class TooFast(DomainError):
    """A second story came within a few seconds of the last one from the same phone."""

    key = "error_too_fast"


class ThemeNotFound(InvalidChoice):
    key = "error_theme_not_found"


class MergeIntoItself(DomainError):
    key = "error_merge_into_itself"


class NoOpenRound(DomainError):
    key = "error_no_open_round"


class RoundAlreadyOpen(DomainError):
    key = "error_round_already_open"


class NothingToVoteOn(DomainError):
    key = "error_nothing_to_vote_on"


class VoteBudgetExceeded(DomainError):
    key = "error_vote_budget"


class ItemCapExceeded(DomainError):
    key = "error_item_cap"


class NotAVoteItem(DomainError):
    key = "error_not_a_vote_item"


class ResultsHidden(DomainError):
    key = "error_results_hidden"


class ProposalNotFound(DomainError):
    key = "error_proposal_not_found"


class NoOpenConsent(DomainError):
    key = "error_no_open_consent"


class BadDate(DomainError):
    key = "error_bad_date"


class BadDateRange(DomainError):
    """A search from a day to an earlier day: nothing could ever be found."""

    key = "error_date_range"


class BadSmallestGroup(DomainError):
    """The smallest group shown on its own is not a whole number within the allowed range."""

    key = "error_smallest_group"


class BadRetention(DomainError):
    """The retention period is not a whole number of months within the allowed range."""

    key = "error_retention_months"


class WrongConfirmation(DomainError):
    """The typed code does not match the workshop to delete."""

    key = "error_delete_code"


class ReasonRequired(DomainError):
    """A closed record is corrected only with a reason, which the new version prints."""

    key = "error_reason_required"


class NothingToCorrect(DomainError):
    """The correction would change nothing (the story is hidden already, K is K already)."""

    key = "error_nothing_to_correct"


class BadCorrection(InvalidChoice):
    """Not a kind of correction a closed record allows."""

    key = "error_bad_correction"


class ErasureRequestNotFound(DomainError):
    key = "error_erasure_request_not_found"


class NothingToErase(DomainError):
    """The participant has no stories in the record (none written, or removed already)."""

    key = "error_nothing_to_erase"


class SignInRequired(DomainError):
    """The act needs a member of the organisation, signed in (a participant never does)."""

    key = "error_sign_in_required"


class RoleRequired(DomainError):
    """Signed in, but without a role that allows this act."""

    key = "error_role_required"


class InviteInvalid(DomainError):
    """An invitation or setup link that is unknown, used already or expired."""

    key = "error_invite_invalid"


class MemberNotFound(DomainError):
    key = "error_member_not_found"


class LastAdmin(DomainError):
    """The organisation would be left without an admin, and nobody could manage it."""

    key = "error_last_admin"


class BadRole(InvalidChoice):
    key = "error_bad_role"


class SignInFailed(DomainError):
    """The identity provider's answer or the passkey did not check out: nothing was stored."""

    key = "error_sign_in_failed"


class TooManySignIns(DomainError):
    """Too many failed sign-ins from this address or for this account lately."""

    key = "error_too_many_sign_ins"


class NotAColleague(DomainError):
    """A workshop can only be handed over to a member who may run workshops."""

    key = "error_not_a_colleague"

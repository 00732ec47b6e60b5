"""Every limit of the app, defined once: the tables, the checks, the forms and the texts use them.

A text that names a limit writes it as a placeholder (`{INSIGHT_MAX}`), which the catalog
fills in (livinglab/i18n.py), so a limit changed here changes what people read too.
"""

# What people type, in characters.
INSIGHT_MAX = 500
NAME_MAX = 40
TITLE_MAX = 200
PLACE_MAX = 120
ORGANISERS_MAX = 200
QUESTION_MAX = 500
PROMPT_MAX = 300
THEME_NAME_MAX = 80
PROPOSAL_MAX = 300
REASON_MAX = 120
RATIONALE_MAX = 1000
ACTION_MAX = 300
OWNER_MAX = 100
#: A dated follow-up of an action ("De nieuwe brief is vanaf 1 maart in gebruik").
FOLLOWUP_MAX = 500
#: Why a closed record is corrected (typed by the organisation, printed in the record).
CORRECTION_REASON_MAX = 300
#: Accents, points and vowel signs on one letter; more are dropped, so a stack of marks
#: ("Zalgo") cannot climb out of its card. Vietnamese, Hebrew, Arabic and Thai need at most 4.
MARKS_PER_LETTER = 4
#: The phone's id for a post (a double tap or a resend sends the same one).
CLIENT_REF_MAX = 40
#: A join code as typed, before it is normalised.
TYPED_CODE_MAX = 16
#: How much of a story a ballot line shows when people vote on stories.
VOTE_LABEL_MAX = 80

# One person, one voice, also against a script.
#: Stories one participant may post in one workshop.
STORIES_PER_PERSON = 30
#: New participants per client address per minute: a venue behind one NAT gets in, a
#: script joining again and again (each time with a fresh vote budget) waits.
JOINS_PER_MINUTE = 120
#: How long a phone that must wait tries to join again by itself, in seconds.
JOIN_RETRY_SECONDS = 10
#: The people in the room the facilitator may enter (empty: not counted).
PEOPLE_IN_ROOM_MAX = 1000
#: Words of a search in the records library that count; more are left out.
SEARCH_WORDS_MAX = 12
#: Characters of a search the field takes (and the count line repeats).
SEARCH_MAX = 200
#: Hits the records page shows for one search; when there are more, it says so.
SEARCH_HITS_SHOWN = 50
#: Hits one search returns at most.
SEARCH_HITS_MAX = 200

# Nobody is exposed: a split by role shows a role on its own only from this many people.
SMALLEST_GROUP_DEFAULT = 3
SMALLEST_GROUP_MIN = 2
SMALLEST_GROUP_MAX = 20

# Voting.
DEFAULT_DOTS = 3
DEFAULT_PER_ITEM = 1
MAX_DOTS = 10

# Time.
TIMER_MAX_MINUTES = 180
#: How long after closing the personal data is kept, in months (livinglab/retention.py).
RETENTION_DEFAULT_MONTHS = 12
RETENTION_MIN_MONTHS = 1
RETENTION_MAX_MONTHS = 120


def placeholders() -> dict[str, str]:
    """Every limit by name, as the catalog's texts write them: {"INSIGHT_MAX": "500", ...}."""
    return {name: str(value) for name, value in globals().items() if name.isupper()}

"""Nobody is exposed: a ballot split by role shows a role on its own only from K people.

The split by role makes power visible, but in a room with one employer it would publish
that employer's vote. So, as statistics offices do with small cells: a role with fewer than
the workshop's smallest group (K) of people in a round is merged with the other small roles
into one line beside them, and when that line is still smaller than K (or no role is big
enough, so it would repeat the totals) there is no split at all, only
the totals. Every published line then stands for K people or more, and the totals minus
any published lines leave either nobody or K people or more, so no line can be worked out
from the others either. Voice balance (who joined, posted, voted) is not a ballot and is
not split here.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session

from livinglab import changes
from livinglab.changes import Change
from livinglab.errors import BadSmallestGroup
from livinglab.limits import SMALLEST_GROUP_MAX, SMALLEST_GROUP_MIN
from livinglab.models import Workshop
from livinglab.validation import whole_number
from livinglab.workshops import ROLES, Act, require_facilitator

#: The line of the roles merged because each had fewer than K people in the round.
MERGED = "merged"


def smallest_group(workshop: Workshop) -> int:
    """The workshop's K, never below SMALLEST_GROUP_MIN whatever is stored."""
    return min(max(workshop.smallest_group, SMALLEST_GROUP_MIN), SMALLEST_GROUP_MAX)


@dataclass(frozen=True)
class Split:
    """Which lines of a round may be published: roles on their own, and the merged line."""

    #: The published lines in role order, MERGED last; empty when the split is withheld.
    groups: tuple[str, ...]
    #: Roles that took part with fewer than `smallest_group` people: in MERGED, or withheld.
    merged: tuple[str, ...]
    smallest_group: int

    @property
    def withheld(self) -> bool:
        """True when small roles together are still too few: only totals are published."""
        return bool(self.merged) and MERGED not in self.groups

    def lines(self, per_role: Mapping[str, Counter]) -> dict[str, Counter]:
        """Each published line's figures, the merged line the sum of its roles."""
        lines = {group: Counter(per_role.get(group, ())) for group in self.groups}
        if MERGED in lines:
            lines[MERGED] = sum(
                (Counter(per_role.get(role, ())) for role in self.merged), Counter()
            )
        return lines

    def as_record(self) -> dict:
        """What the record says about the split: which roles were merged, and why (K)."""
        return {
            "smallest_group": self.smallest_group,
            "merged_roles": list(self.merged),
            "withheld": self.withheld,
        }


def note(split: Mapping | None, t: Mapping[str, str]) -> str:
    """What screens and the record say under a split (`Split.as_record()`) that merged or
    withheld roles, in the catalog `t`'s language; "" when every role shows on its own."""
    if not split or not split["merged_roles"]:
        return ""
    roles = ", ".join(t[f"role_{role}"] for role in split["merged_roles"])
    text = t["split_withheld" if split["withheld"] else "split_merged"]
    return text.replace("{k}", str(split["smallest_group"])).replace("{roles}", roles)


def split_by_role(people: Mapping[str, int], *, smallest_group: int) -> Split:
    """The publishable split of a round in which `people[role]` people took part."""
    k = max(smallest_group, SMALLEST_GROUP_MIN)
    took_part = [role for role in ROLES if people.get(role, 0) > 0]
    own = tuple(role for role in took_part if people[role] >= k)
    small = tuple(role for role in took_part if people[role] < k)
    if not small:
        return Split(groups=own, merged=(), smallest_group=k)
    # With no role on its own, the merged line would only repeat the totals.
    if own and sum(people[role] for role in small) >= k:
        return Split(groups=(*own, MERGED), merged=small, smallest_group=k)
    return Split(groups=(), merged=small, smallest_group=k)


def set_smallest_group(*, session: Session, code: str, key: str, size: object) -> int:
    """The facilitator chooses K (SMALLEST_GROUP_MIN..SMALLEST_GROUP_MAX), also live.

    Results already shown are split again with the new K. Lowering K shows at most the
    roles that have K people now; what was merged before and is on its own now is a union
    of such roles, so two publications never differ by fewer people than the lower K.
    """
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    return change_smallest_group(session, workshop, size)


def change_smallest_group(session: Session, workshop: Workshop, size: object) -> int:
    """Set K on `workshop` (the caller checked who and when: the room above, a correction
    of a closed record in livinglab/records/corrections.py)."""
    number = whole_number(
        size, low=SMALLEST_GROUP_MIN, high=SMALLEST_GROUP_MAX, refusal=BadSmallestGroup
    )
    if workshop.smallest_group != number:
        workshop.smallest_group = number
        session.add(workshop)
        changes.record(session, workshop, Change.ROUND, Change.DIALOGUE)
    return number

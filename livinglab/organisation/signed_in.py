"""A signed-in member as every organisation act receives them, and the one gate of those
acts (its own module: the audit trail checks it too, and members.py writes to the trail)."""

from dataclasses import dataclass

from livinglab.errors import RoleRequired, SignInRequired


@dataclass(frozen=True)
class SignedIn:
    """A member as the domain receives them: resolved from a session, never from a client's
    word. The typed actor of every organisation act."""

    member_id: int
    name: str
    roles: frozenset[str]

    def holds(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def audit_name(self) -> str:
        return self.name


def require(by: SignedIn | None, *roles: str) -> SignedIn:
    """`by`, if signed in and holding one of `roles`; the one gate of member acts."""
    if by is None:
        raise SignInRequired()
    if roles and not by.holds(*roles):
        raise RoleRequired(",".join(roles))
    return by

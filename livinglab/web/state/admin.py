"""The admin's pages: the organisation's members (invite, change roles, remove, a link for a
new device) and the audit trail (filters, rows, the CSV with the same filters).

Only a signed-in admin sees anything here. The page's refusal is only a courtesy: every
handler asks the domain, which checks the member's roles as they are now (any client may
call any handler, with any argument).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import reflex as rx

from livinglab.models import MemberRole
from livinglab.organisation import audit, members
from livinglab.organisation.audit import AuditLine
from livinglab.web import routes
from livinglab.web.state.view import LanguageState, ViewState, as_int

ROLES = tuple(role.value for role in MemberRole)
#: The audit page's filters, as form fields and as the CSV address's query parameters.
FILTERS = ("who", "act", "workshop", "since", "until")


@dataclass(frozen=True)
class MemberRow:
    """A member as the members page shows them (roles as a list the page can search)."""

    id: int
    name: str
    roles: list[str]
    signs_in_with: str
    since: str
    removed: bool


def chosen_roles(form: dict) -> list[str]:
    """The roles ticked in a form (a ticked checkbox sends its field, an unticked one not)."""
    return [role for role in ROLES if str(form.get(f"role_{role}", "")) not in ("", "false")]


def filters_of(form: dict) -> dict[str, str]:
    """The audit filters typed in a form (or an address), as plain short strings."""
    return {name: str(form.get(name, "") or "").strip()[:80] for name in FILTERS}


def csv_address(filters: dict[str, str]) -> str:
    """The CSV download's address with the filters that are set."""
    chosen = {name: value for name, value in filters.items() if value}
    return routes.AUDIT_CSV + ("?" + urlencode(chosen) if chosen else "")


class AdminState(ViewState, LanguageState):
    """The members page and the audit page of a signed-in admin."""

    #: What the pages show: "" until checked, "sign_in" (no session), "role" (no admin),
    #: "admin" (the pages' content).
    access: str = ""
    me: str = ""
    member_rows: list[MemberRow] = []
    #: Which form a refusal belongs beside ("invite", "member-12"; "" for the page).
    error_at: str = ""
    #: A personal link just made (invitation or new device), shown once, and for whom.
    new_link: str = ""
    new_link_for: str = ""
    #: The member whose removal waits for a second press (0: none).
    confirming_remove: int = 0
    audit_rows: list[AuditLine] = []
    audit_filters: dict[str, str] = {}
    download_href: str = routes.AUDIT_CSV
    audited: bool = False

    async def _admin(self) -> members.SignedIn | None:
        """The signed-in member, and what the page may show them."""
        me = await self._signed_in()
        if me is None:
            self.access, self.me = "sign_in", ""
        elif not me.holds(MemberRole.ADMIN):
            self.access, self.me = "role", me.name
        else:
            self.access, self.me = "admin", me.name
        return me

    async def _read_members(self, me) -> None:
        lines = await self._domain(members.members, by=me)
        self.member_rows = [
            MemberRow(
                id=line.id,
                name=line.name,
                roles=list(line.roles),
                signs_in_with=line.signs_in_with,
                since=line.since,
                removed=line.removed,
            )
            for line in lines or []
        ]

    def _origin(self) -> str:
        return self.router.url.origin or str(self.router.headers.origin or "")

    @rx.event
    async def on_load_members(self):
        """/admin: the members, for an admin; a plain refusal for anyone else."""
        self.new_link, self.new_link_for, self.confirming_remove = "", "", 0
        self.error_key, self.error_at = "", ""
        me = await self._admin()
        self.member_rows = []
        if self.access == "admin":
            await self._read_members(me)

    @rx.event
    async def invite(self, form: dict):
        """A personal invitation link for a new member, shown once (only its hash is kept)."""
        self.error_at = "invite"
        me = await self._admin()
        name = str(form.get("name", ""))
        made = await self._domain(members.invite, by=me, name=name, roles=chosen_roles(form))
        if made is not None:
            self.new_link = f"{self._origin()}{routes.WELCOME}?token={made[1]}"
            self.new_link_for = made[0].name
            await self._read_members(me)

    @rx.event
    async def change_roles(self, form: dict):
        """Give one member exactly the roles ticked in their row."""
        member_id = as_int(form.get("member_id", ""))
        self.error_at = f"member-{member_id}"
        me = await self._admin()
        changed = await self._domain(
            members.set_roles, by=me, member_id=member_id, roles=chosen_roles(form)
        )
        if changed is not None:  # a refusal stays beside the row (a re-read would clear it)
            await self._read_members(me)

    @rx.event
    def ask_remove(self, member_id: int):
        """First press of "remove": the row asks to confirm (nothing changes yet)."""
        self.error_at = f"member-{as_int(member_id)}"
        self.error_key = ""
        self.confirming_remove = as_int(member_id)

    @rx.event
    def cancel_remove(self):
        self.confirming_remove = 0

    @rx.event
    async def remove(self, member_id: int):
        """Second press: the member is taken out; their sessions end at once."""
        member_id = as_int(member_id)
        self.error_at = f"member-{member_id}"
        self.confirming_remove = 0
        me = await self._admin()
        removed = await self._domain(members.remove, by=me, member_id=member_id)
        if removed is not None:
            await self._read_members(me)

    @rx.event
    async def device_link(self, member_id: int):
        """A one-time link for a member to add a passkey on a new device, shown once."""
        member_id = as_int(member_id)
        self.error_at = f"member-{member_id}"
        me = await self._admin()
        token = await self._domain(members.device_link, by=me, member_id=member_id)
        if token is not None:
            self.new_link = f"{self._origin()}{routes.WELCOME}?token={token}"
            self.new_link_for = next(
                (row.name for row in self.member_rows if row.id == member_id), ""
            )

    async def _read_trail(self, me, filters: dict[str, str]) -> None:
        rows = await self._domain(audit.trail, by=me, **filters)
        if rows is not None:
            self.audit_rows, self.audit_filters, self.audited = rows, filters, True
            self.download_href = csv_address(filters)

    @rx.event
    async def on_load_audit(self):
        """/admin/audit: the newest rows, for an admin; a plain refusal for anyone else."""
        self.error_key, self.error_at = "", ""
        me = await self._admin()
        self.audit_rows, self.audited = [], False
        if self.access == "admin":
            await self._read_trail(me, filters_of({}))

    @rx.event
    async def filter_audit(self, form: dict):
        """The rows that match every filter; a refused filter (a bad date) keeps the rows."""
        self.error_at = "audit"
        me = await self._admin()
        await self._read_trail(me, filters_of(form))

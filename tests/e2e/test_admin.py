"""The admin's pages in Chromium, at the console's size (1366 by 768): an admin signed in by
the HttpOnly session cookie invites a facilitator, changes a colleague's roles, removes
them, and reads and downloads the audit trail with a filter."""

import csv
import io
import time
from pathlib import Path

from playwright.sync_api import expect
from sqlmodel import Session, select

from livinglab.db import make_engine
from livinglab.models import Member
from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, wait_hydrated
from .test_accessibility import violations

CONSOLE = {"width": 1366, "height": 768}


def roles_of(app_server, member_id: int) -> tuple[str, bool]:
    engine = make_engine(app_server.database_url)
    with Session(engine) as session:
        member = session.exec(select(Member).where(Member.id == member_id)).one()
        return member.roles, member.removed_at is not None


def eventually(check, expected, timeout: float = PUSH_TIMEOUT / 1000):
    deadline = time.monotonic() + timeout
    while (seen := check()) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    assert seen == expected


def test_an_admin_invites_changes_roles_removes_and_reads_the_audit_trail(people, app_server):
    bram_id = app_server.add_member("Bram Begeleider", "facilitator")
    context = people.facilitator(signed_in=False)
    app_server.sign_in(context, app_server.add_member("Aisha Admin", "admin"))
    page = context.new_page()
    page.set_viewport_size(CONSOLE)

    # A visitor (another browser, no cookie) reads a plain refusal.
    visitor = people.facilitator(signed_in=False).new_page()
    visitor.goto(app_server.base_url + routes.ADMIN)
    expect(visitor.get_by_test_id("admin-refused")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(visitor.get_by_test_id("member-invite")).to_have_count(0)
    sign_in = visitor.get_by_test_id("admin-refused").get_by_role("link")
    expect(sign_in).to_have_attribute("href", routes.AUTH_SIGN_IN + "?next=" + routes.ADMIN)

    page.goto(app_server.base_url + routes.ADMIN)
    send = page.get_by_test_id("member-invite-send")
    wait_hydrated(send)
    page.get_by_test_id("member-invite-name").fill("Noor Nieuw")
    page.locator('[data-testid="member-invite-role"][data-role="facilitator"]').check()
    send.click()
    link = page.get_by_test_id("member-link")
    expect(link).to_contain_text(app_server.base_url + routes.WELCOME + "?token=")
    expect(page.get_by_test_id("member-link-copy")).to_be_visible()
    assert violations(page) == []

    # Bram also reads records now: tick the box in his row and save (keyboard: Space, Enter).
    bram = page.get_by_test_id("member-row").filter(has_text="Bram Begeleider")
    reader_box = bram.locator('[data-testid="member-role"][data-role="records_reader"]')
    reader_box.focus()
    page.keyboard.press("Space")
    expect(reader_box).to_be_checked()
    bram.get_by_test_id("member-roles-save").click()
    eventually(lambda: roles_of(app_server, bram_id), ("facilitator,records_reader", False))

    # Removing asks first; then Bram is marked removed and can do nothing.
    bram.get_by_test_id("member-remove").click()
    expect(bram.get_by_test_id("member-removed")).to_have_count(0)
    bram.get_by_test_id("member-remove-confirm").click()
    expect(bram.get_by_test_id("member-removed")).to_be_visible(timeout=PUSH_TIMEOUT)
    assert roles_of(app_server, bram_id) == ("", True)

    # The audit trail: every act above, then only the removal.
    page.goto(app_server.base_url + routes.AUDIT)
    show = page.get_by_test_id("audit-filter-send")
    wait_hydrated(show)
    rows = page.get_by_test_id("audit-row")
    expect(rows.filter(has_text="Noor Nieuw")).to_have_count(1, timeout=PUSH_TIMEOUT)
    for act in ("signed_in", "member_invited", "roles_changed", "member_removed"):
        # Other tests share this server (and sign people in): Aisha's own rows, each once.
        of_aisha = page.locator(f'[data-testid="audit-row"][data-act="{act}"]')
        expect(of_aisha.filter(has_text="Aisha Admin")).to_have_count(1)
    filters = page.get_by_test_id("audit-filter")
    filters.locator('select[name="act"]').select_option("member_removed")
    filters.locator('input[name="who"]').fill("aisha")
    show.click()
    expect(rows).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(rows).to_contain_text("Bram Begeleider")
    assert violations(page) == []
    download_link = page.get_by_test_id("audit-download")
    expect(download_link).to_have_attribute("href", "/admin/audit.csv?who=aisha&act=member_removed")

    with page.expect_download() as waiting:
        download_link.click()
    download = waiting.value
    assert download.suggested_filename == "audit.csv"
    saved = Path(download.path()).read_text(encoding="utf-8")
    lines = list(csv.reader(io.StringIO(saved)))
    assert lines[0] == ["id", "at_utc", "who", "act", "workshop", "detail"]
    assert [(line[2], line[3], line[5]) for line in lines[1:]] == [
        ("Aisha Admin", "member_removed", "Bram Begeleider")
    ]

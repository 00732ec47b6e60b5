"""Only signed-in members start workshops (issue 22): a visitor gets the way to sign in, a
facilitator finds their workshops on any device, a removed facilitator's console empties,
and a workshop is handed over to a colleague in the browser."""

from playwright.sync_api import expect

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, create_workshop, press_next, wait_hydrated


def test_a_visitor_sees_no_create_form_but_the_way_to_sign_in(people, app_server):
    page = people.facilitator(signed_in=False).new_page()
    page.goto(app_server.base_url + "/")
    sign_in = page.get_by_test_id("sign-in")
    wait_hydrated(sign_in)
    expect(sign_in).to_have_attribute("href", "/auth/sign-in?next=/")
    expect(page.get_by_test_id("create-submit")).to_have_count(0)
    expect(page.get_by_test_id("signed-in-as")).to_have_count(0)
    expect(page.get_by_test_id("demo-link")).to_have_count(0)
    sign_in.click()  # no identity provider here: the passkey page
    expect(page.get_by_test_id("passkey-sign-in")).to_be_visible(timeout=LOAD_TIMEOUT)


def test_a_facilitator_finds_the_workshop_on_a_second_device(people, app_server):
    laptop = people.facilitator(signed_in=False)
    member = app_server.sign_in(laptop, app_server.add_member("Noor Jansen"))
    room = create_workshop(laptop, app_server.base_url, title="Wonen in Zeist")
    start = laptop.new_page()
    start.goto(app_server.base_url + "/")
    expect(start.get_by_test_id("signed-in-as")).to_contain_text("Noor Jansen")
    expect(start.get_by_test_id("signed-in-as")).to_contain_text("begeleider")
    expect(start.get_by_test_id("sign-out")).to_be_visible()

    tablet = people.facilitator(signed_in=False)  # another device, no key in its cookies
    app_server.sign_in(tablet, member)
    page = tablet.new_page()
    page.goto(app_server.base_url + "/")
    mine = page.get_by_test_id("my-workshops").locator(f'[data-code="{room.code}"]')
    expect(mine).to_contain_text("Wonen in Zeist", timeout=LOAD_TIMEOUT)
    mine.get_by_role("link").click()
    expect(page).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    press_next(page)  # the console works on the session alone
    expect(page.get_by_test_id("stage-current")).to_have_attribute(
        "data-stage", "collect", timeout=PUSH_TIMEOUT
    )
    expect(room.console.get_by_test_id("stage-current")).to_have_attribute(
        "data-stage", "collect", timeout=PUSH_TIMEOUT
    )

    # Signing out everywhere on the laptop signs the tablet out too.
    everywhere = start.get_by_test_id("sign-out-everywhere")
    wait_hydrated(everywhere)
    everywhere.click()
    expect(start.get_by_test_id("sign-in")).to_be_visible(timeout=LOAD_TIMEOUT)
    page.goto(app_server.base_url + "/")
    expect(page.get_by_test_id("sign-in")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.get_by_test_id("my-workshops").locator(f'[data-code="{room.code}"]')).to_have_count(
        0
    )


def test_a_removed_facilitator_is_refused_at_the_next_act(people, app_server):
    laptop = people.facilitator(signed_in=False)
    member = app_server.sign_in(laptop, app_server.add_member("Sem de Vries"))
    room = create_workshop(laptop, app_server.base_url)
    app_server.remove_member(member)  # while the console is open
    press_next(room.console)
    expect(room.console.get_by_test_id("error-message")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(room.console.get_by_test_id("stage-next")).to_have_count(0)
    expect(room.console.get_by_test_id("join-qr")).to_have_count(0)


def test_a_workshop_is_handed_over_to_a_colleague(people, app_server):
    colleague = app_server.add_member("Zoë Colleague")
    laptop = people.facilitator(signed_in=False)
    app_server.sign_in(laptop, app_server.add_member("Anna Lead"))
    room = create_workshop(laptop, app_server.base_url, title="Overdracht")
    console = room.console
    console.get_by_test_id("handover-open").click()
    handover = console.get_by_test_id("handover")
    handover.get_by_test_id("handover-to").select_option(label="Zoë Colleague")
    handover.get_by_test_id("handover-submit").click()
    expect(console.get_by_test_id("stage-next")).to_have_count(0, timeout=PUSH_TIMEOUT)
    expect(console.get_by_test_id("error-message")).to_be_visible()

    theirs = people.facilitator(signed_in=False)
    app_server.sign_in(theirs, colleague)
    page = theirs.new_page()
    page.goto(app_server.base_url + "/")
    mine = page.get_by_test_id("my-workshops").locator(f'[data-code="{room.code}"]')
    expect(mine).to_contain_text("Overdracht", timeout=LOAD_TIMEOUT)
    mine.get_by_role("link").click()
    expect(page.get_by_test_id("stage-next")).to_be_enabled(timeout=LOAD_TIMEOUT)

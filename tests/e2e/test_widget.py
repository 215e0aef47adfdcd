"""The website demo page and its chat widget in a real headless Chromium, against the running assistant.

The page (bot/pages.py) serves rasa-webchat 1.0.1 from bot/web/node_modules; the widget talks to
Rasa's Socket.IO channel (bot/channels/webchat.py). Screenshots go to tests/artifacts/widget/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from directory.query import Point
from directory.stores.sqlite import SqliteStore
from tests.conftest import REPO_ROOT
from tests.directory.factories import programme

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, LocatorAssertions, Page

ARTIFACTS = REPO_ROOT / "tests" / "artifacts" / "widget"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
REPLY_SECONDS = 60
SEARCH = "IOPs near 10001 that take Medicaid"
LOOPBACK = {"127.0.0.1", "localhost"}
#: a directory record whose name is hostile markup, placed where no other test searches
HOSTILE_NAME = "<img src=x onerror=alert(1)> Demo Hostile [tap](javascript:alert(2)) Recovery"
HOSTILE_ZIP, HOSTILE_AT = "59001", Point(45.5154, -109.4692)  # Absarokee, MT
HOSTILE_SOURCE = "test-hostile"


@pytest.fixture()
def hostile_programme(demo_database: Path) -> Iterator[str]:
    """A (demo) programme named with markup in the session's directory, removed afterwards."""
    record = programme(at=HOSTILE_AT, state="MT", source=HOSTILE_SOURCE, name=HOSTILE_NAME, demo=True,
                       phone="(406) 555-0199", levels_of_care={"intensive_outpatient"}, payment={"medicaid"})
    with SqliteStore(demo_database) as store:
        store.upsert([record], replace_source=HOSTILE_SOURCE)
    yield HOSTILE_NAME
    with SqliteStore(demo_database) as store:
        store.upsert([], replace_source=HOSTILE_SOURCE)


@pytest.fixture()
def page(browser: Browser, widget_page: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (own storage) at the demo page; remembers every response's address
    and every dialog (in any of its tabs), and fails the test on a JavaScript error."""
    viewport = getattr(request, "param", PHONE)
    context = browser.new_context(viewport=viewport)
    opened = context.new_page()
    opened.set_default_timeout(REPLY_SECONDS * 1000)
    opened.responses, opened.dialogs, opened.errors = [], [], []  # type: ignore[attr-defined]
    opened.on("response", lambda response: opened.responses.append(response.url))
    context.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))  # any tab
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.goto(widget_page)
    yield opened
    assert opened.errors == [], opened.errors
    context.close()


def expect(locator: Locator) -> LocatorAssertions:
    """Playwright's auto-waiting assertions (imported late: the browser fixture skips without Playwright)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def messages(page: Page) -> Locator:
    """The widget's conversation (its live region)."""
    return page.locator("#rw-messages")


def open_chat(page: Page) -> None:
    page.locator("button.rw-launcher").click()
    expect(messages(page)).to_contain_text("not medical advice")


def say(page: Page, text: str) -> None:
    """Type into the widget's input and press Enter, as a person does."""
    box = page.locator("textarea.rw-new-message")
    box.fill(text)
    box.press("Enter")


def choose(page: Page, title: str) -> None:
    """Tap a quick-reply button."""
    page.locator(".rw-replies .rw-reply", has_text=title).last.click()


def assert_crisis_line_visible(page: Page) -> None:
    """988 and 911 links on screen and on top: nothing (not the open chat) covers them."""
    for number in ("988", "911"):
        link = page.locator(f'#crisis-line a[href="tel:{number}"]')
        expect(link).to_be_visible()
        box = link.bounding_box()
        viewport = page.viewport_size
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('#crisis-line a')?.getAttribute('href')",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top == f"tel:{number}"


def assert_no_horizontal_scroll(page: Page) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths


def search_to_results(page: Page) -> None:
    """From the greeting to the first page of result cards, typing and tapping."""
    say(page, SEARCH)
    expect(messages(page)).to_contain_text("a few quick questions")
    say(page, "just search")
    expect(messages(page)).to_contain_text("Anything else that matters?")
    choose(page, "No, that's all")
    expect(page.locator(".rw-carousel-card")).to_have_count(3)


def test_from_greeting_to_result_cards_on_a_phone(page: Page) -> None:
    assert_crisis_line_visible(page)
    open_chat(page)
    assert_crisis_line_visible(page)
    expect(page.locator(".rw-replies .rw-reply", has_text="For me")).to_be_visible()
    search_to_results(page)
    expect(messages(page)).to_contain_text("made up")
    expect(page.locator(".rw-replies .rw-reply", has_text="Show more")).to_be_visible()

    cards = page.locator(".rw-carousel-card")
    for index in range(3):
        card = cards.nth(index)
        expect(card.locator(".rw-carousel-card-title")).to_have_text(
            re.compile(rf"^{index + 1}\. \[DEMO - fictional\] Demo .+"))
        subtitle = card.locator(".rw-carousel-card-subtitle").inner_text()
        assert re.match(r"^\d+\.\d miles away\. Call \(\d{3}\) 555-01\d\d\.", subtitle), subtitle
        assert "Why it fits: " in subtitle and "intensive outpatient" in subtitle and "Medicaid" in subtitle
        call = card.locator('a[href^="tel:"]')
        expect(call).to_be_visible()
        assert re.fullmatch(r"tel:\+1\d{3}55501\d\d", call.get_attribute("href"))
        map_link = card.locator("a", has_text="Map")
        assert re.match(r"^https://www\.openstreetmap\.org/\?mlat=-?\d+\.\d{5}&mlon=-?\d+\.\d{5}#map=16/",
                        map_link.get_attribute("href"))
        expect(map_link).to_be_visible()

    assert_crisis_line_visible(page)
    assert_no_horizontal_scroll(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone-results.png"))

    choose(page, "Show more")
    expect(page.locator(".rw-carousel-card")).to_have_count(6)
    expect(page.locator(".rw-carousel-card-title").nth(3)).to_have_text(re.compile(r"^4\. \[DEMO - fictional\] "))
    assert_crisis_line_visible(page)
    assert_no_horizontal_scroll(page)
    # Nothing left the machine: the page, the widget and the conversation are all on loopback.
    assert {urlsplit(url).hostname for url in page.responses} <= LOOPBACK, page.responses


@pytest.mark.parametrize("page", [DESKTOP], indirect=True)
def test_results_on_a_desktop(page: Page) -> None:
    open_chat(page)
    search_to_results(page)
    assert_crisis_line_visible(page)
    assert_no_horizontal_scroll(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desktop-results.png"))


def test_a_reload_keeps_the_conversation(page: Page) -> None:
    open_chat(page)
    say(page, SEARCH)
    expect(messages(page)).to_contain_text("a few quick questions")
    say(page, "just search")
    expect(messages(page)).to_contain_text("Anything else that matters?")
    page.reload()  # the widget comes back open, with the conversation so far
    expect(messages(page)).to_contain_text(SEARCH)
    expect(messages(page)).to_contain_text("Anything else that matters?")
    say(page, "no thanks")  # the same Rasa conversation goes on: the answer ends the questions
    expect(page.locator(".rw-carousel-card")).to_have_count(3)


def test_keyboard_and_screen_reader_basics(page: Page) -> None:
    # The crisis line comes first in the focus order, right after the skip link.
    focused = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert focused == ["#main", "tel:988", "tel:911"]

    launcher = page.locator("button.rw-launcher")
    expect(launcher).to_have_attribute("aria-label", re.compile("Chat with IOP Finder"))
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.focus()
    page.keyboard.press("Enter")
    expect(messages(page)).to_contain_text("not medical advice")
    expect(page.locator("button.rw-launcher, button.rw-close-button").first).to_have_attribute(
        "aria-label", re.compile("Close"))

    log = messages(page)
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    box = page.locator("textarea.rw-new-message")
    expect(box).to_have_attribute("aria-label", re.compile(".+"))
    expect(page.locator("button.rw-send")).to_have_attribute("aria-label", "Send")

    for_me = page.locator(".rw-replies .rw-reply", has_text="For me")
    expect(for_me).to_have_attribute("role", "button")
    expect(for_me).to_have_attribute("tabindex", "0")
    for_me.focus()
    assert page.evaluate("document.activeElement.textContent") == "For me"
    page.keyboard.press("Enter")
    expect(log).to_contain_text("How old are you?")


def test_html_typed_as_a_message_is_shown_as_text(page: Page) -> None:
    open_chat(page)
    attack = '<img src=x onerror=alert(1)><script>alert(2)</script><b id="bold">bold</b> [tap](javascript:alert(3))'
    answers = page.locator(".rw-response").count()
    say(page, attack)
    expect(page.locator(".rw-client").last).to_have_text(attack)
    expect(page.locator(".rw-response")).not_to_have_count(answers)  # the bot has answered it
    assert page.locator("#rw-messages img, #rw-messages script, #rw-messages a, #bold").count() == 0
    assert page.dialogs == []


def test_markup_in_directory_data_is_shown_as_text(page: Page, hostile_programme: str) -> None:
    open_chat(page)
    say(page, f"IOPs near {HOSTILE_ZIP} that take Medicaid")
    expect(messages(page)).to_contain_text("a few quick questions")
    say(page, "just search")
    choose(page, "No, that's all")
    title = page.locator(".rw-carousel-card-title", has_text="Demo Hostile")
    expect(title).to_have_text(f"1. [DEMO - fictional] {hostile_programme}")  # the card: plain text
    choose(page, "Tell me about number 1")
    details = messages(page).locator(".rw-message-text", has_text=re.compile("Ways to pay:")).last
    expect(details).to_contain_text("Address:")
    expect(details).to_contain_text("<img src=x onerror=alert(1)> Demo Hostile")  # the markdown: escaped
    assert page.locator("#rw-messages img").count() == 0
    link = details.locator("a[href^='javascript:']")
    expect(link).to_have_count(1)  # rasa-webchat draws markdown links as they come, but in a new
    link.click()  # noopener tab where nothing runs (and the page's CSP forbids them: next test)
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_the_page_policy_stops_injected_markup_from_running(page: Page) -> None:
    """Defence in depth for the bot's markdown (which may carry directory text): even markup that
    got into the conversation could not run a script on this page."""
    open_chat(page)
    page.evaluate("""() => {
        const log = document.getElementById('rw-messages');
        log.insertAdjacentHTML('beforeend',
            '<img id="injected-img" src="data:," onerror="alert(4)">' +
            '<a id="injected-link" href="javascript:alert(5)">tap</a>');
        const script = document.createElement('script');
        script.textContent = 'alert(6)';
        log.appendChild(script);
    }""")
    page.locator("#injected-link").click()
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_a_crisis_typed_as_an_answer_gets_the_number_first(page: Page) -> None:
    """In the middle of the questions, on a phone (the default viewport): the crisis reply is the next
    bubble, the offer's choices follow, and "Keep going" asks the same question again."""
    open_chat(page)
    choose(page, "For me")
    expect(messages(page)).to_contain_text("How old are you?")
    choose(page, "26 to 64")
    expect(messages(page)).to_contain_text("Which substances do you use?")
    say(page, "alcohol")
    expect(messages(page)).to_contain_text("About how often do you use?")
    say(page, "every day and i want to kill myself")
    expect(messages(page)).to_contain_text("Call or text 988 now")
    expect(page.locator(".rw-replies .rw-reply", has_text="Keep going")).to_be_visible()
    assert_crisis_line_visible(page)
    choose(page, "Keep going")
    expect(messages(page).locator(".rw-response").last).to_contain_text("About how often do you use?")

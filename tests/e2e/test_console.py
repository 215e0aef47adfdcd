"""The helpline console in headless Chromium, over the session's running assistant (one Rasa serves
REST, Socket.IO and the console), and its refusals over plain HTTP.

A staff member logs in, runs a call from the greeting to three programmes, ends the call and gets a
handoff note; the note must hold what the caller said and the programmes with their intake numbers.
Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import requests

from bot.servers import Assistant
from tests.conftest import REPO_ROOT
from tests.e2e.conftest import CONSOLE_PASSWORD, CONSOLE_USER, HELPLINE, RASA_API_TOKEN

pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (requirements.txt)")
from playwright.sync_api import Browser, Page, expect

ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
TURN_MS = 60_000
#: a result as the console shows it: the helpline variation of utter_result
RESULT = re.compile(r"^(\d+)\. (\[DEMO - fictional\] )?(.+)\n[\d.]+ miles away\. Intake phone: (.+)\.\n", re.M)


class Console:
    """The console page, driven as a staff member would."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def login(self, user: str, password: str) -> None:
        self.page.get_by_label("User name").fill(user)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Log in").click()

    def lines(self) -> list[str]:
        return self.page.locator("#transcript li").all_inner_texts()

    def _turn(self, act) -> str:
        """Do ``act`` and return the assistant's lines of that turn, joined."""
        before = self.page.locator("#transcript li").count()
        act()
        self.page.wait_for_function(
            "before => document.querySelectorAll('#transcript li').length > before + 1"
            " && !document.getElementById('send').disabled", arg=before, timeout=TURN_MS)
        return "\n".join(self.lines()[before:])

    def start_call(self) -> str:
        return self._turn(lambda: self.page.get_by_role("button", name="Start a new call").click())

    def choose(self, title: str) -> str:
        return self._turn(lambda: self.page.locator("#choices").get_by_role("button", name=title, exact=True).click())

    def type(self, text: str) -> str:
        def act() -> None:
            self.page.get_by_label("Caller's answer, in a few words").fill(text)
            self.page.get_by_role("button", name="Record answer").click()
        return self._turn(act)

    def summary(self) -> str:
        return self.page.locator("#summary").inner_text()


@pytest.fixture
def console(browser: Browser, running_assistant: Assistant) -> Iterator[Console]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=running_assistant.rasa_url)
    page = context.new_page()
    page.goto(running_assistant.console)
    try:
        yield Console(page)
    finally:
        context.close()


def test_a_call_from_greeting_to_handoff_note(console: Console) -> None:
    page = console.page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expect(page.get_by_role("heading", name="Staff login")).to_be_visible()
    console.login(CONSOLE_USER, "not the password")
    expect(page.locator("#login-error")).to_have_text("Wrong user name or password.")
    console.login(CONSOLE_USER, CONSOLE_PASSWORD)
    expect(page.get_by_role("heading", name="Crisis protocol")).to_be_visible()
    expect(page.locator("#transfer-number")).to_have_text(HELPLINE)
    for number in ("911", "988", "1-800-222-1222"):
        expect(page.locator(".crisis")).to_contain_text(number)

    hello = console.start_call()
    assert "Tell the caller" in hello and "911" in hello and "988" in hello
    assert "Ask the caller whether they are looking for help for themselves" in hello
    assert "Ask the caller how old the person is" in console.choose("For themselves")
    assert "Ask the caller which substances the person uses" in console.choose("26 to 64")
    assert "the caller themselves" in console.summary()
    assert "how often" in console.choose("Meth, cocaine or other stimulants")
    assert "stimulants (cocaine, meth)" in console.summary()
    assert "mental health" in console.choose("A few times a week")  # no seizures question for stimulants alone
    assert "recently left" in console.choose("No")
    assert "treatment for substance use before" in console.choose("No")
    assert "health condition" in console.choose("No")
    assert "home is safe" in console.choose("No")
    assert "someone who supports" in console.choose("Yes")
    assert "0 to 10" in console.choose("Yes")
    hours = console.type("8")
    assert "9 hours a week" in hours and "at which times" in hours
    suggestion = console.choose("Yes, evenings")
    assert "Tell the caller that, from what they told you, an intensive outpatient program (IOP)" in suggestion
    assert "Tell the caller this is only a suggestion, not a diagnosis" in suggestion
    assert "Ask the caller where to look" in suggestion
    assert "intensive outpatient (IOP)" in console.summary()
    assert "how the person would pay" in console.type("10001")
    assert "anything else matters" in console.choose("Medicaid")
    results = console.choose("No, that's all")
    listed = RESULT.findall(results)
    assert len(listed) == 3, results
    assert "Ask the caller whether they want details" in results
    summary = console.summary()
    assert "10001 (within 25 miles)" in summary and "Medicaid" in summary
    for number, demo, name, phone in listed:
        assert demo and f"{number}. [DEMO - fictional] {name}: intake {phone}" in summary
    page.screenshot(path=str(ARTIFACTS / "console.png"))  # what a staff member sees (README: docs/screenshots)

    page.get_by_role("button", name="End call: handoff note").click()
    note = page.locator("#note")
    expect(note).to_be_visible()
    text = note.inner_text()
    assert text.startswith("IOP Finder helpline - handoff note")
    for line in ("For: the caller themselves",
                 "Substances: stimulants (cocaine, meth) (use: a few times a week)",
                 "Safety flags: none",
                 "Crisis during the call: none",
                 "Payment: Medicaid"):
        assert line in text, line
    assert re.search(r"^Location: .*10001 \(within 25 miles\)$", text, re.M), text
    assert "Suggested level of care: intensive outpatient (IOP)" in text
    assert "Preferences: times: evening" in text
    for number, _, name, phone in listed:
        assert f"  {number}. [DEMO - fictional] {name} - intake {phone}" in text
    assert "programmes are fictional demo data: do not call or transfer to them" in text
    checklist = page.locator("#checklist li")
    expect(checklist).to_have_count(5)
    expect(checklist.first).to_contain_text(f"{listed[0][2]} {listed[0][3]} (DEMO: do not call)")
    expect(page.locator("#checklist")).to_contain_text("Confirm the caller consents")
    expect(page.locator("#checklist")).to_contain_text("Stay on the line")
    page.get_by_role("checkbox").first.check()

    page.get_by_role("button", name="Copy note").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == note.text_content()
    page.screenshot(path=str(ARTIFACTS / "console-handoff.png"), full_page=True)
    page.emulate_media(media="print")
    expect(note).to_be_visible()
    expect(page.locator(".crisis")).to_be_hidden()
    expect(page.locator("#transcript")).to_be_hidden()


def test_a_crisis_shows_the_protocol_and_is_flagged(console: Console) -> None:
    console.login(CONSOLE_USER, CONSOLE_PASSWORD)
    console.start_call()
    console.choose("For someone else")
    crisis = console.type("I want to kill myself")
    assert "988 NOW, suicide risk: warm-transfer the caller to the 988" in crisis
    expect(console.page.locator("#transcript li.crisis-line")).to_have_count(1)
    expect(console.page.locator("#transcript li.crisis-line")).to_contain_text("988 NOW")
    assert "suicide risk mentioned (988 protocol)" in console.summary()
    assert "Warm-transfer the caller to " + HELPLINE in console.choose("Transfer to a person")


def test_a_crisis_in_spanish_mid_assessment_gives_the_spanish_protocol(console: Console) -> None:
    """The caller's words, typed as said, in the middle of the questions: the protocol for a Spanish
    speaker comes first, the question is not answered by it, and "Keep going" asks it again."""
    console.login(CONSOLE_USER, CONSOLE_PASSWORD)
    console.start_call()
    console.choose("For themselves")
    question = console.type("alcohol")
    crisis = console.type("mi esposo no respira, tomó muchas pastillas")
    assert "911 NOW, possible overdose (the caller speaks Spanish" in crisis
    expect(console.page.locator("#transcript li.crisis-line")).to_have_count(1)
    assert "possible overdose" in console.summary()
    assert question.splitlines()[-1] in console.choose("Keep going")


def test_requests_without_credentials_are_refused(running_assistant: Assistant) -> None:
    console = running_assistant.console
    call = "call-00000000000000e2"
    message = requests.post(f"{console}message", json={"call": call, "message": "hi"}, timeout=30)
    assert message.status_code == 401 and message.json() == {"error": "Log in first."}
    forged = requests.post(f"{console}message", json={"call": call, "message": "hi"}, timeout=30,
                           cookies={"iop_console": "7374616666.9999999999.00"})
    assert forged.status_code == 401
    assert requests.get(f"{console}summary", params={"call": call}, timeout=30).status_code == 401
    assert requests.post(f"{console}call", json={}, timeout=30).status_code == 401
    assert requests.get(f"{console}session", timeout=30).status_code == 401
    wrong = requests.post(f"{console}login", json={"user": CONSOLE_USER, "password": "guess"}, timeout=30)
    assert wrong.status_code == 401 and "iop_console" not in wrong.cookies

    tracker = f"{running_assistant.rasa_url}/conversations/{call}/tracker"
    assert requests.get(tracker, timeout=30).status_code == 401
    assert requests.get(tracker, params={"token": "wrong"}, timeout=30).status_code == 401
    allowed = requests.get(tracker, params={"token": RASA_API_TOKEN}, timeout=30)
    assert allowed.status_code == 200
    assert not [event for event in allowed.json()["events"] if event["event"] == "user"], "a refused message got in"

    page = requests.get(console, timeout=30).text + requests.get(f"{console}static/console.js", timeout=30).text
    assert RASA_API_TOKEN not in page and CONSOLE_PASSWORD not in page


def test_a_session_must_send_json(running_assistant: Assistant) -> None:
    session = requests.Session()
    login = session.post(f"{running_assistant.console}login", json={"user": CONSOLE_USER, "password": CONSOLE_PASSWORD},
                         timeout=30)
    assert login.status_code == 200
    cookie = login.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/webhooks/helpline" in cookie
    call = session.post(f"{running_assistant.console}call", json={}, timeout=30).json()["call"]
    form = session.post(f"{running_assistant.console}message", data={"call": call, "message": "hi"}, timeout=30)
    assert form.status_code == 415
    unknown = session.post(f"{running_assistant.console}message", json={"call": "someone-else", "message": "hi"},
                           timeout=30)
    assert unknown.status_code == 400
    assert session.post(f"{running_assistant.console}message", json={"call": call, "message": "x" * 501},
                        timeout=30).status_code == 400

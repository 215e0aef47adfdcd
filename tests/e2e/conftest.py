"""One Rasa server and one action server for the whole end-to-end session (they take ~40 s to start),
and one headless Chromium (Playwright) for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot import pages
from bot.servers import DEFAULT_MODEL, Assistant, assistant, demo_directory, free_port

if TYPE_CHECKING:
    from playwright.sync_api import Browser

MODEL = DEFAULT_MODEL
DEMO_SIZE = 25_000
#: the deployment's own helpline, as a real deployment would configure it (a fictional number)
HELPLINE = "1-800-555-0142"
#: the helpline console's staff login and Rasa's HTTP API token, in Rasa's environment only
CONSOLE_USER, CONSOLE_PASSWORD = "staff", "e2e-console-password"
RASA_API_TOKEN = "e2e-rasa-api-token"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh 25,000-programme demo directory, as `make run` builds it; the trained model must exist."""
    assert MODEL.exists(), f"{MODEL} is missing: `make test` trains it first (or run `make train`)"
    return demo_directory(tmp_path_factory.mktemp("e2e-directory"), DEMO_SIZE)


@pytest.fixture(scope="session")
def page_port() -> int:
    """Where the website demo page will be served: Rasa must know its origin (CORS) when it starts."""
    return free_port()


@pytest.fixture(scope="session")
def running_assistant(tmp_path_factory: pytest.TempPathFactory, demo_database: Path,
                      page_port: int) -> Iterator[Assistant]:
    """The assistant over the demo directory with the repository's channels (REST, Socket.IO, the
    helpline console), the console's staff login and Rasa's API token in its environment."""
    workdir = tmp_path_factory.mktemp("e2e")
    environment = {"IOP_HELPLINE_NUMBER": HELPLINE, "IOP_CONSOLE_USER": CONSOLE_USER,
                   "IOP_CONSOLE_PASSWORD": CONSOLE_PASSWORD, "RASA_API_TOKEN": RASA_API_TOKEN}
    with assistant(MODEL, demo_database, workdir, extra_env=environment,
                   cors_origins=pages.origins(f"http://127.0.0.1:{page_port}/")) as running:
        yield running


@pytest.fixture(scope="session")
def webhook(running_assistant: Assistant) -> str:
    """The REST webhook of the running assistant."""
    return running_assistant.rest_webhook


@pytest.fixture(scope="session")
def widget_page(running_assistant: Assistant, page_port: int) -> Iterator[str]:
    """The address of the website demo page with the chat widget, talking to the running assistant."""
    with pages.serving(running_assistant.rasa_url, port=page_port) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium (the Debian package) driven by Playwright; skips when either is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -r requirements.txt)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()

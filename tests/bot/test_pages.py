"""The website demo page's server: only the page's files, the Rasa address filled in, a strict CSP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from bot import pages

RASA = "http://127.0.0.1:5005"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    if not pages.WEBCHAT_BUNDLE.exists():
        pytest.skip(f"{pages.WEBCHAT_BUNDLE} is missing: `make test` installs it (make web)")
    with pages.serving(RASA, port=0) as address:
        yield address


def test_the_page_carries_the_one_line_embed_with_the_rasa_address(site: str) -> None:
    response = requests.get(site, timeout=5)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert f'<script src="/widget/iop-widget.js" data-rasa-url="{RASA}" defer></script>' in response.text
    assert pages.RASA_URL_PLACEHOLDER not in response.text
    assert 'href="tel:988"' in response.text and 'href="tel:911"' in response.text
    assert "Demo website" in response.text


def test_every_response_forbids_inline_and_foreign_scripts(site: str) -> None:
    policy = requests.get(site, timeout=5).headers["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == f"'self' {RASA} ws://127.0.0.1:5005"


@pytest.mark.parametrize("path", ["/page.css", "/widget/iop-widget.js", "/widget/iop-widget.css",
                                  "/widget/rasa-webchat.js"])
def test_the_page_s_files_are_served(site: str, path: str) -> None:
    response = requests.get(site.rstrip("/") + path, timeout=5)
    assert response.status_code == 200 and response.content
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/index.html", "/package.json", "/node_modules/rasa-webchat/package.json",
                                  "/../../credentials.yml", "/%2e%2e/credentials.yml", "/bot/pages.py"])
def test_nothing_else_is(site: str, path: str) -> None:
    assert requests.get(site.rstrip("/") + path, timeout=5).status_code == 404


def test_the_rasa_address_is_escaped_into_the_page() -> None:
    page = pages.render_page('http://x"><script>alert(1)</script>').decode()
    assert "<script>alert(1)" not in page and "&quot;&gt;&lt;script&gt;" in page


def test_rasa_must_accept_the_page_under_both_loopback_names() -> None:
    assert pages.origins("http://127.0.0.1:8080/") == ["http://127.0.0.1:8080", "http://localhost:8080"]
    assert pages.origins("https://example.org/") == ["https://example.org"]


def test_without_the_widget_installed_it_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(pages, "WEBCHAT_BUNDLE", tmp_path / "missing.js")
    with pytest.raises(pages.MissingWidget, match="make web"), pages.serving(RASA, port=0):
        pass

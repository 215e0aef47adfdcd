"""The website demo page with the chat widget: a small static server, loopback by default.

It serves only what the page needs (the page, its CSS, the embed script and the rasa-webchat bundle
installed by ``npm ci`` in bot/web), fills the Rasa address into the embed snippet, and sends a
Content-Security-Policy that allows scripts from the page itself only and connections to the page
and Rasa only: no CDN, no inline script, no ``javascript:`` link can run on the page.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bot.servers import REPO_ROOT

WEB_ROOT = REPO_ROOT / "bot" / "web"
WEBCHAT_BUNDLE = WEB_ROOT / "node_modules" / "rasa-webchat" / "lib" / "index.js"
PAGE_PORT = 8080
RASA_URL_PLACEHOLDER = "__RASA_URL__"

#: URL path -> (file, content type); nothing else is served.
ROUTES: dict[str, tuple[Path, str]] = {
    "/": (WEB_ROOT / "index.html", "text/html; charset=utf-8"),
    "/page.css": (WEB_ROOT / "page.css", "text/css; charset=utf-8"),
    "/widget/iop-widget.js": (WEB_ROOT / "iop-widget.js", "text/javascript; charset=utf-8"),
    "/widget/iop-widget.css": (WEB_ROOT / "iop-widget.css", "text/css; charset=utf-8"),
    "/widget/rasa-webchat.js": (WEBCHAT_BUNDLE, "text/javascript; charset=utf-8"),
}


class MissingWidget(RuntimeError):
    """The rasa-webchat bundle is not installed (``make web`` runs ``npm ci`` in bot/web)."""


def content_security_policy(rasa_url: str) -> str:
    """Scripts and styles from the page only (the widget injects its own style elements), and
    connections to the page and to Rasa's Socket.IO (polling, then WebSocket)."""
    rasa = urlsplit(rasa_url)
    websocket = f"{'wss' if rasa.scheme == 'https' else 'ws'}://{rasa.netloc}"
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        f"connect-src 'self' {rasa.scheme}://{rasa.netloc} {websocket}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def render_page(rasa_url: str) -> bytes:
    """index.html with the Rasa address filled into the embed snippet (HTML-escaped)."""
    page = ROUTES["/"][0].read_text(encoding="utf-8")
    return page.replace(RASA_URL_PLACEHOLDER, html.escape(rasa_url, quote=True)).encode()


def _handler(rasa_url: str) -> type[BaseHTTPRequestHandler]:
    policy = content_security_policy(rasa_url)

    class PageHandler(BaseHTTPRequestHandler):
        server_version = "IOPFinderPages"
        sys_version = ""

        def do_GET(self) -> None:
            self._respond(body=True)

        def do_HEAD(self) -> None:
            self._respond(body=False)

        def _respond(self, *, body: bool) -> None:
            route = ROUTES.get(urlsplit(self.path).path)
            if route is None:
                self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", body)
                return
            path, content_type = route
            content = render_page(rasa_url) if path == ROUTES["/"][0] else path.read_bytes()
            self._send(HTTPStatus.OK, content, content_type, body)

        def _send(self, status: HTTPStatus, content: bytes, content_type: str, body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(content)))
            self.send_header("Content-Security-Policy", policy)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if body:
                self.wfile.write(content)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the page server logs nothing (no visitor addresses)."""

    return PageHandler


@contextmanager
def serving(rasa_url: str, *, host: str = "127.0.0.1", port: int = PAGE_PORT) -> Iterator[str]:
    """Serve the demo page in a background thread; yields its address (``port=0``: a free one)."""
    if not WEBCHAT_BUNDLE.exists():
        raise MissingWidget(f"{WEBCHAT_BUNDLE} is missing: run 'make web' (npm ci in bot/web)")
    server = ThreadingHTTPServer((host, port), _handler(rasa_url))
    thread = threading.Thread(target=server.serve_forever, name="pages", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def origins(page_url: str) -> list[str]:
    """The origins a browser sends for the page (also as ``localhost`` when served on 127.0.0.1):
    what Rasa must accept cross-origin (``rasa run --cors``)."""
    page = urlsplit(page_url)
    found = [f"{page.scheme}://{page.netloc}"]
    if page.hostname == "127.0.0.1":
        found.append(f"{page.scheme}://localhost:{page.port}")
    return found

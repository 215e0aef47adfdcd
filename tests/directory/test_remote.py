"""The FindTreatment.gov locator client against a locator replayed by a loopback HTTP server."""

from __future__ import annotations

import json
import math
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from directory.remote import USER_AGENT, FindTreatmentClient, LocatorPage, RemoteSourceError

REGION_TEN_FRID = "811a908f82269778a2fe2a8bc603afa08df868f3e2fa56aa62e214d03997dea1"


def locator_row(frid: str, name: str, *, latitude: str = "38.0282239", **extra: Any) -> dict[str, Any]:
    """A row in the locator's exact shape (coordinates are strings, as the service sends them)."""
    row = {
        "frid": frid,
        "name1": name,
        "name2": "",
        "street1": "100 Example Street",
        "street2": "",
        "city": "Charlottesville",
        "state": "VA",
        "zip": "22902",
        "phone": "434-555-0100",
        "intake1": "434-555-0101",
        "hotline1": None,
        "website": "https://example.org",
        "latitude": latitude,
        "longitude": "-78.4725231",
        "miles": 0.5,
        "typeFacility": "SA",
        "services": [
            {"f1": "Type of Care", "f2": "TC", "f3": "Substance use treatment"},
            {"f1": "Service Settings", "f2": "SET", "f3": "Outpatient; Intensive outpatient treatment"},
            {"f1": "Payment/Insurance/Funding Accepted", "f2": "PAY", "f3": "Medicaid; Cash or self-payment"},
        ],
    }
    row.update(extra)
    return row


BUILT_ROWS = [
    locator_row("a" * 64, "First Recovery Center"),
    locator_row("b" * 64, "Second Counseling Group"),
    locator_row("c" * 64, "No Coordinates Clinic", latitude=""),
    locator_row(
        "d" * 64,
        "Fourth Wellness",
        services=[{"f1": "Service Settings", "f2": "SET", "f3": "Intensive outpatient treatment; Moon clinic"}],
    ),
]


@dataclass
class Script:
    """What the fake locator does; reset for every test."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    #: answer this many requests first with ``fail_status``
    fail_first: int = 0
    fail_status: int = 503
    #: seconds to wait before answering
    delay: float = 0.0
    #: a fixed body (and content type) instead of the page envelope
    body: bytes | None = None
    content_type: str = "application/json"
    seen: list[dict[str, Any]] = field(default_factory=list)


class FakeLocator(BaseHTTPRequestHandler):
    server: LocatorServer

    def do_GET(self) -> None:
        script = self.server.script
        url = urlparse(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        script.seen.append({"path": url.path, "query": query, "user_agent": self.headers.get("User-Agent")})
        time.sleep(script.delay)
        if len(script.seen) <= script.fail_first:
            self._send(script.fail_status, b'{"error": "busy"}', "application/json")
        elif script.body is not None:
            self._send(200, script.body, script.content_type)
        else:
            self._send(200, json.dumps(_envelope(script.rows, query)).encode(), "application/json")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _envelope(rows: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    page, size = int(query["page"]), int(query["pageSize"])
    return {
        "page": page,
        "totalPages": math.ceil(len(rows) / size),
        "recordCount": len(rows),
        "rows": rows[(page - 1) * size : page * size],
    }


class LocatorServer(ThreadingHTTPServer):
    daemon_threads = True
    script = Script()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout test) leaves a broken pipe behind: expected


@pytest.fixture(scope="module")
def server() -> Iterator[LocatorServer]:
    httpd = LocatorServer(("127.0.0.1", 0), FakeLocator)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def script(server: LocatorServer) -> Script:
    server.script = Script()
    return server.script


@pytest.fixture
def client(server: LocatorServer) -> FindTreatmentClient:
    return FindTreatmentClient(f"http://127.0.0.1:{server.server_address[1]}/", retries=2, backoff_factor=0.001)


def test_the_query_string_asks_for_a_radius_in_metres(client: FindTreatmentClient, script: Script) -> None:
    script.rows = BUILT_ROWS
    page = client.fetch_page("Charlottesville, VA 22902", 25, codes=("IOP", "MD"), page=2, page_size=2)
    [request] = script.seen
    assert request["path"] == "/locator/exportsAsJson/v2"
    assert request["query"] == {
        "sAddr": "Charlottesville, VA 22902",
        "limitType": "2",
        "limitValue": "40234",
        "sCodes": "IOP,MD",
        "pageSize": "2",
        "page": "2",
        "sort": "0",
    }
    assert request["user_agent"] == USER_AGENT
    assert page == LocatorPage(page=2, total_pages=2, record_count=4, rows=tuple(BUILT_ROWS[2:]))


def test_no_codes_means_no_scodes_parameter(client: FindTreatmentClient, script: Script) -> None:
    script.rows = BUILT_ROWS
    client.fetch_page("22902", 10)
    assert "sCodes" not in script.seen[0]["query"]
    assert script.seen[0]["query"]["limitValue"] == "16093"


def test_bad_arguments_are_refused_before_any_request(client: FindTreatmentClient, script: Script) -> None:
    with pytest.raises(ValueError, match="radius"):
        client.fetch_page("22902", 0)
    with pytest.raises(ValueError, match="page"):
        client.fetch_page("22902", 10, page=0)
    assert script.seen == []


def test_all_pages_are_read_and_bad_rows_refused_with_where(client: FindTreatmentClient, script: Script) -> None:
    script.rows = BUILT_ROWS
    result = client.fetch_programmes("22902", 25, page_size=2, verified_on=date(2024, 5, 1))
    assert [request["query"]["page"] for request in script.seen] == ["1", "2"]
    assert result.source == "samhsa-locator"
    assert [p.organization_name for p in result.programmes] == [
        "First Recovery Center",
        "Second Counseling Group",
        "Fourth Wellness",
    ]
    first = result.programmes[0]
    assert first.id == "samhsa-locator:" + "a" * 64
    assert first.provenance.last_verified == date(2024, 5, 1)
    assert "intensive_outpatient" in first.levels_of_care and "medicaid" in first.payment
    [refused] = result.refused
    assert refused.where == "page 2 row 1 (frid cccccccc...)"
    assert "latitude" in refused.reason
    assert result.warnings == ["unknown SET text 'Moon clinic' ignored (page 2 row 2)"]
    assert result.rows_read == 4


def test_a_frid_repeated_on_a_later_page_is_refused(client: FindTreatmentClient, script: Script) -> None:
    script.rows = [BUILT_ROWS[0], BUILT_ROWS[1], BUILT_ROWS[0]]
    result = client.fetch_programmes("22902", 25, page_size=2)
    assert len(result.programmes) == 2
    assert [str(row) for row in result.refused] == [
        "page 2 row 1 (frid aaaaaaaa...): duplicate id (first seen at page 1 row 1)"
    ]


def test_max_pages_stops_early_with_a_warning(client: FindTreatmentClient, script: Script) -> None:
    script.rows = BUILT_ROWS
    result = client.fetch_programmes("22902", 25, page_size=1, max_pages=2)
    assert len(script.seen) == 2
    assert len(result.programmes) == 2
    assert result.warnings[0].startswith("read only 2 of 4 pages")


def test_no_results_is_one_request_and_an_empty_result(client: FindTreatmentClient, script: Script) -> None:
    result = client.fetch_programmes("Nowhere", 5)
    assert (len(script.seen), result.programmes, result.refused, result.warnings) == (1, [], [], [])


@pytest.mark.shared_data
def test_the_real_charlottesville_rows_replayed_ten_per_page(
    client: FindTreatmentClient, script: Script, shared_data: Path
) -> None:
    script.rows = json.loads((shared_data / "samhsa" / "locator" / "charlottesville_va_rows.json").read_text())
    assert len(script.rows) == 41
    result = client.fetch_programmes("Charlottesville, VA", 25, page_size=10)
    assert [request["query"]["page"] for request in script.seen] == ["1", "2", "3", "4", "5"]
    assert (len(result.programmes), result.refused) == (41, [])
    region_ten = {p.provenance.source_id: p for p in result.programmes}[REGION_TEN_FRID]
    assert region_ten.organization_name == "Region Ten Community Services Board"
    assert region_ten.location.postal_code == "22902"


def test_one_503_is_retried(client: FindTreatmentClient, script: Script) -> None:
    script.rows, script.fail_first = BUILT_ROWS, 1
    page = client.fetch_page("22902", 25)
    assert len(script.seen) == 2
    assert page.record_count == 4


def test_an_error_outlasting_the_retries_is_one_clear_line(client: FindTreatmentClient, script: Script) -> None:
    script.fail_first, script.fail_status = 100, 500
    with pytest.raises(RemoteSourceError, match=r"^FindTreatment.gov answered HTTP 500 .* after 2 retries") as caught:
        client.fetch_page("22902", 25)
    assert len(script.seen) == 3
    assert "\n" not in str(caught.value)


def test_a_404_is_not_retried(client: FindTreatmentClient, script: Script) -> None:
    script.fail_first, script.fail_status = 100, 404
    with pytest.raises(RemoteSourceError, match=r"HTTP 404 Not Found \("):
        client.fetch_page("22902", 25)
    assert len(script.seen) == 1


@pytest.mark.parametrize("retries", [0, 1])
def test_a_slow_answer_times_out(server: LocatorServer, script: Script, retries: int) -> None:
    script.rows, script.delay = BUILT_ROWS, 1.0
    slow = FindTreatmentClient(
        f"http://127.0.0.1:{server.server_address[1]}", timeout=(1.0, 0.2), retries=retries, backoff_factor=0.001
    )
    started = time.monotonic()
    with pytest.raises(RemoteSourceError, match=r"did not answer in time \(connect 1s, read 0.2s\)"):
        slow.fetch_page("22902", 25)
    assert time.monotonic() - started < 0.9
    assert len(script.seen) == retries + 1


def test_a_body_that_is_not_json(client: FindTreatmentClient, script: Script) -> None:
    script.body, script.content_type = b"<html><body>Service maintenance</body></html>", "text/html"
    with pytest.raises(RemoteSourceError, match=r"not JSON \(text/html, starting '<html><body>Service"):
        client.fetch_page("22902", 25)


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (b"[]", "a JSON list"),
        (b'{"page": 1, "rows": []}', "no totalPages, recordCount"),
        (b'{"page": 1, "totalPages": "2", "recordCount": 3, "rows": []}', "page counts"),
        (b'{"page": 1, "totalPages": 1, "recordCount": 3, "rows": {}}', "'rows' is not a list"),
    ],
)
def test_json_that_is_not_a_locator_page(
    client: FindTreatmentClient, script: Script, body: bytes, complaint: str
) -> None:
    script.body = body
    with pytest.raises(RemoteSourceError, match="not a locator page") as caught:
        client.fetch_page("22902", 25)
    assert complaint in str(caught.value)


def test_nobody_listening_is_a_connection_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = FindTreatmentClient(f"http://127.0.0.1:{port}", retries=1, backoff_factor=0.001)
    with pytest.raises(RemoteSourceError, match=r"^could not connect to FindTreatment.gov \(http://127.0.0.1:"):
        client.fetch_page("22902", 25)


def test_the_fetch_command_imports_the_live_rows_and_refetching_updates(
    server: LocatorServer, script: Script, tmp_path, capsys
) -> None:
    from directory.cli import main
    from directory.search import open_directory

    script.rows = BUILT_ROWS[:2]
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    path = tmp_path / "live.sqlite"
    argv = ["fetch", "--near", "22902", "--radius", "10", "--code", "IOT", "--base-url", base_url, "--db", str(path)]
    assert main(argv) == 0
    assert "fetched 2 programmes (2 new, 0 updated)" in capsys.readouterr().out
    assert script.seen[0]["query"]["sCodes"] == "IOT"
    assert main(argv) == 0
    assert "(0 new, 2 updated)" in capsys.readouterr().out
    with open_directory(path) as directory:
        assert directory.stats().by_source == {"samhsa-locator": 2}

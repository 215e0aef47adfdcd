"""Starting the servers (bot.servers): waiting through slow or failing health checks, and refusing
a port that is already taken. Real sockets and HTTP servers on 127.0.0.1, free ports only."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot import servers
from bot.servers import PortInUse, ServerDidNotStart, ensure_ports_free, free_port, wait_until_up

SHORT_TIMEOUT = 0.5


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up on a slow answer is expected here."""


@contextmanager
def health_endpoint(answers: list[tuple[float, int]]) -> Iterator[tuple[str, list[int]]]:
    """A health check on a free loopback port: the n-th request waits ``answers[n][0]`` seconds, then
    answers ``answers[n][1]`` (the last entry for every later request). Yields its URL and the
    statuses it was asked to send, one per request."""
    asked: list[int] = []

    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            delay, status = answers[min(len(asked), len(answers) - 1)]
            asked.append(status)
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = QuietServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/health", asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen]:
    """A trivial child process standing for a server that is still starting."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait(timeout=10)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "server.log"
    path.write_text("loading the model\n" * 500 + "still loading: last words of the log\n")
    return path


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port bound and listening on loopback that never accepts nor answers (a stuck earlier run)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_health_check_slower_than_the_request_timeout_is_waited_for(sleeper, log) -> None:
    with health_endpoint([(3 * SHORT_TIMEOUT, 200), (3 * SHORT_TIMEOUT, 200), (0, 200)]) as (url, asked):
        wait_until_up("the slow server", url, sleeper, log, deadline_seconds=120,
                      request_timeout_seconds=SHORT_TIMEOUT)
    assert len(asked) >= 3


def test_server_errors_are_waited_through_until_the_health_check_answers(sleeper, log) -> None:
    with health_endpoint([(0, 503), (0, 503), (0, 500), (0, 200)]) as (url, asked):
        wait_until_up("the loading server", url, sleeper, log, deadline_seconds=120,
                      request_timeout_seconds=SHORT_TIMEOUT)
    assert asked[:4] == [503, 503, 500, 200]


def test_a_port_that_never_answers_ends_at_the_deadline_naming_the_server(sleeper, log, silent_port) -> None:
    with pytest.raises(ServerDidNotStart) as raised:
        wait_until_up("the stuck server", f"http://127.0.0.1:{silent_port}/health", sleeper, log,
                      deadline_seconds=2, request_timeout_seconds=SHORT_TIMEOUT)
    message = str(raised.value)
    assert message.startswith(f"the stuck server did not answer http://127.0.0.1:{silent_port}/health within 2 s")
    assert str(log) in message and message.endswith("still loading: last words of the log\n")
    assert sleeper.poll() is None


def test_a_server_that_exits_is_named_with_its_status_and_log(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-c", "import sys; print('cannot load the model'); sys.exit(3)"],
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        with pytest.raises(ServerDidNotStart) as raised:
            wait_until_up("the failing server", f"http://127.0.0.1:{free_port()}/", process, log,
                          deadline_seconds=60, request_timeout_seconds=SHORT_TIMEOUT)
    finally:
        process.kill()
        process.wait(timeout=10)
    message = str(raised.value)
    assert message.startswith("the failing server exited with status 3")
    assert "cannot load the model" in message


def test_free_ports_pass_the_check() -> None:
    ensure_ports_free({free_port(): "one server", free_port(): "another"})


def test_a_taken_port_is_named_in_one_line_with_how_to_find_its_process(silent_port: int) -> None:
    free = free_port()
    with pytest.raises(PortInUse) as raised:
        ensure_ports_free({free: "the free one", silent_port: "the Rasa server"})
    message = str(raised.value)
    assert "\n" not in message
    assert f"port {silent_port} (the Rasa server) is already in use" in message
    assert f"ss -ltnp 'sport = :{silent_port}'" in message and f"lsof -i :{silent_port}" in message
    assert str(free) not in message


def test_every_taken_port_is_named(silent_port: int) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        other_port = other.getsockname()[1]
        with pytest.raises(PortInUse) as raised:
            ensure_ports_free({silent_port: "the Rasa server", other_port: "the action server"})
    message = str(raised.value)
    assert f"ports {silent_port} (the Rasa server) and {other_port} (the action server) are" in message
    assert f"'sport = :{silent_port} or sport = :{other_port}'" in message


def test_the_assistant_refuses_a_taken_port_before_starting_anything(
        silent_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("no server may be started when a port is taken")

    monkeypatch.setattr(servers.subprocess, "Popen", no_process)
    workdir = tmp_path / "run"
    with pytest.raises(PortInUse, match=f"port {silent_port} \\(the Rasa server\\)"), \
            servers.assistant(tmp_path / "model.tar.gz", tmp_path / "directory.sqlite", workdir,
                              rasa_port=silent_port):
        pytest.fail("the assistant started")
    assert not workdir.exists()

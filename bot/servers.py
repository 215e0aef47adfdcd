"""Start the action server and the Rasa server on loopback, wait until both answer, stop them after.

Used by ``make run`` (bot.launcher), the end-to-end tests and the latency benchmarks, so all three
start the assistant the same way; the tests and benchmarks also build their demo directory here.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[1]
RASA = Path(sys.executable).with_name("rasa")
STARTUP_SECONDS = 300
HEALTH_TIMEOUT_SECONDS = 2
RASA_PORT = 5005
DEFAULT_MODEL = REPO_ROOT / "models" / "iop-finder.tar.gz"
REPO_CREDENTIALS = REPO_ROOT / "credentials.yml"
ACTION_PORT = 5055
RASA_SERVER, ACTION_SERVER = "the Rasa server", "the action server"
LOG_TAIL_CHARS = 3000


class PortInUse(RuntimeError):
    """A port a server needs is already taken, often by an earlier run that has not stopped."""


class ServerDidNotStart(RuntimeError):
    """A server exited, or did not answer its health check, before the start-up deadline."""


@dataclass(frozen=True)
class Assistant:
    """Where the running assistant answers."""

    rasa_url: str
    action_url: str
    logs: Path
    rasa_pid: int
    action_pid: int | None

    @property
    def rest_webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    @property
    def console(self) -> str:
        """The helpline console's page (bot.channels.helpline)."""
        return f"{self.rasa_url}/webhooks/helpline/"


def demo_directory(folder: Path, size: int = 25_000) -> Path:
    """A fresh demo directory of ``size`` programmes in ``folder``, built by the directory's command
    line as ``make run`` builds it."""
    database = folder / "directory.sqlite"
    subprocess.run([sys.executable, "-m", "directory", "demo", "--size", str(size), "--db", str(database)],
                   cwd=REPO_ROOT, check=True, capture_output=True)
    return database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _port_taken(port: int, host: str) -> bool:
    """Whether something listens on ``port``: a bind as the servers do it (SO_REUSEADDR, so the
    TIME_WAIT connections of a server just stopped do not count) fails."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def ensure_ports_free(servers: Mapping[int, str], host: str = "127.0.0.1") -> None:
    """Raise PortInUse, in one line naming each taken port of ``servers`` (port -> what needs it)
    and how to find what holds it, when any of them is already taken."""
    taken = [port for port in servers if _port_taken(port, host)]
    if not taken:
        return
    ports = " and ".join(f"{port} ({servers[port]})" for port in taken)
    ss_filter = " or ".join(f"sport = :{port}" for port in taken)
    lsof = " ".join(f"-i :{port}" for port in taken)
    subject = f"port {ports} is" if len(taken) == 1 else f"ports {ports} are"
    raise PortInUse(f"{subject} already in use, perhaps by an earlier run that has not stopped; "
                    f"find the process with: ss -ltnp '{ss_filter}' (or: lsof {lsof})")


def wait_until_up(name: str, url: str, process: subprocess.Popen, log: Path, *,
                  deadline_seconds: float = STARTUP_SECONDS,
                  request_timeout_seconds: float = HEALTH_TIMEOUT_SECONDS) -> None:
    """Poll the health check ``url`` of server ``name`` until it answers OK, through connection
    errors, timeouts and error answers (5xx); raise ServerDidNotStart with the tail of ``log`` when the
    process exits or ``deadline_seconds`` pass first."""
    deadline = time.monotonic() + deadline_seconds
    while process.poll() is None and (remaining := deadline - time.monotonic()) > 0:
        try:
            if requests.get(url, timeout=min(request_timeout_seconds, remaining)).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(max(0.0, min(1.0, deadline - time.monotonic())))
    problem = (f"{name} exited with status {process.returncode}" if process.returncode is not None
               else f"{name} did not answer {url} within {deadline_seconds:g} s")
    tail = log.read_text(errors="replace")[-LOG_TAIL_CHARS:]
    raise ServerDidNotStart(f"{problem}; the end of its log {log}:\n{tail}")


@contextmanager
def _running(name: str, argv: list[str], health_url: str, log: Path,
             env: dict[str, str]) -> Iterator[subprocess.Popen]:
    with log.open("w") as output:
        process = subprocess.Popen(argv, cwd=REPO_ROOT, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        wait_until_up(name, health_url, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def assistant(model: Path, directory_db: Path, workdir: Path, *, rasa_port: int | None = None,
              action_port: int | None = None, extra_env: dict[str, str] | None = None,
              credentials: Path | None = None, cors_origins: Sequence[str] = (),
              with_actions: bool = True) -> Iterator[Assistant]:
    """Both servers on 127.0.0.1, the actions reading ``directory_db``; free ports unless given;
    Rasa's channels from ``credentials`` (default: the repository's credentials.yml); browsers on
    ``cors_origins`` (the web widget's page) may call Rasa across origins. Without ``with_actions``
    no action server starts, and Rasa's action endpoint points at a port nobody answers (a test of
    what still works when the action server is down). Raises PortInUse before starting anything when
    a port is taken, ServerDidNotStart when a server does not come up."""
    action_port, rasa_port = action_port or free_port(), rasa_port or free_port()
    ensure_ports_free({rasa_port: RASA_SERVER, action_port: ACTION_SERVER})
    workdir.mkdir(parents=True, exist_ok=True)
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = {**os.environ, **(extra_env or {}), "IOP_DIRECTORY_DB": str(Path(directory_db).resolve())}
    action_url, rasa_url = f"http://127.0.0.1:{action_port}", f"http://127.0.0.1:{rasa_port}"
    with ExitStack() as stack:
        actions = stack.enter_context(_running(
            ACTION_SERVER, [str(RASA), "run", "actions", "--actions", "actions", "--port", str(action_port)],
            f"{action_url}/health", workdir / "actions.log", env,
        )) if with_actions else None
        rasa = stack.enter_context(_running(
            RASA_SERVER,
            [sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(credentials or REPO_CREDENTIALS), "--port", str(rasa_port),
             "--interface", "127.0.0.1",
             *(["--cors", *cors_origins] if cors_origins else [])],
            f"{rasa_url}/", workdir / "rasa.log", env,
        ))
        yield Assistant(rasa_url, action_url, workdir, rasa_pid=rasa.pid, action_pid=actions.pid if actions else None)

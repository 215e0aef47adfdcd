"""Start the action server and the Rasa server on loopback, wait until both answer, stop them after.

Used by ``make run`` (bot.launcher), the end-to-end tests and the latency benchmarks, so all three
start the assistant the same way; the tests and benchmarks also build their demo directory here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[1]
RASA = Path(sys.executable).with_name("rasa")
STARTUP_SECONDS = 300
RASA_PORT = 5005
DEFAULT_MODEL = REPO_ROOT / "models" / "iop-finder.tar.gz"
REPO_CREDENTIALS = REPO_ROOT / "credentials.yml"
ACTION_PORT = 5055


@dataclass(frozen=True)
class Assistant:
    """Where the running assistant answers."""

    rasa_url: str
    action_url: str
    logs: Path
    rasa_pid: int
    action_pid: int

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


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not start within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@contextmanager
def _running(argv: list[str], health_url: str, log: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    with log.open("w") as output:
        process = subprocess.Popen(argv, cwd=REPO_ROOT, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_until_up(health_url, process, log)
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
              credentials: Path | None = None, cors_origins: Sequence[str] = ()) -> Iterator[Assistant]:
    """Both servers on 127.0.0.1, the actions reading ``directory_db``; free ports unless given;
    Rasa's channels from ``credentials`` (default: the repository's credentials.yml); browsers on
    ``cors_origins`` (the web widget's page) may call Rasa across origins."""
    action_port, rasa_port = action_port or free_port(), rasa_port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = {**os.environ, **(extra_env or {}), "IOP_DIRECTORY_DB": str(Path(directory_db).resolve())}
    action_url, rasa_url = f"http://127.0.0.1:{action_port}", f"http://127.0.0.1:{rasa_port}"
    with ExitStack() as stack:
        actions = stack.enter_context(_running(
            [str(RASA), "run", "actions", "--actions", "actions", "--port", str(action_port)],
            f"{action_url}/health", workdir / "actions.log", env,
        ))
        rasa = stack.enter_context(_running(
            [sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(credentials or REPO_CREDENTIALS), "--port", str(rasa_port),
             "--interface", "127.0.0.1",
             *(["--cors", *cors_origins] if cors_origins else [])],
            f"{rasa_url}/", workdir / "rasa.log", env,
        ))
        yield Assistant(rasa_url, action_url, workdir, rasa_pid=rasa.pid, action_pid=actions.pid)

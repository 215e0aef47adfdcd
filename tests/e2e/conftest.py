"""One Rasa server and one action server for the whole end-to-end session (they take ~40 s to start)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.servers import DEFAULT_MODEL, assistant
from tests.conftest import REPO_ROOT

MODEL = DEFAULT_MODEL
DEMO_SIZE = 25_000
#: the deployment's own helpline, as a real deployment would configure it (a fictional number)
HELPLINE = "1-800-555-0142"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh 25,000-programme demo directory, as `make run` builds it; the trained model must exist."""
    assert MODEL.exists(), f"{MODEL} is missing: `make test` trains it first (or run `make train`)"
    database = tmp_path_factory.mktemp("e2e-directory") / "directory.sqlite"
    subprocess.run(
        [sys.executable, "-m", "directory", "demo", "--size", str(DEMO_SIZE), "--db", str(database)],
        cwd=REPO_ROOT, check=True, capture_output=True,
    )
    return database


@pytest.fixture(scope="session")
def webhook(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[str]:
    """The REST webhook of a running assistant over the demo directory."""
    workdir = tmp_path_factory.mktemp("e2e")
    with assistant(MODEL, demo_database, workdir, extra_env={"IOP_HELPLINE_NUMBER": HELPLINE}) as running:
        yield running.rest_webhook

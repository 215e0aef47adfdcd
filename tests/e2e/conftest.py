"""One Rasa server and one action server for the whole end-to-end session (they take ~40 s to start)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from bot.servers import assistant
from tests.conftest import REPO_ROOT

MODEL = REPO_ROOT / "models" / "iop-finder.tar.gz"
DEMO_SIZE = 25_000
#: the deployment's own helpline, as a real deployment would configure it (a fictional number)
HELPLINE = "1-800-555-0142"


@pytest.fixture(scope="session")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The REST webhook of a running assistant over a fresh 25,000-programme demo directory."""
    assert MODEL.exists(), f"{MODEL} is missing: `make test` trains it first (or run `make train`)"
    workdir = tmp_path_factory.mktemp("e2e")
    database = workdir / "directory.sqlite"
    subprocess.run(
        [sys.executable, "-m", "directory", "demo", "--size", str(DEMO_SIZE), "--db", str(database)],
        cwd=REPO_ROOT, check=True, capture_output=True,
    )
    with assistant(MODEL, database, workdir, extra_env={"IOP_HELPLINE_NUMBER": HELPLINE}) as running:
        yield running.rest_webhook

"""What `make run` starts: the Makefile's directory rule and the launcher."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.launcher import main
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built by the Makefile's own rule, as `make run` builds it."""
    if shutil.which("make") is None:
        pytest.skip("GNU make is not installed")
    path = tmp_path_factory.mktemp("run") / "directory.sqlite"
    completed = subprocess.run(
        ["make", "--no-print-directory", "demo-directory", f"DB={path}", "DEMO_SIZE=1500"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "1500 fictional programmes" in completed.stdout
    return path


def test_the_launcher_shows_the_directory_and_an_example_search(demo_db: Path, capsys) -> None:
    assert main(["--db", str(demo_db), "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "1,500 programmes" in out and "1,500 of them DEMO (fictional)" in out
    assert "near Charlottesville, VA 22902" in out
    example_lines = [line for line in out.splitlines() if line.startswith("  - ")]
    assert all("[DEMO - fictional]" in line for line in example_lines)
    assert "-m directory search" in out


def test_the_launcher_without_a_directory_says_how_to_build_one(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "missing.sqlite")]) == 2
    assert "make demo-directory" in capsys.readouterr().err

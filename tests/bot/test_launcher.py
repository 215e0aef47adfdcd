"""What `make run` starts: the Makefile's directory rule and the launcher."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from bot import launcher, pages
from bot.launcher import main
from bot.servers import ServerDidNotStart, free_port
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


def test_the_launcher_names_a_taken_port_in_one_line(demo_db: Path, tmp_path: Path, capsys,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def no_server(*args: object, **kwargs: object) -> None:
        raise AssertionError("no server may be started when a port is taken")

    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    with socket.socket() as stuck:
        stuck.bind(("127.0.0.1", 0))
        stuck.listen(1)
        taken = stuck.getsockname()[1]
        monkeypatch.setattr(launcher, "RASA_PORT", taken)
        monkeypatch.setattr(launcher, "ACTION_PORT", free_port())
        monkeypatch.setattr(pages, "PAGE_PORT", free_port())
        monkeypatch.setattr(launcher, "assistant", no_server)
        monkeypatch.setattr(pages, "serving", no_server)
        assert main(["--db", str(demo_db), "--model", str(model)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: port {taken} (the Rasa server) is already in use")
    assert f"ss -ltnp 'sport = :{taken}'" in err and "Traceback" not in err


def test_the_launcher_reports_a_server_that_did_not_start(tmp_path: Path, capsys,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(model: Path, db: Path) -> None:
        raise ServerDidNotStart("the Rasa server did not answer within 300 s; the end of its log:\nlast words")

    monkeypatch.setattr(launcher, "describe_directory", lambda db: None)
    monkeypatch.setattr(launcher, "serve", stuck)
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    assert main(["--model", str(model)]) == 2
    assert capsys.readouterr().err.startswith("error: the Rasa server did not answer within 300 s")

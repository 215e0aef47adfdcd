"""Who may use the helpline console (bot.console.auth) and how Rasa's HTTP API is switched on."""

from __future__ import annotations

import pytest

from bot.console.auth import (
    SESSION_SECONDS,
    LoginRefused,
    StaffLogin,
    check_login,
    issue_session,
    session_key,
    session_user,
    staff_login,
)
from bot.launcher import describe_console, one_time_secrets
from bot.rasa_server import rasa_arguments

KEY = b"k" * 32
NOW = 1_800_000_000.0


@pytest.mark.parametrize("environ", [
    {}, {"IOP_CONSOLE_USER": "staff"}, {"IOP_CONSOLE_PASSWORD": "secret"},
    {"IOP_CONSOLE_USER": "  ", "IOP_CONSOLE_PASSWORD": "secret"},
    {"IOP_CONSOLE_USER": "staff", "IOP_CONSOLE_PASSWORD": " "},
])
def test_without_a_configured_login_every_login_is_refused_and_says_why(environ: dict[str, str]) -> None:
    login = staff_login(environ)
    assert login is None
    refused = check_login(login, "staff", "secret")
    assert refused is LoginRefused.NOT_CONFIGURED
    assert "IOP_CONSOLE_USER" in refused.value and "IOP_CONSOLE_PASSWORD" in refused.value
    assert check_login(login, "", "") is LoginRefused.NOT_CONFIGURED


def test_only_the_configured_user_and_password_log_in() -> None:
    login = staff_login({"IOP_CONSOLE_USER": " staff ", "IOP_CONSOLE_PASSWORD": "correct horse"})
    assert login == StaffLogin("staff", "correct horse")
    assert check_login(login, "staff", "correct horse") is None
    for user, password in (("staff", "correct hors"), ("staff", ""), ("Staff", "correct horse"),
                           ("", "correct horse"), ("staff", "correct horse "), ("admin", "correct horse")):
        assert check_login(login, user, password) is LoginRefused.WRONG, (user, password)


def test_the_password_never_shows_in_a_repr() -> None:
    assert "correct horse" not in repr(StaffLogin("staff", "correct horse"))


def test_a_session_names_its_user_until_it_expires() -> None:
    token = issue_session(KEY, "staff", NOW)
    assert session_user(KEY, token, NOW) == "staff"
    assert session_user(KEY, token, NOW + SESSION_SECONDS) == "staff"
    assert session_user(KEY, token, NOW + SESSION_SECONDS + 1) is None


@pytest.mark.parametrize("forged", [
    None, "", "staff", "a.b", "a.b.c.d", "7374616666.9999999999.00", "zz.9999999999.00",
])
def test_malformed_or_unsigned_sessions_are_refused(forged: str | None) -> None:
    assert session_user(KEY, forged, NOW) is None


def test_a_session_cannot_be_altered_or_moved_to_another_key() -> None:
    token = issue_session(KEY, "staff", NOW)
    encoded, expiry, signature = token.split(".")
    assert session_user(KEY, f"{encoded}.{int(expiry) + 3600}.{signature}", NOW) is None  # extended
    assert session_user(KEY, f"{b'admin'.hex()}.{expiry}.{signature}", NOW) is None  # another user
    assert session_user(b"x" * 32, token, NOW) is None


def test_the_session_key_comes_from_the_environment_or_is_random() -> None:
    assert session_key({"IOP_CONSOLE_SECRET": "shared"}) == b"shared"
    first, second = session_key({}), session_key({"IOP_CONSOLE_SECRET": " "})
    assert len(first) == 32 and first != second


def test_rasa_api_is_on_and_protected_only_with_a_token() -> None:
    argv = ["run", "--port", "5005"]
    assert rasa_arguments(argv, {}) == argv
    assert rasa_arguments(argv, {"RASA_API_TOKEN": "  "}) == argv
    assert rasa_arguments(argv, {"RASA_API_TOKEN": "t0ken"}) == [*argv, "--enable-api", "--auth-token", "t0ken"]


def test_make_run_generates_only_the_secrets_the_environment_lacks() -> None:
    tokens = iter(["t1", "t2", "t3"])
    generated = one_time_secrets({}, token=lambda: next(tokens))
    assert generated == {"RASA_API_TOKEN": "t1", "IOP_CONSOLE_USER": "staff", "IOP_CONSOLE_PASSWORD": "t2",
                         "IOP_CONSOLE_SECRET": "t3"}
    chosen = {"RASA_API_TOKEN": "mine", "IOP_CONSOLE_USER": "ana", "IOP_CONSOLE_PASSWORD": "pw",
              "IOP_CONSOLE_SECRET": "k"}
    assert one_time_secrets(chosen) == {}
    assert set(one_time_secrets({"IOP_CONSOLE_PASSWORD": " "})) == set(generated)
    assert len(one_time_secrets({})["IOP_CONSOLE_PASSWORD"]) >= 32


def test_make_run_says_where_the_console_is_and_how_to_log_in() -> None:
    url = "http://127.0.0.1:5005/webhooks/helpline/"
    generated = one_time_secrets({}, token=lambda: "pw-for-this-run")
    lines = "\n".join(describe_console(url, {}, generated))
    assert url in lines and "user: staff" in lines and "pw-for-this-run" in lines and "generated for this run" in lines
    chosen = "\n".join(describe_console(url, {"IOP_CONSOLE_USER": "ana", "IOP_CONSOLE_PASSWORD": "secret"}, {}))
    assert "user: ana" in chosen and "secret" not in chosen and "IOP_CONSOLE_PASSWORD" in chosen

"""The terminal chat: buttons become numbered choices, a number sends that choice."""

from __future__ import annotations

from bot.chat import choice, show


def test_buttons_are_numbered_across_messages_and_a_number_picks_one(capsys) -> None:
    payloads = show([
        {"text": "Are you looking for help for yourself?", "buttons": [
            {"title": "For me", "payload": "/for_self"}, {"title": "For someone else", "payload": "/for_loved_one"}]},
        {"text": "You can also just type.", "buttons": [{"title": "Start over", "payload": "/start_over"}]},
    ])
    assert payloads == ["/for_self", "/for_loved_one", "/start_over"]
    out = capsys.readouterr().out
    assert "1. For me" in out and "3. Start over" in out
    assert choice(" 2 ", payloads) == "/for_loved_one"
    assert choice("4", payloads) == "4"
    assert choice("my son", payloads) == "my son"

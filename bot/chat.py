"""A terminal chat with the running assistant over its REST channel (``make chat``).

Buttons are shown as numbered choices; typing the number sends that choice, as on SMS.
"""

from __future__ import annotations

import argparse
import uuid

import requests

from bot.servers import RASA_PORT


def show(messages: list[dict]) -> list[str]:
    """Print the bot's messages; return the payloads of the buttons, in the order shown."""
    payloads: list[str] = []
    for message in messages:
        if message.get("text"):
            print(f"bot> {message['text']}")
        for button in message.get("buttons") or ():
            payloads.append(button["payload"])
            print(f"     {len(payloads)}. {button['title']}")
    return payloads


def choice(text: str, payloads: list[str]) -> str:
    """A number picks the matching button; anything else is sent as typed."""
    stripped = text.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(payloads):
        return payloads[int(stripped) - 1]
    return stripped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Chat with IOP Finder in the terminal.")
    parser.add_argument("--url", default=f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook")
    args = parser.parse_args(argv)
    sender, payloads = f"terminal-{uuid.uuid4().hex[:8]}", []
    print("Type a message (Ctrl-D to quit). Say 'hi' to start.")
    while True:
        try:
            text = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not text.strip():
            continue
        try:
            reply = requests.post(args.url, json={"sender": sender, "message": choice(text, payloads)}, timeout=60)
            reply.raise_for_status()
        except requests.RequestException as error:
            print(f"error: the assistant is not answering at {args.url} ({error}); is 'make run' running?")
            return 2
        payloads = show(reply.json())


if __name__ == "__main__":
    raise SystemExit(main())

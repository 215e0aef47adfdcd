"""The website widget's channel: Rasa's socketio channel with the session's room really joined."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.channels.webchat import WebchatInput, session_id_of


def test_a_valid_session_id_is_resumed() -> None:
    assert session_id_of({"session_id": "3f2a9c"}) == "3f2a9c"


@pytest.mark.parametrize("data", [None, {}, {"session_id": None}, {"session_id": ""}, {"session_id": 42},
                                  {"session_id": "x" * 129}, {"session_id": "a\nb"}, ["session_id"], "abc"])
def test_no_or_bad_session_id_gets_a_new_one(data: Any) -> None:
    new = session_id_of(data)
    assert len(new) == 32 and int(new, 16) >= 0
    assert session_id_of(data) != new


def test_the_channel_keeps_the_socketio_name_for_its_response_variations() -> None:
    assert WebchatInput.name() == "socketio"


def session_request(persistence: bool, data: Any) -> tuple[list[tuple[str, Any, str]], list[str]]:
    """Run the channel's session_request handler for one connected socket on a real AsyncServer;
    returns what it emitted and the rooms the socket is in."""
    channel = WebchatInput(session_persistence=persistence)
    channel.blueprint(lambda message: None)  # type: ignore[arg-type,return-value]
    server = channel.sio
    emitted: list[tuple[str, Any, str]] = []

    async def emit(event: str, data: Any = None, room: str = "", **_: Any) -> None:
        emitted.append((event, data, room))

    async def run() -> list[str]:
        sid = await server.manager.pre_connect("engine-io-1", "/")
        await server.manager.connect(sid, "/")
        server.emit = emit  # type: ignore[method-assign]
        await server.handlers["/"]["session_request"](sid, data)
        return [room for room in server.manager.get_rooms(sid, "/") if room != sid]

    return emitted, asyncio.run(run())


def test_with_session_persistence_the_socket_joins_its_session_room() -> None:
    emitted, rooms = session_request(True, {"session_id": "abc123"})
    assert rooms == ["abc123"]
    assert [(event, data) for event, data, _ in emitted] == [("session_confirm", "abc123")]


def test_without_session_persistence_no_room_is_joined() -> None:
    emitted, rooms = session_request(False, None)
    assert rooms == []
    assert emitted[0][0] == "session_confirm" and len(emitted[0][1]) == 32

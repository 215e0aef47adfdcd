"""The website widget's channel: Rasa's Socket.IO channel with a working session persistence.

Rasa 3.6's ``SocketIOInput`` joins the browser's socket to the room of its session id with
``sio.enter_room(...)``, which python-socketio made a coroutine (5.10); Rasa does not await it
(RasaHQ/rasa#13027), so the socket never joins the room and, with ``session_persistence: true``,
the bot's replies (sent to the room of the session id) reach nobody. This channel replaces only
that ``session_request`` handler with one that awaits it; everything else, including the channel's
name ``socketio`` (so ``channel: socketio`` response variations apply), is Rasa's.

credentials.yml::

    bot.channels.webchat.WebchatInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

The widget (rasa-webchat, bot/web) keeps the session id in the browser and asks for it again after
a reload, so the conversation goes on where it was.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)


def session_id_of(data: Any) -> str:
    """The session id the browser asks to resume, or a new one when it sends none (or nonsense)."""
    wanted = data.get("session_id") if isinstance(data, dict) else None
    if isinstance(wanted, str) and 0 < len(wanted) <= 128 and wanted.isprintable():
        return wanted
    return uuid.uuid4().hex


class WebchatInput(SocketIOInput):
    """``SocketIOInput`` whose ``session_request`` awaits ``enter_room``."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            session_id = session_id_of(data)
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug("socket %s joined its session", sid)

        return blueprint

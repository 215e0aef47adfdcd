"""The action server's replies are validated as Rasa does, with the schema checked only once."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction

from bot import action_response_validation
from bot.action_response_validation import ERROR_SUFFIX, response_validator, validate_action_result

GOOD_REPLIES = (
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "location", "value": "Charlottesville, VA"},
                {"event": "active_loop", "name": None}],
     "responses": [{"response": "utter_result", "name": "Demo IOP"}]},
    {"events": [{"event": "followup", "name": "action_search"}]},
)
BAD_REPLIES = (
    {"events": "slot"},
    {"events": [{"name": "location", "value": "22902"}]},
    {"events": [{"event": "slot", "name": 7}]},
    {"responses": ["utter_result"]},
)


@pytest.fixture
def remote_action(monkeypatch: pytest.MonkeyPatch) -> RemoteAction:
    """A remote action with the fast validation installed; Rasa's own is restored afterwards."""
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    action_response_validation.install()
    return RemoteAction("action_search", None)


@pytest.mark.parametrize("reply", GOOD_REPLIES)
def test_a_well_formed_reply_passes(remote_action: RemoteAction, reply: dict) -> None:
    assert remote_action._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", BAD_REPLIES)
def test_a_malformed_reply_fails_with_rasas_message(remote_action: RemoteAction, reply: dict) -> None:
    with pytest.raises(ValidationError) as failure:
        remote_action._validate_action_result(reply)
    assert failure.value.message.endswith(ERROR_SUFFIX)


@pytest.mark.parametrize("reply", GOOD_REPLIES + BAD_REPLIES)
def test_verdicts_match_rasas_own_check(reply: dict) -> None:
    action = RemoteAction("action_search", None)
    try:
        rasas_verdict = RemoteAction._validate_action_result(action, reply)
    except ValidationError as error:
        rasas_verdict = error.message
    try:
        our_verdict = validate_action_result(action, reply)
    except ValidationError as error:
        our_verdict = error.message
    assert our_verdict == rasas_verdict


def test_the_schema_is_checked_once_for_many_replies(remote_action: RemoteAction,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    checks = []
    validator_class = validators.validator_for(RemoteAction.action_response_format_spec())
    original_check = validator_class.check_schema
    monkeypatch.setattr(validator_class, "check_schema",
                        classmethod(lambda cls, schema, **kw: checks.append(schema) or original_check(schema, **kw)))
    response_validator.cache_clear()
    for _ in range(5):
        for reply in GOOD_REPLIES:
            remote_action._validate_action_result(reply)
    assert len(checks) == 1


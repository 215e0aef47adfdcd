"""Check the action server's replies against Rasa's schema with one validator built once.

Rasa 3.6 checks every reply from the action server with ``jsonschema.validate``, which first
checks the schema itself against the JSON Schema meta-schema and builds a new validator: about
35 ms per action call on these machines, the largest single cost of a turn (a turn that finishes a
form and searches calls the action server two or three times; bench/RESULTS.md). The schema is a
constant, so this module checks it once and reuses the validator. Replies are validated exactly as
before and a bad one fails with Rasa's own message.

``install()`` replaces ``RemoteAction._validate_action_result`` in the running process;
``bot.rasa_server`` calls it before Rasa starts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

#: appended to a validation error, as Rasa's own check does
ERROR_SUFFIX = (
    ". Failed to validate Action server response from API, make sure your response from the "
    f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
)


@cache
def response_validator() -> Validator:
    """The validator for Rasa's action-server reply schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's ``RemoteAction._validate_action_result`` with the cached validator."""
    error = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += ERROR_SUFFIX
        raise error
    return True


def install() -> None:
    """Make every remote action in this process validate replies with the cached validator."""
    RemoteAction._validate_action_result = validate_action_result

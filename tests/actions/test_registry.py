"""The action server registers exactly the custom actions the domain lists (no base class, none missing)."""

from __future__ import annotations

import yaml
from rasa_sdk.executor import ActionExecutor

from tests.conftest import REPO_ROOT


def test_registered_actions_are_the_domain_actions() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    listed = {action for path in (REPO_ROOT / "domain").glob("*.yml")
              for action in yaml.safe_load(path.read_text()).get("actions", [])}
    assert set(executor.actions) == listed

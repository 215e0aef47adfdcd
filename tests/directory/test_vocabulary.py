"""The vocabulary's label look-up, shared by the result wording and the helpline summary."""

from __future__ import annotations

from directory import vocabulary


def test_labels_follow_the_vocabulary_order_not_the_request_order() -> None:
    order = vocabulary.codes("payment")
    wanted = [order[3], order[0]]
    assert vocabulary.labels("payment", wanted) == (vocabulary.term("payment", order[0]).label,
                                                    vocabulary.term("payment", order[3]).label)


def test_labels_skip_codes_the_facet_does_not_have() -> None:
    assert vocabulary.labels("payment", ["medicaid", "no_such_code"]) == (vocabulary.term("payment", "medicaid").label,)
    assert vocabulary.labels("schedule", []) == ()

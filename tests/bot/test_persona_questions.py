"""The brief for authors of held-out personas lists every question the forms ask, with its buttons."""

from __future__ import annotations

from bench.persona_questions import ORDER, questions_markdown, responses


def test_every_question_is_listed_with_its_buttons() -> None:
    known = responses()
    text = questions_markdown(known)
    assert all(f"## {slot.removesuffix('_band')}\n" in text for slot in ORDER if f"utter_ask_{slot}" in known)
    assert '- button: "For me"' in text and '- button: "Nearly every day"' in text
    assert "## location" in text and "## payment" in text

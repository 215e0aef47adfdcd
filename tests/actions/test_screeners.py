"""AUDIT-C and PHQ-2 scoring and cut-offs (see actions/screeners.py for the sources)."""

from __future__ import annotations

import pytest

from actions.screeners import audit_c_positive, phq2_positive, score_audit_c, score_phq2


@pytest.mark.parametrize(("answers", "total"), [((0, 0, 0), 0), ((1, 2, 0), 3), ((4, 4, 4), 12), ([2, 1, 1], 4)])
def test_score_audit_c(answers: tuple[int, ...], total: int) -> None:
    assert score_audit_c(answers) == total


@pytest.mark.parametrize("answers", [(), (1, 2), (1, 2, 3, 4), (5, 0, 0), (-1, 0, 0), (1.5, 0, 0), (True, 0, 0)])
def test_score_audit_c_refuses_bad_answers(answers: tuple) -> None:
    with pytest.raises(ValueError):
        score_audit_c(answers)


@pytest.mark.parametrize(
    ("score", "sex", "positive"),
    [
        (2, None, False),
        (3, None, True),
        (3, "female", True),
        (2, "female", False),
        (3, "male", False),
        (4, "male", True),
        (3, "other", True),
        (12, "male", True),
    ],
)
def test_audit_c_cutoffs(score: int, sex: str | None, positive: bool) -> None:
    assert audit_c_positive(score, sex=sex) is positive


@pytest.mark.parametrize(("answers", "total"), [((0, 0), 0), ((1, 2), 3), ((3, 3), 6)])
def test_score_phq2(answers: tuple[int, ...], total: int) -> None:
    assert score_phq2(answers) == total


@pytest.mark.parametrize("answers", [(), (1,), (1, 1, 1), (4, 0), (0, -1)])
def test_score_phq2_refuses_bad_answers(answers: tuple) -> None:
    with pytest.raises(ValueError):
        score_phq2(answers)


@pytest.mark.parametrize(("score", "positive"), [(0, False), (2, False), (3, True), (6, True)])
def test_phq2_cutoff(score: int, positive: bool) -> None:
    assert phq2_positive(score) is positive

"""Standard screening questionnaires usable in a chat, with their published scoring (pure).

Sources (see ../shared/docs/iop-facts.md (beside the repository), "Screeners usable in a chat"):

- AUDIT-C: the first three items of the WHO Alcohol Use Disorders Identification Test (Babor et
  al., WHO 2001; public domain), validated as a short form by Bush K, Kivlahan DR, McDonell MB,
  Fihn SD, Bradley KA. "The AUDIT alcohol consumption questions (AUDIT-C)". Arch Intern Med
  1998;158:1789-95. Cut-offs of 4 for men and 3 for women: Bradley KA et al., Alcohol Clin Exp Res
  2007;31:1208-17. Scores of 8 or more mark the highest-risk band (Rubinsky AD et al., Alcohol
  Clin Exp Res 2013;37:1380-90).
- PHQ-2: Kroenke K, Spitzer RL, Williams JBW. "The Patient Health Questionnaire-2: validity of a
  two-item depression screener". Med Care 2003;41:1284-92. Developed with a grant from Pfizer;
  free to reproduce, no permission needed. Cut-off 3.

DAST-10 is deliberately not used: its licence forbids commercial use. A screener score is never a
diagnosis; it only shapes the wording of a suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence

AUDIT_C_ITEMS = 3
AUDIT_C_ITEM_MAX = 4
#: AUDIT-C positive screen: men >= 4, women >= 3 (Bradley 2007); unknown sex uses the lower, safer 3
AUDIT_C_CUTOFF = {"male": 4, "female": 3, None: 3}
#: AUDIT-C 8-12: the highest-risk band (Rubinsky 2013)
AUDIT_C_HIGH_RISK = 8

PHQ2_ITEMS = 2
PHQ2_ITEM_MAX = 3
#: PHQ-2 positive screen (Kroenke 2003)
PHQ2_CUTOFF = 3


def _total(answers: Sequence[int], items: int, item_max: int, name: str) -> int:
    if len(answers) != items:
        raise ValueError(f"{name} has {items} items, got {len(answers)} answers")
    for answer in answers:
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= item_max:
            raise ValueError(f"{name} items are whole numbers from 0 to {item_max}, got {answer!r}")
    return sum(answers)


def score_audit_c(answers: Sequence[int]) -> int:
    """AUDIT-C total (0-12) from its three items, each scored 0-4; ValueError on a wrong length or value."""
    return _total(answers, AUDIT_C_ITEMS, AUDIT_C_ITEM_MAX, "AUDIT-C")


def audit_c_positive(score: int, *, sex: str | None = None) -> bool:
    """A positive AUDIT-C screen: >= 4 for men, >= 3 for women or when sex is unknown (Bradley 2007).

    ``sex`` is "male", "female" or None; any other value is treated as unknown.
    """
    return score >= AUDIT_C_CUTOFF.get(sex, AUDIT_C_CUTOFF[None])


def score_phq2(answers: Sequence[int]) -> int:
    """PHQ-2 total (0-6) from its two items, each scored 0-3; ValueError on a wrong length or value."""
    return _total(answers, PHQ2_ITEMS, PHQ2_ITEM_MAX, "PHQ-2")


def phq2_positive(score: int) -> bool:
    """A positive PHQ-2 screen: a total of 3 or more (Kroenke 2003); worth a fuller check, not a diagnosis."""
    return score >= PHQ2_CUTOFF

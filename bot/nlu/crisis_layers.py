"""The crisis decision: the deterministic rules, and a learned model that reads them (pure).

1. **Rules** (`bot.nlu.crisis.CrisisDetector`): hand-written patterns with negation, history,
   conditional, joke, idiom and question handling. A wish or plan they find ("I want to die",
   "I'm going to hurt him", "I keep wanting to cut") is a crisis whatever the model says: those
   patterns raised an alarm on 0.3% of the corpus's hard near-misses.
2. **Model** (`bot.nlu.crisis_model.CrisisModel`): a linear model over the message's n-grams, a
   multilingual sentence embedding and the rules' signals (what they found, what cancelled a crisis
   word and why). It decides everything else: a message is a crisis when its crisis probability
   reaches its threshold. The kind is the one the rules found ("my toddler swallowed my pills" is
   poisoning because of the toddler), else the model's.

Events and bare topics the rules find ("he's not breathing", "suicide") go to the model as signals
rather than deciding alone: on the corpus's near-misses they were the rules' false alarms (history
and hypotheticals phrased in ways no pattern cancels), and the model, which sees them, does better
(bench/RESULTS.md). The verdict says which layer decided (`rules`, `model`, `rules+model` when
both say crisis) and the reply language, so the guard can log the decision by kind and layer,
never the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.nlu.crisis import CrisisDetector, shared_detector
from bot.nlu.crisis_model import CrisisModel, shared_model
from bot.nlu.language import reply_language

RULES, MODEL, BOTH, NEITHER = "rules", "model", "rules+model", "none"


@dataclass(frozen=True)
class Verdict:
    """The decision on one message: a crisis kind or None, the layer that decided, the reply language."""

    kind: str | None
    layer: str
    language: str


class CrisisAssessor:
    """Both layers together; `assess(text)` decides (see the module docstring)."""

    def __init__(self, detector: CrisisDetector | None = None, model: CrisisModel | None = None) -> None:
        self._detector = detector or shared_detector()
        self.model = model or shared_model()

    def assess(self, text: str) -> Verdict:
        """The verdict on one (normalised) message; button payloads ("/...") and blank text are no crisis."""
        language = reply_language(text)
        if not text or not text.strip() or text.lstrip().startswith("/"):
            return Verdict(None, NEITHER, language)
        finding = self._detector.find(text)
        opinion = self.model.opinion(text, finding.signals)
        model_says = self.model.flags(opinion)
        if finding.kind is not None and finding.intent:
            return Verdict(finding.kind, BOTH if model_says else RULES, language)
        if model_says:
            return Verdict(finding.kind or opinion.kind, BOTH if finding.kind else MODEL, language)
        return Verdict(None, NEITHER, language)


_shared: CrisisAssessor | None = None


def shared_assessor() -> CrisisAssessor:
    """Both layers on the shared detector and model (built on first use)."""
    global _shared
    if _shared is None:
        _shared = CrisisAssessor()
    return _shared

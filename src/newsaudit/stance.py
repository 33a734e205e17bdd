"""Pieces of headline–body stance shared by ``headline.v4`` and its training script.

The stance head reads the headline with a short excerpt of the body: the lead sentence and the
sentences that share most words with the headline, in body order. The same function builds the
excerpt at training time (FNC-1) and at run time, so the model sees what it was trained on.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

from newsaudit.resources import stopwords

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
EXCERPT_SENTENCES = 3
EXCERPT_CHARS = 700


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'protests' with 'protesting' across headline and body."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of a text (kept for the last texts seen: stage 1 and the excerpt
    both read every sentence of the body)."""
    stop = stopwords()
    return frozenset(stem(w) for w in WORD.findall(text.lower()) if w not in stop and len(w) > 1)


def bigrams(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(itertools.pairwise(words))


FEATURES = (
    "any",
    "best_sentence",
    "second_sentence",
    "lead",
    "bigrams",
    "log_length",
    "any_x_best",
    "idf_any",
    "idf_best_sentence",
    "idf_second_sentence",
    "idf_lead",
    "idf_max_missing",
    "missing",
    "idf_top3",
    "content_bigrams",
    "idf_first_sentence",
    "log_sentences",
    "idf_mean",
)


class Rarity:
    """How rare a (stemmed) content word is among news bodies: an inverse document frequency table
    built from FNC-1 train bodies (``training/relatedness.py``). A headline whose rare words the body
    lacks is rarely about the same story, however many common words they share."""

    def __init__(self, frequencies: dict[str, int], documents: int) -> None:
        self.frequencies, self.documents = frequencies, documents
        self._unseen = math.log(documents + 1) + 1.0

    def __call__(self, word: str) -> float:
        df = self.frequencies.get(word)
        return self._unseen if df is None else math.log((self.documents + 1) / (df + 1)) + 1.0

    def mass(self, words: frozenset[str]) -> float:
        return sum(map(self, words))


def relatedness_features(headline: str, sentences: Sequence[str], rarity: Rarity | None = None) -> list[float]:
    """How much of the headline the body talks about (features of the related/unrelated head): shares
    of the headline's content words found in the body, its best sentences and its lead, plain and
    weighted by rarity (``rarity``: the shipped table unless given, as in training)."""
    rarity = rarity or shipped_rarity()
    words = content_words(headline)
    n = max(len(words), 1)
    body = " ".join(sentences)
    sentence_words = [content_words(s) for s in sentences]
    body_words = frozenset().union(*sentence_words)  # = content_words(body): no word spans the joining space
    any_share = len(words & body_words) / n
    per_sentence = [*sorted((len(words & s) / n for s in sentence_words), reverse=True), 0.0, 0.0]
    lead_words = set().union(*sentence_words[:2])
    lead = len(words & lead_words) / n
    head_bigrams = bigrams(headline)
    body_bigrams = bigrams(body)
    bigram_share = len(head_bigrams & body_bigrams) / max(len(head_bigrams), 1)
    stop = stopwords()
    content_pairs = {b for b in head_bigrams if not (b[0] in stop and b[1] in stop)}
    content_share = len(content_pairs & body_bigrams) / max(len(content_pairs), 1)
    total = rarity.mass(words) or 1.0
    weighted = [*sorted((rarity.mass(words & s) / total for s in sentence_words), reverse=True), 0.0, 0.0]
    top3 = sorted(sentence_words, key=lambda s: -rarity.mass(words & s))[:3]
    missing = [rarity(w) for w in words - body_words]
    return [
        any_share,
        per_sentence[0],
        per_sentence[1],
        lead,
        bigram_share,
        math.log1p(len(words)),
        any_share * per_sentence[0],
        rarity.mass(words & body_words) / total,
        weighted[0],
        weighted[1],
        rarity.mass(words & lead_words) / total,
        max(missing, default=0.0) / 10,
        float(len(missing)),
        rarity.mass(words & set().union(*top3)) / total,
        content_share,
        rarity.mass(words & sentence_words[0]) / total if sentence_words else 0.0,
        math.log1p(len(sentences)),
        total / n / 10,
    ]


@cache
def _related_model() -> dict[str, object]:
    text = resources.files("newsaudit.data").joinpath("models").joinpath("related.json").read_text(encoding="utf-8")
    model: dict[str, object] = json.loads(text)
    return model


@cache
def shipped_rarity() -> Rarity:
    model = _related_model()
    frequencies, documents = model["document_frequencies"], model["documents"]
    assert isinstance(frequencies, dict) and isinstance(documents, int)
    return Rarity(frequencies, documents)


def related_probability(headline: str, sentences: Sequence[str]) -> float:
    """Probability that the body is about the headline's topic (FNC-1 related vs. unrelated)."""
    model = _related_model()
    weights = model["coef"]
    assert isinstance(weights, list)
    z = float(model["intercept"]) + sum(  # type: ignore[arg-type]
        w * x for w, x in zip(weights, relatedness_features(headline, sentences), strict=True)
    )
    return 1.0 / (1.0 + math.exp(-z))


def related_threshold() -> float:
    return float(_related_model()["threshold"])  # type: ignore[arg-type]


def overlap(headline_words: frozenset[str], sentence: str) -> float:
    """Share of the headline's content words found in the sentence."""
    if not headline_words:
        return 0.0
    return len(headline_words & content_words(sentence)) / len(headline_words)


def ranked(headline: str, sentences: Sequence[str]) -> list[tuple[int, float]]:
    """Sentence indices by overlap with the headline, best first (ties: earlier first)."""
    words = content_words(headline)
    scores = [(i, overlap(words, s)) for i, s in enumerate(sentences)]
    return sorted(scores, key=lambda x: (-x[1], x[0]))


def excerpt(headline: str, sentences: Sequence[str]) -> tuple[str, list[int]]:
    """The body text the stance head reads, and the indices of the sentences in it."""
    if not sentences:
        return "", []
    chosen = {0}
    for index, score in ranked(headline, sentences):
        if len(chosen) > EXCERPT_SENTENCES:
            break
        if score > 0:
            chosen.add(index)
    order = sorted(chosen)
    text = " ".join(sentences[i].strip() for i in order)
    return text[:EXCERPT_CHARS], order

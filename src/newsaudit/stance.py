"""Pieces of headline–body stance shared by ``headline.v1`` and its training script.

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


def content_words(text: str) -> set[str]:
    stop = stopwords()
    return {stem(w) for w in WORD.findall(text.lower()) if w not in stop and len(w) > 1}


def bigrams(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(itertools.pairwise(words))


FEATURES = ("any", "best_sentence", "second_sentence", "lead", "bigrams", "log_length", "any_x_best")


def relatedness_features(headline: str, sentences: Sequence[str]) -> list[float]:
    """How much of the headline the body talks about (features of the related/unrelated head)."""
    words = content_words(headline)
    n = max(len(words), 1)
    body = " ".join(sentences)
    any_share = len(words & content_words(body)) / n
    per_sentence = [*sorted((len(words & content_words(s)) / n for s in sentences), reverse=True), 0.0, 0.0]
    lead = len(words & content_words(" ".join(sentences[:2]))) / n
    head_bigrams = bigrams(headline)
    bigram_share = len(head_bigrams & bigrams(body)) / max(len(head_bigrams), 1)
    return [
        any_share,
        per_sentence[0],
        per_sentence[1],
        lead,
        bigram_share,
        math.log1p(len(words)),
        any_share * per_sentence[0],
    ]


@cache
def _related_model() -> dict[str, object]:
    text = resources.files("newsaudit.data").joinpath("models").joinpath("related.json").read_text(encoding="utf-8")
    model: dict[str, object] = json.loads(text)
    return model


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


def overlap(headline_words: set[str], sentence: str) -> float:
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

"""Per-sentence scores without a whole article, for researchers."""

from __future__ import annotations

from newsaudit.analyzers.claims import checkworthy_scores
from newsaudit.analyzers.framing import sentence_scores


def score_sentences(sentences: list[str]) -> list[dict[str, float]]:
    """The scores framing.v1 and claims.v1 give each sentence: ``biased``, ``subjective``,
    ``speculative`` and ``checkworthy``, each in 0..1 (the same numbers as in a report)."""
    checkworthy = checkworthy_scores(sentences)
    return [{**scores, "checkworthy": c} for scores, c in zip(sentence_scores(sentences), checkworthy, strict=True)]

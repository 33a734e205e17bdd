"""Per-sentence scores without a whole article, for researchers."""

from __future__ import annotations

from newsaudit.analyzers.claims import checkworthy_scores
from newsaudit.analyzers.framing import sentence_scores
from newsaudit.options import Options


def score_sentences(sentences: list[str], *, options: Options | None = None) -> list[dict[str, float]]:
    """The scores framing.v1 and claims.v1 give each sentence: ``biased``, ``subjective``,
    ``speculative`` and ``checkworthy``, each in 0..1 (the same numbers as in a report made with the
    same ``options``: ``profile="fast"`` scores check-worthiness with the linear head, not the
    transformer)."""
    options = options or Options()
    checkworthy = checkworthy_scores(sentences, fast=options.profile == "fast")
    return [{**scores, "checkworthy": c} for scores, c in zip(sentence_scores(sentences), checkworthy, strict=True)]

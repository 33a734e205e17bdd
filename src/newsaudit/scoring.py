"""Per-sentence scores without a whole article, for researchers."""

from __future__ import annotations

from newsaudit.analyzers.claims import checkworthy_scores
from newsaudit.analyzers.framing import sentence_scores
from newsaudit.options import Options


def score_sentences(sentences: list[str], *, options: Options | None = None) -> list[dict[str, float]]:
    """The scores framing.v6 and claims.v5 give each sentence: ``biased``, ``subjective``,
    ``speculative`` and ``checkworthy``, each in 0..1 (the same numbers as in a report made with the
    same ``options``: ``profile="fast"`` scores bias and check-worthiness with the linear heads,
    not the sentence transformer)."""
    options = options or Options()
    fast = options.profile == "fast"
    checkworthy = checkworthy_scores(sentences, fast=fast, threads=options.threads)
    framing = sentence_scores(sentences, fast=fast, threads=options.threads)
    return [{**scores, "checkworthy": c} for scores, c in zip(framing, checkworthy, strict=True)]

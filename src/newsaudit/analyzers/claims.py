"""``claims.v5``: what a fact-checker should look at first.

Each sentence gets a ``checkworthy`` score — from the shipped fine-tuned MiniLM head run with
onnxruntime (``data/models/sentence-minilm``, which also gives framing.v6 its bias score), or the
linear head (TF-IDF stacked with static token vectors, ``newsaudit.textmodel``) in the ``fast``
profile or when that file is absent — and a rank.

A fragment with fewer than ``STATEMENT_WORDS`` words of letters (a vote count "(288)", a price
line "S : 40,000₩", a phone number, a reference "2015; 28: 685-690.") is no claim and scores 0.
The heads, trained on whole statements, score such lines at random, often above 0.9. No sentence
labelled check-worthy in ClaimBuster or CLEF 2019 is that short.

Sentences above ``CHECKWORTHY_THRESHOLD`` become findings, strongest first, each naming the
attribution it rests on (from ``attribution.v6``) or saying that the author makes the claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsaudit import onnxhead, textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.model import Attribution, Document, Finding
from newsaudit.options import Options

NAME = "claims.v5"
CHECKWORTHY_THRESHOLD = 0.6  # findings only above this; every sentence keeps its score and rank
STATEMENT_WORDS = 3
WORD_RE = re.compile(r"[^\W\d_]{2,}")  # a word of two or more letters, in any script


def is_fragment(sentence: str) -> bool:
    """Too few words to state anything a fact-checker could verify."""
    return len(WORD_RE.findall(sentence)) < STATEMENT_WORDS


def checkworthy_scores(sentences: list[str], *, fast: bool = False, threads: int = 1) -> list[float]:
    """Check-worthiness of each sentence, 0..1, and 0 for a fragment (``fast``: the linear head
    only; ``threads``: see ``framing.sentence_scores``)."""
    if not sentences:
        return []
    transformer = None if fast else onnxhead.sentence_scores(sentences, threads=threads)
    if transformer is not None:
        scores = [scores["checkworthy"] for scores in transformer]
    else:
        scores = [round(p, 4) for p in textmodel.load("checkworthy").probabilities(sentences)]
    return [0.0 if is_fragment(s) else score for s, score in zip(sentences, scores, strict=True)]


@register
class ClaimsAnalyzer:
    name = "claims"
    version = 5
    requires: tuple[str, ...] = ("attribution",)
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        attributions = upstream["attribution"].attributions if "attribution" in upstream else ()
        scores = checkworthy_scores(
            [doc.text[s.start : s.end] for s in doc.sentences], fast=options.profile == "fast", threads=options.threads
        )
        scored = [(score, i) for i, score in enumerate(scores)]
        ranking = {i: rank for rank, (_, i) in enumerate(sorted(scored, key=lambda x: (-x[0], x[1])), start=1)}
        labels: dict[int, dict[str, object]] = {}
        findings = []
        for score, i in scored:
            labels[i] = {"checkworthy": score, "checkworthy_rank": ranking[i]}
            if score < CHECKWORTHY_THRESHOLD:
                continue
            s = doc.sentences[i]
            rests_on = _rests_on(s.start, s.end, attributions)
            reason = f"check-worthy claim (score {score:.2f}, rank {ranking[i]}); " + (
                f"rests on {rests_on}" if rests_on else "the author's own claim"
            )
            findings.append(Finding(NAME, "checkworthy", s.start, s.end, score, reason))
        return AnalyzerOutput(findings=tuple(findings), sentence_labels=labels)


def _rests_on(start: int, end: int, attributions: tuple[Attribution, ...]) -> str | None:
    for a in attributions:
        if (a.content.start < end and start < a.content.end) or start <= a.cue.start < end:
            via = f" via {', '.join(v.name for v in a.via)}" if a.via else ""
            return f"{a.source.name} ({a.source.kind}){via}"
    return None

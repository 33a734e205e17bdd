"""``claims.v1``: what a fact-checker should look at first.

Each sentence gets a ``checkworthy`` score (the shipped linear head, trained on ClaimBuster)
and a rank; sentences above ``CHECKWORTHY_THRESHOLD`` become findings, strongest first, each
naming the attribution it rests on (from ``attribution.v1``) or saying that the author makes
the claim.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsaudit import textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.model import Attribution, Document, Finding
from newsaudit.options import Options

NAME = "claims.v1"
CHECKWORTHY_THRESHOLD = 0.6  # findings only above this; every sentence keeps its score and rank


def checkworthy_score(sentence: str) -> float:
    return round(textmodel.load("checkworthy").probability(sentence), 4)


@register
class ClaimsAnalyzer:
    name = "claims"
    version = 1
    requires: tuple[str, ...] = ("attribution",)
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        attributions = upstream["attribution"].attributions if "attribution" in upstream else ()
        scored = [(checkworthy_score(doc.text[s.start : s.end]), i) for i, s in enumerate(doc.sentences)]
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

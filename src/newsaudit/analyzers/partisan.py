"""``hyperpartisan.v1``: an article-level signal — does the whole article argue one side in an extreme way?

The shipped linear head ``hyperpartisan`` (SemEval-2019 Task 4 by-article data; TF-IDF + logistic
regression, like the sentence heads) scores the title and text together. Evidence, when the article
scores as hyperpartisan: the three sentences that score highest when read alone, each a finding
with its own score. A signal about framing, not a
verdict about the outlet or the facts.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsaudit import textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.model import Document, Finding
from newsaudit.options import Options

NAME = "hyperpartisan.v1"
EVIDENCE = 3
ARTICLE_THRESHOLD = 0.5  # evidence is shown when the article scores as hyperpartisan


@register
class HyperpartisanAnalyzer:
    name = "hyperpartisan"
    version = 1
    requires: tuple[str, ...] = ()
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        model = textmodel.load("hyperpartisan")
        score = round(model.probability((doc.title or "") + "\n" + doc.text), 4)
        evidence = []
        if score >= ARTICLE_THRESHOLD:  # sentences are scored only when there is a signal to explain
            scores = model.probabilities([doc.text[s.start : s.end] for s in doc.sentences])
            evidence = sorted(zip(scores, doc.sentences, strict=True), key=lambda x: -x[0])[:EVIDENCE]
        findings = tuple(
            Finding(
                NAME,
                "hyperpartisan_evidence",
                s.start,
                s.end,
                round(p, 4),
                f"among the sentences that most drive the article's hyperpartisan score ({score:.2f}); "
                f"alone it scores {p:.2f}",
            )
            for p, s in evidence
        )
        signal = {
            "score": score,
            "label": "hyperpartisan" if score >= ARTICLE_THRESHOLD else "not hyperpartisan",
            "evidence": [{"start": s.start, "end": s.end, "score": round(p, 4)} for p, s in evidence],
            "model": "hyperpartisan (SemEval-2019 Task 4 by-article; see its model card)",
            "note": "trained on political news: off-topic pages in a personal voice (reviews, lifestyle) score high",
        }
        return AnalyzerOutput(findings=findings, signals={"hyperpartisan": signal})

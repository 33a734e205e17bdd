"""``hyperpartisan.v3``: an article-level signal — does the whole article argue one side in an extreme way?

The shipped linear head ``hyperpartisan`` (SemEval-2019 Task 4 by-article data; TF-IDF + logistic
regression, like the sentence heads) scores the title and text together. In the full profile a
second logistic regression (``hyperpartisan_stack.json``, ``training/hyperpartisan_stack.py``) reads
that score with how the article's sentences score (bias, subjectivity, speculation and
check-worthiness from framing.v6 and claims.v5: mean, maximum, top five, share above 0.8), a few
style counts and the title's bias and subjectivity. Evidence, when the article scores as
hyperpartisan: the three sentences the linear head scores highest when read alone, each a finding
with its own score. A signal about framing, not a verdict about the outlet or the facts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from newsaudit import onnxhead, textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.model import Document, Finding
from newsaudit.options import Options

NAME = "hyperpartisan.v3"
EVIDENCE = 3
ARTICLE_THRESHOLD = 0.5  # evidence is shown when the article scores as hyperpartisan
SENTENCE_SCORES = ("biased", "subjective", "speculative", "checkworthy")
PERSONAL = re.compile(r"\b(I|we|you|our|my|us)\b", re.IGNORECASE)


def article_features(text: str, scores: Sequence[Mapping[str, float]], title: Mapping[str, float]) -> list[float]:
    """The stack's features (names in ``hyperpartisan_stack.json``) besides the linear head's score:
    for each sentence score its mean, maximum, mean of the top five and share above 0.8; then '!'
    and '?' and quotation marks per sentence, the share of all-capital words and of first- and
    second-person words, log word count; then the title's ``biased`` and ``subjective``."""
    out: list[float] = []
    for key in SENTENCE_SCORES:
        values = sorted((s[key] for s in scores), reverse=True) or [0.0]
        top = values[:5]
        out += [sum(values) / len(values), values[0], sum(top) / len(top), sum(v > 0.8 for v in values) / len(values)]
    words = text.split()
    n, sentences = max(len(words), 1), max(len(scores), 1)
    out += [
        text.count("!") / sentences,
        text.count("?") / sentences,
        sum(w.isupper() and len(w) > 2 for w in words) / n,
        sum(text.count(q) for q in '"“”') / sentences,
        len(PERSONAL.findall(text)) / n,
        math.log1p(len(words)),
        title["biased"],
        title["subjective"],
    ]
    return out


@cache
def _stack() -> dict[str, object] | None:
    folder = resources.files("newsaudit.data").joinpath("models")
    if not folder.joinpath("hyperpartisan_stack.json").is_file():
        return None
    model: dict[str, object] = json.loads(folder.joinpath("hyperpartisan_stack.json").read_text(encoding="utf-8"))
    return model


def stacked_probability(linear: float, features: Sequence[float]) -> float:
    """The stack's probability from the linear head's and the article features."""
    model = _stack()
    assert model is not None
    mean, scale, coef = model["mean"], model["scale"], model["coef"]
    assert isinstance(mean, list) and isinstance(scale, list) and isinstance(coef, list)
    p = min(max(linear, 1e-4), 1 - 1e-4)
    values = [math.log(p / (1 - p))] + [(x - m) / s for x, m, s in zip(features, mean, scale, strict=True)]
    z = float(model["intercept"]) + sum(w * v for w, v in zip(coef, values, strict=True))  # type: ignore[arg-type]
    return 1.0 / (1.0 + math.exp(-z))


@register
class HyperpartisanAnalyzer:
    name = "hyperpartisan"
    version = 3
    requires: tuple[str, ...] = ("framing", "claims")
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        model = textmodel.load("hyperpartisan")
        linear = model.probability((doc.title or "") + "\n" + doc.text)
        score, described = round(linear, 4), "the linear head (fast profile or no stack installed)"
        if options.profile != "fast" and _stack() is not None and onnxhead.available(onnxhead.SENTENCE_HEAD):
            from newsaudit.scoring import score_sentences

            labels = [upstream[name].sentence_labels for name in ("framing", "claims") if name in upstream]
            per_sentence = [
                {k: float(v) for d in labels for k, v in d.get(i, {}).items() if isinstance(v, int | float)}
                for i in range(len(doc.sentences))
            ]
            if all(set(SENTENCE_SCORES) <= set(s) for s in per_sentence):
                title = score_sentences([doc.title or "x"], options=options)[0]
                score = round(stacked_probability(linear, article_features(doc.text, per_sentence, title)), 4)
                described = f"the linear head ({linear:.2f}) read with the article's sentence scores (full profile)"
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
            "model": f"hyperpartisan (SemEval-2019 Task 4 by-article; see its model card): {described}",
            "note": "trained on political news: off-topic pages in a personal voice (reviews, lifestyle) score high",
        }
        return AnalyzerOutput(findings=findings, signals={"hyperpartisan": signal})

"""``headline.v4``: how strongly the title baits clicks, and whether the body supports it.

- ``clickbait``: the stronger of two parts, both 0..1 and both in ``clickbait_parts``:
  - ``style``: the shipped linear head ``clickbait`` (Chakraborty et al. 2016 headlines, each
    also re-cased; case-sensitive TF-IDF + logistic regression): teasers, listicles, second person;
  - ``misleading``: loaded wording the body does not back (Biyani et al. 2016's "inflammatory" and
    "bait-and-switch" kinds of clickbait): the chance that the body is not about what the headline
    says (stage 1 below) times the title's ``biased`` score (framing.v6's sentence score), counted
    only when that score reaches the bar at which framing calls a sentence biased
    (``FINDING_THRESHOLDS["biased"]``, 0.8; the bias head reads short fragments such as "About
    bugs" at 0.6–0.7). Both must be high for it to be: a loaded title over a body that covers it,
    or a plain title over an unrelated body, stays low.
- ``support``: two stages trained on FNC-1. Stage 1 (``related.json``): is the body about what
  the headline says at all (shares of its words found in the body, plain and weighted by how rare
  each word is in news bodies; logistic regression)? If not, ``unsupported``.
  Stage 2 (``stance-minilm``, an int8 ONNX cross-encoder): does the body agree with (``supported``),
  discuss (``partly``) or disagree with (``contradicted``) the headline? The evidence is the body
  sentences the stance head read, each with how much of the headline it shares.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsaudit import onnxhead, stance, textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.analyzers.framing import FINDING_THRESHOLDS, sentence_scores
from newsaudit.model import Document
from newsaudit.options import Options

NAME = "headline.v4"
STANCE_HEAD = "stance-minilm"
STANCE_LABELS = ("agree", "disagree", "discuss")
SUPPORT = {"agree": "supported", "disagree": "contradicted", "discuss": "partly", "unrelated": "unsupported"}
STANCE_TOKENS = 128


@register
class HeadlineAnalyzer:
    name = "headline"
    version = 4
    requires: tuple[str, ...] = ()
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        title = (doc.title or "").strip()
        if not title:
            return AnalyzerOutput(headline={"text": None, "note": "no title found: no headline signals"})
        sentences = [doc.text[s.start : s.end] for s in doc.sentences]
        style = round(textmodel.load("clickbait").probability(title), 4)
        related = stance.related_probability(title, sentences)
        loaded = sentence_scores([title], fast=options.profile == "fast")[0]["biased"]
        misleading = round((1 - related) * loaded, 4) if loaded >= FINDING_THRESHOLDS["biased"] else 0.0
        excerpt, chosen = stance.excerpt(title, sentences)
        probabilities: dict[str, float] = {"unrelated": round(1 - related, 4)}
        if related < stance.related_threshold():
            label = "unrelated"
            reason = f"the body shares little with the headline (related {related:.2f})"
        elif options.profile != "fast" and onnxhead.available(STANCE_HEAD):
            dist = onnxhead.load(STANCE_HEAD, STANCE_TOKENS).distributions([(title, excerpt)])[0]
            probabilities.update({k: round(related * p, 4) for k, p in zip(STANCE_LABELS, dist, strict=True)})
            label = STANCE_LABELS[max(range(len(dist)), key=dist.__getitem__)]
            reason = (
                f"the body {'discusses' if label == 'discuss' else label + 's with'} the headline (p {max(dist):.2f})"
            )
        else:
            label = "discuss"
            reason = "related body counted as 'partly' (stance model not run: fast profile or not installed)"
        words = stance.content_words(title)
        evidence = []
        for i in chosen:
            s = doc.sentences[i]
            share = stance.overlap(words, sentences[i])
            if share > 0:
                evidence.append({"start": s.start, "end": s.end, "text": sentences[i], "overlap": round(share, 3)})
        headline = {
            "text": title,
            "clickbait": max(style, misleading),
            "clickbait_parts": {"style": style, "misleading": misleading},
            "clickbait_reason": _clickbait_reason(style, misleading, loaded, related),
            "support": SUPPORT[label],
            "stance": label,
            "stance_probabilities": probabilities,
            "reason": reason,
            "evidence": evidence,
        }
        return AnalyzerOutput(headline=headline)


def _clickbait_reason(style: float, misleading: float, loaded: float, related: float) -> str:
    if misleading > style:
        return (
            f"misleading: loaded wording (bias {loaded:.2f}) over a body that does not back it (related {related:.2f})"
        )
    return f"style: teaser, listicle or second-person wording ({style:.2f})"

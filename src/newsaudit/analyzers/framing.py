"""``framing.v6``: how it is said — bias, subjectivity, speculation and loaded words.

Per sentence (``sentences[i]``): ``biased`` from the shipped sentence transformer
(``onnxhead.SENTENCE_HEAD``, int8 ONNX), and ``subjective`` from a logistic head on that same
pass's pooled vector (``onnxhead.SUBJECTIVE_HEAD``: its CheckThat! data is non-commercial, so it
trains only that small head, never the shared encoder); in the ``fast`` profile both from linear
heads (``newsaudit.textmodel``: TF-IDF stacked with static token vectors); model cards in
``data/models``.
``speculative`` from hedge cues (``data/hedges.tsv``). Findings, each with a span and a reason:

- ``biased`` / ``subjective``: sentences whose score passes ``FINDING_THRESHOLDS`` (every
  sentence keeps its scores either way);
- ``speculative``: each hedge cue outside quotations ("seems", "may", "will eventually");
- ``loaded_language``: words BABE's experts often marked as biased (``data/loaded_words.tsv``),
  and words they marked less often (``data/loaded_words_gated.tsv``) in a sentence whose ``biased``
  score reaches ``GATED_BIAS``;
- ``propaganda``: spans of the SemEval-2020 Task 11 techniques (``newsaudit.propaganda``), shown only
  for techniques whose precision on PTC dev reaches ``Options.propaganda_min_precision`` (0.7). In the
  full profile the span tagger also reads the sentence transformer's token states from the same pass
  (``onnxhead.sentence_states``; PTC dev SI F1 0.282 → 0.360).

Words inside quotation marks or inside content attributed to a source (``attribution.v6``)
belong to that source, not to the author, so hedges and loaded words there are not reported as
the author's framing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from newsaudit import onnxhead, phrases, propaganda, stateheads, textmodel
from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.analyzers.attribution.quotes import find_quotes
from newsaudit.model import Document, Finding
from newsaudit.options import Options
from newsaudit.resources import stopwords, table

NAME = "framing.v6"
# Score from which a sentence becomes a finding. BABE is about half biased by design, so its heads
# read everyday news the same way: at 0.5 they flag 51–52% of the 7,692 sentences of the 181 real
# benchmark pages, at 0.8 11–13%, where their precision on held-out BABE is 0.86 (sentence-minilm,
# fixed 20%; 0.81 at 0.5) and 0.86 (linear head, 5-fold CV). Subjectivity flags 24–25% at 0.5
# (either profile's head) and keeps it.
FINDING_THRESHOLDS = {"biased": 0.8, "subjective": 0.5}
SPECULATIVE_THRESHOLD = 0.5  # hedge weight above which a sentence counts as speculative
# A word of the gated list is loaded language only in a sentence at least this biased: the list has
# topic words that one charged BABE sentence made "biased" ("eating", "cells"). Chosen on BABE's
# held-out 20% and the 181 real pages (BENCHMARKS.md, "Loaded-language lexicon").
GATED_BIAS = 0.9
# The full profile's loaded-language head over the sentence model's token states
# (``training/loaded_states.py``): the words it reads, as in training (on the lowercased sentence).
LOADED_HEAD = "loaded-states"
STATE_WORD = re.compile(r"[a-z][a-z'’-]+")


@cache
def _hedges() -> tuple[phrases.PhraseIndex, dict[str, tuple[str, float]]]:
    rows = {" ".join(row[0].lower().split()): (row[1], float(row[2])) for row in table("hedges.tsv") if len(row) == 3}
    return phrases.PhraseIndex(rows), rows


@cache
def _loaded() -> tuple[phrases.PhraseIndex, dict[str, tuple[int, int, bool]]]:
    """Both lexicons in one index: word -> (sentences marked, sentences seen, gated)."""
    rows: dict[str, tuple[int, int, bool]] = {}
    for name, gated in (("loaded_words_gated.tsv", True), ("loaded_words.tsv", False)):
        rows.update({row[0].lower(): (int(row[1]), int(row[2]), gated) for row in table(name) if len(row) == 3})
    return phrases.PhraseIndex(rows), rows


def loaded_words(sentence: str, biased: float) -> list[tuple[int, int, float, str]]:
    """Loaded words in a sentence (offsets relative to it), each with a score and a reason; words
    of the gated list only when the sentence's ``biased`` score reaches ``GATED_BIAS``."""
    index, rows = _loaded()
    out = []
    for start, end, word in index.find(sentence):
        if word[0].isupper():
            continue  # a capitalised word is a name or a title's
        marked, seen, gated = rows[word.lower()]
        reason = f"BABE's experts marked '{word}' as biased in {marked} of {seen} sentences"
        if not gated:
            out.append((start, end, marked / seen, reason))
        elif biased >= GATED_BIAS:  # few marks: smoothed ("1 of 1" is not certainty), times the sentence's bias
            reason += f"; this sentence scores {biased:.2f} biased"
            out.append((start, end, round((marked + 1) / (seen + 2) * biased, 4), reason))
    return out


def state_candidate(word: str) -> bool:
    """A word the loaded-language state head may flag: not a function word, not capitalised (a name
    or a title's word)."""
    return not word[:1].isupper() and word.lower() not in stopwords()


def loaded_from_states(
    sentences: Sequence[tuple[int, str]],
    states: Sequence[onnxhead.TokenStates],
    head: stateheads.StateHead | None = None,
) -> list[list[tuple[int, int, float, str]]]:
    """For each sentence (its start in the text, its text, its token states), the words the full
    profile's loaded-language head (``head``: the installed one unless given) reads as loaded, with
    offsets relative to the sentence, a score and a reason. One pass over the whole article."""
    head = head or stateheads.load(LOADED_HEAD)
    if head is None:
        return [[] for _ in sentences]
    found = [list(STATE_WORD.finditer(text.lower())) for _, text in sentences]
    bounds = [
        (start + m.start(), start + m.end()) for (start, _), words in zip(sentences, found, strict=True) for m in words
    ]
    located = [(start, token_states) for (start, _), token_states in zip(sentences, states, strict=True)]
    probabilities = iter(head.probabilities(bounds, located)[0].tolist())
    out = []
    for (_, text), words in zip(sentences, found, strict=True):
        row = []
        for m, p in zip(words, probabilities, strict=False):  # the one iterator runs on across sentences
            word = text[m.start() : m.end()]
            if p >= head.threshold and state_candidate(word):
                reason = f"'{word}' reads as loaded here ({p:.2f}; the loaded-language head, from BABE's word marks)"
                row.append((m.start(), m.end(), round(p, 4), reason))
        out.append(row)
    return out


def speculative_score(sentence: str) -> tuple[float, list[tuple[int, int, str, float]]]:
    """Hedge cues in a sentence (offsets relative to it) and the sentence's score (the strongest cue)."""
    index, rows = _hedges()
    cues = []
    for start, end, found in index.find(sentence):
        if found[0].isupper() and start > 0:
            continue  # "in May", "Probably Not" (a title): not a hedge
        kind, weight = rows[" ".join(found.lower().split())]
        cues.append((start, end, kind, weight))
    return max((c[3] for c in cues), default=0.0), cues


def sentence_scores(sentences: list[str], *, fast: bool = False, threads: int = 1) -> list[dict[str, float]]:
    """``biased``, ``subjective`` and ``speculative`` for each sentence (the heads run once over all;
    ``fast``: bias from the linear head, not the sentence transformer; ``threads``: how many
    sentences the transformer runs at once, which does not change the scores)."""
    return [scores for scores, _ in _scored(sentences, fast=fast, threads=threads)]


def _scored(
    sentences: list[str], *, fast: bool = False, threads: int = 1
) -> list[tuple[dict[str, float], list[tuple[int, int, str, float]]]]:
    """Each sentence's scores and its hedge cues (found once, for both)."""
    if not sentences:
        return []
    transformer = None if fast else onnxhead.sentence_scores(sentences, threads=threads)
    if transformer is not None:
        biased = [scores["biased"] for scores in transformer]
    else:
        biased = textmodel.load("biased").probabilities(sentences)
    if transformer is not None and "subjective" in transformer[0]:
        subjective = [scores["subjective"] for scores in transformer]
    else:
        subjective = textmodel.load("subjective").probabilities(sentences)
    out = []
    for text, b, s in zip(sentences, biased, subjective, strict=True):
        speculative, cues = speculative_score(text)
        out.append(({"biased": round(b, 4), "subjective": round(s, 4), "speculative": round(speculative, 4)}, cues))
    return out


@register
class FramingAnalyzer:
    name = "framing"
    version = 6
    requires: tuple[str, ...] = ("attribution",)
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        text = doc.text
        others = [(q.start, q.end) for q in find_quotes(text, doc.paragraphs)]
        if "attribution" in upstream:
            others += [(a.content.start, a.content.end) for a in upstream["attribution"].attributions]

        def quoted(position: int) -> bool:
            """Inside a quotation or attributed content: someone else's words."""
            return any(start <= position < end for start, end in others)

        findings: list[Finding] = []
        labels: dict[int, dict[str, object]] = {}
        sentences = [text[s.start : s.end] for s in doc.sentences]
        scored = _scored(sentences, fast=options.profile == "fast", threads=options.threads)
        states = None if options.profile == "fast" else onnxhead.sentence_states(sentences, threads=options.threads)
        from_states = (
            loaded_from_states([(s.start, t) for s, t in zip(doc.sentences, sentences, strict=True)], states)
            if states is not None
            else None
        )
        for index, (s, sentence, (scores, cues)) in enumerate(
            zip(
                doc.sentences,
                sentences,
                scored,
                strict=True,
            )
        ):
            labels[index] = dict(scores)
            for label, model in (("biased", "BABE"), ("subjective", "CheckThat!")):
                if scores[label] >= FINDING_THRESHOLDS[label]:
                    reason = f"sentence scored {scores[label]:.2f} by the {label} head (trained on {model})"
                    findings.append(Finding(NAME, label, s.start, s.end, scores[label], reason))
            for start, end, kind, weight in cues:
                if weight >= SPECULATIVE_THRESHOLD and not quoted(s.start + start):
                    reason = f"{kind} cue '{sentence[start:end]}': the author speculates or hedges"
                    findings.append(Finding(NAME, "speculative", s.start + start, s.start + end, weight, reason))
            loaded = loaded_words(sentence, scores["biased"])
            if from_states is not None:  # the state head's words outside the lexicon's phrases
                lexicon = [(a, b) for a, b, _, _ in loaded]
                loaded += [w for w in from_states[index] if not any(a < w[1] and w[0] < b for a, b in lexicon)]
            for start, end, score, reason in loaded:
                if not quoted(s.start + start):  # quoted words are the source's
                    findings.append(Finding(NAME, "loaded_language", s.start + start, s.start + end, score, reason))
        located = None if states is None else [(s.start, st) for s, st in zip(doc.sentences, states, strict=True)]
        findings += propaganda_findings(text, quoted, options.propaganda_min_precision, located)
        return AnalyzerOutput(findings=tuple(findings), sentence_labels=labels)


def propaganda_findings(
    text: str,
    quoted: Callable[[int], bool],
    min_precision: float,
    sentences: Sequence[tuple[int, onnxhead.TokenStates]] | None = None,
) -> list[Finding]:
    """Propaganda-technique spans in the author's own words, for techniques precise enough on PTC dev
    (``sentences``: each sentence's start and token states, for the full profile's state head)."""
    if not propaganda.available():
        return []
    model = propaganda.load()
    out = []
    spans = [(start, end, score) for start, end, score in model.spans(text, sentences) if not quoted(start)]
    ranked = model.techniques_many(text, [(start, end) for start, end, _ in spans])
    for (start, end, span_score), techniques in zip(spans, ranked, strict=True):
        technique, p = techniques[0]
        precision = model.precision.get(technique, 0.0)
        if precision < min_precision:
            continue
        reason = (
            f"{technique.replace('_', ' ')} (span {span_score:.2f}, technique {p:.2f}; this technique's precision "
            f"on PTC dev is {precision:.2f})"
        )
        out.append(Finding(NAME, "propaganda", start, end, round(span_score * p, 4), reason))
    return out

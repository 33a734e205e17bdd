"""Loaded-language spans (``framing.v6``) against human word- and span-level marks, token F1.

framing.v6 flags a word of the short list (``loaded_words.tsv``) anywhere, and a word of the gated
list (``loaded_words_gated.tsv``) only in a sentence whose ``biased`` score reaches
``framing.GATED_BIAS``: the lexicon, all the fast profile has. The full profile adds the words its
state head flags (``training/loaded_states.py``). Each figure is given for the full profile, the
lexicon and the short list alone.

- BABE SG2 ``biased_words``: the fixed held-out 20% (seed 13, as for the sentence model, which never
  saw these sentences); both lists and the state head are rebuilt from the other 80% with the
  shipped recipes (``training/loaded_words.py``, ``training/loaded_states.py``; the threshold is the
  shipped one), so no sentence is scored by a model built from it.
- BASIL lexical-bias spans (``bias == "lex"``, 480 spans in 300 articles): the shipped lists and
  state head, which never saw BASIL, in every sentence; gold tokens are the words inside lex spans.

Sentence scores come from the full profile's sentence model. Tokens are lowercase words
(``[a-z][a-z'’-]+``); precision, recall and F1 are micro-averaged over tokens. Called by
``benchmarks/accuracy.py``.
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
WORD = re.compile(r"[a-z][a-z'’-]+")
Rule = Callable[[str, float], bool]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Row = tuple[list[str], set[int], float, set[int]]  # tokens, gold indices, bias score, state-head indices


def rules(short: set[str], gated: set[str]) -> dict[str, Rule]:
    from newsaudit.analyzers.framing import GATED_BIAS

    return {
        "lexicon": lambda t, biased: t in short or (t in gated and biased >= GATED_BIAS),
        "short list alone": lambda t, biased: t in short,
    }


def score_rules(sentences: list[Row], short: set[str], gated: set[str]) -> dict[str, tuple[float, float, float]]:
    """Token P / R / F1 of each rule over the rows: the lexicon (the fast profile), the short list
    alone, and the full profile (the lexicon and the state head's words)."""
    out = {}
    lexicon = rules(short, gated)
    for name in ("full profile", "lexicon", "short list alone"):
        rule = lexicon["lexicon" if name == "full profile" else name]
        tp = fp = fn = 0
        for tokens, gold, b, from_states in sentences:
            predicted = {i for i, t in enumerate(tokens) if rule(t, b)}
            if name == "full profile":
                predicted |= from_states
            tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
        out[name] = prf(tp, fp, fn)
    return out


def state_flags(sentences: list[str], head=None) -> list[set[int]]:  # type: ignore[no-untyped-def]
    """Indices (in ``WORD`` tokens of the lowercased sentence) of the words the loaded-language state
    head flags in each sentence (``head``: the installed one unless given)."""
    from newsaudit import onnxhead
    from newsaudit.analyzers.framing import loaded_from_states

    states = onnxhead.sentence_states(sentences, threads=2)
    assert states is not None, "sentence-minilm with its states output is not installed"
    starts_in_text = [0]  # the sentences as if joined by a space: the head reads them in text order
    for sentence in sentences[:-1]:
        starts_in_text.append(starts_in_text[-1] + len(sentence) + 1)
    located = list(zip(starts_in_text, sentences, strict=True))
    out = []
    for sentence, words in zip(sentences, loaded_from_states(located, states, head), strict=True):
        starts = [m.start() for m in WORD.finditer(sentence.lower())]
        flagged = {start for start, _, _, _ in words}
        out.append({j for j, start in enumerate(starts) if start in flagged})
    return out


def babe(data: Path) -> dict[str, tuple[float, float, float]]:
    from finetune_sentences import babe_split
    from loaded_words import build
    from newsaudit.analyzers.framing import sentence_scores

    with (data / "babe" / "final_labels_SG2.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    held_texts = {t for t, _ in babe_split(data, "test")}
    held = [r for r in rows if r["text"] in held_texts]
    rest = [r for r in rows if r["text"] not in held_texts]
    short = {w for w, _, _ in build(rest)}
    gated = {w for w, _, _ in build(rest, 1, 0.4)} - short
    biased = [s["biased"] for s in sentence_scores([r["text"] for r in held])]
    flags = state_flags([r["text"] for r in held], head_from(rest))
    scored: list[Row] = []
    for row, b, from_states in zip(held, biased, flags, strict=True):
        tokens = WORD.findall(row["text"].lower())
        marked = {w.lower().strip() for w in ast.literal_eval(row["biased_words"] or "[]")}
        scored.append((tokens, {j for j, t in enumerate(tokens) if t in marked}, b, from_states))
    return score_rules(scored, short, gated)


def head_from(rows: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    """The loaded-language state head refit on ``rows`` with the shipped recipe and threshold."""
    import loaded_states
    from newsaudit import stateheads
    from newsaudit.analyzers.framing import LOADED_HEAD

    shipped = stateheads.load(LOADED_HEAD)
    assert shipped is not None
    table = loaded_states.word_rows(rows)
    model = loaded_states.fit(table["x"], table["y"])
    return stateheads.StateHead(model.coef_[0].astype(float), float(model.intercept_[0]), shipped.threshold)


def basil(data: Path) -> tuple[dict[str, tuple[float, float, float]], int]:
    from newsaudit.analyzers.framing import sentence_scores
    from newsaudit.resources import table

    short = {row[0] for row in table("loaded_words.tsv")}
    gated = {row[0] for row in table("loaded_words_gated.tsv")}
    with gzip.open(data / "basil" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        articles = {d["data"]["uuid"].lower(): d["data"] for d in map(json.loads, f)}
    scored: list[tuple[list[str], set[int], str]] = []
    spans = 0
    with gzip.open(data / "basil" / "annotations.jsonl.gz", "rt", encoding="utf-8") as f:
        for record in map(json.loads, f):
            ann = record["data"]
            article = articles.get(ann["uuid"].lower())
            if article is None:
                continue
            sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
            marks: dict[int, list[tuple[int, int]]] = {}
            for span in ann["phrase-level-annotations"]:
                if span["bias"] == "lex" and span["id"].startswith("p"):
                    marks.setdefault(int(span["id"][1:]), []).append((int(span["start"]), int(span["end"])))
                    spans += 1
            for n, sentence in enumerate(sentences):
                tokens, gold = [], set()
                for j, m in enumerate(WORD.finditer(sentence.lower())):
                    tokens.append(m.group(0))
                    if any(s <= m.start() < e for s, e in marks.get(n, ())):
                        gold.add(j)
                scored.append((tokens, gold, sentence))
    texts = [sentence for _, _, sentence in scored]
    biased = [s["biased"] for s in sentence_scores(texts)]
    rows = [
        (tokens, gold, b, flags) for (tokens, gold, _), b, flags in zip(scored, biased, state_flags(texts), strict=True)
    ]
    return score_rules(rows, short, gated), spans


def ptc(data: Path) -> list[str]:
    """The shipped propaganda models on PTC dev: SI span F1 (full profile: the tagger mixed with the
    state head; fast profile: the tagger alone) and TC micro-F1 (given gold spans)."""
    import propaganda as training
    from newsaudit import propaganda

    model = propaganda.load()
    texts = training.articles(data, "dev")
    gold_si = training.si_labels(data, "dev")
    gold = {a: gold_si.get(a, []) for a in texts}
    p, r, f = training.si_score(training.predict_spans(model, texts, training.located_states(texts)), gold)
    fp, fr, ff = training.si_score(training.predict_spans(model, texts), gold)  # the fast profile: tagger alone
    spans = training.tc_labels(data, "dev")
    predicted = [model.techniques(texts[a], s, e)[0][0] for a, _, s, e in spans]
    gold_techniques = [t for _, t, _, _ in spans]
    micro = sum(x == y for x, y in zip(predicted, gold_techniques, strict=True)) / len(gold_techniques)
    majority = max(gold_techniques.count(t) for t in set(gold_techniques)) / len(gold_techniques)
    per = ", ".join(f"{k.split(',')[0].replace('_', ' ')} {v:.2f}" for k, v in sorted(model.precision.items()))
    shown = [k for k, v in model.precision.items() if v >= 0.7]
    return [
        f"| propaganda spans · PTC dev (test gold not public) | SI span F1 (P / R) | **{f:.3f}** ({p:.3f} / {r:.3f}); "
        f"fast profile's tagger alone {ff:.3f} ({fp:.3f} / {fr:.3f}) | — | — | 0.516 (best test, Hitachi) |",
        f"| propaganda techniques · PTC dev, gold spans | TC micro-F1 | **{micro:.3f}** | — | {majority:.3f} "
        "| 0.621 (best test, ApplicaAI) |",
        "",
        f"PTC dev precision per technique: {per}. Shown by default (precision ≥ 0.7): {', '.join(shown) or 'none'}.",
        "",
        "| task · data · split | metric | newsaudit | word-unigram LR | majority | published |",
        "|---|---|---|---|---|---|",
    ]


def lines(data: Path) -> list[str]:
    babe_figures = babe(data)
    basil_figures, spans = basil(data)

    def cell(figures: dict[str, tuple[float, float, float]]) -> str:
        p, r, f = figures["full profile"]
        lp, lr, lf = figures["lexicon"]
        sp, sr, sf = figures["short list alone"]
        return (
            f"**{p:.3f} / {r:.3f} / {f:.3f}** (fast profile, the lexicon: {lp:.3f} / {lr:.3f} / {lf:.3f}; "
            f"short list alone {sp:.3f} / {sr:.3f} / {sf:.3f})"
        )

    return [
        "| loaded language · BABE SG2 `biased_words` · fixed 20% held out (lists from the other 80%) "
        f"| token P / R / F1 | {cell(babe_figures)} | — | — | — |",
        f"| loaded language · BASIL lexical-bias spans ({spans}) · 300 articles, never trained on | token P / R / F1 "
        f"| {cell(basil_figures)} | — | — | — |",
    ]


if __name__ == "__main__":
    print("\n".join(lines(ROOT.parent / "shared" / "data")))

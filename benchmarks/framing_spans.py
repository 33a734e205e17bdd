"""Loaded-language spans (``framing.v3``) against human word- and span-level marks, token F1.

- BABE SG2 ``biased_words``: 5-fold cross-validation (seed 13): the lexicon is rebuilt from four folds
  with the shipped recipe (``training/loaded_words.py``) and matched in the sentences of the fifth, so no
  sentence is scored by a lexicon built from it.
- BASIL lexical-bias spans (``bias == "lex"``, 480 spans in 300 articles): the shipped lexicon, which
  never saw BASIL, matched in every sentence; gold tokens are the words inside lex spans.

Tokens are lowercase words (``[a-z][a-z'’-]+``); precision, recall and F1 are micro-averaged over tokens.
Called by ``benchmarks/accuracy.py``.
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
WORD = re.compile(r"[a-z][a-z'’-]+")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def count(tokens: list[str], gold: set[int], lexicon: set[str]) -> tuple[int, int, int]:
    predicted = {i for i, t in enumerate(tokens) if t in lexicon}
    return len(predicted & gold), len(predicted - gold), len(gold - predicted)


def babe(data: Path) -> tuple[float, float, float]:
    from loaded_words import build

    with (data / "babe" / "final_labels_SG2.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    tp = fp = fn = 0
    for held in folds:
        held_set = set(held)
        lexicon = {w for w, _, _ in build([rows[i] for i in order if i not in held_set])}
        for i in held:
            tokens = WORD.findall(rows[i]["text"].lower())
            marked = {w.lower().strip() for w in ast.literal_eval(rows[i]["biased_words"] or "[]")}
            gold = {j for j, t in enumerate(tokens) if t in marked}
            a, b, c = count(tokens, gold, lexicon)
            tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def basil(data: Path) -> tuple[float, float, float, int]:
    from newsaudit.resources import table

    lexicon = {row[0] for row in table("loaded_words.tsv")}
    with gzip.open(data / "basil" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        articles = {d["data"]["uuid"].lower(): d["data"] for d in map(json.loads, f)}
    tp = fp = fn = spans = 0
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
                low = sentence.lower()
                tokens, gold = [], set()
                for j, m in enumerate(WORD.finditer(low)):
                    tokens.append(m.group(0))
                    if any(s <= m.start() < e for s, e in marks.get(n, ())):
                        gold.add(j)
                a, b, c = count(tokens, gold, lexicon)
                tp, fp, fn = tp + a, fp + b, fn + c
    return (*prf(tp, fp, fn), spans)


def ptc(data: Path) -> list[str]:
    """The shipped propaganda models on PTC dev: SI span F1 and TC micro-F1 (given gold spans)."""
    import propaganda as training
    from newsaudit import propaganda

    model = propaganda.load()
    texts = training.articles(data, "dev")
    gold_si = training.si_labels(data, "dev")
    p, r, f = training.si_score(training.predict_spans(model, texts), {a: gold_si.get(a, []) for a in texts})
    spans = training.tc_labels(data, "dev")
    predicted = [model.techniques(texts[a], s, e)[0][0] for a, _, s, e in spans]
    gold = [t for _, t, _, _ in spans]
    micro = sum(x == y for x, y in zip(predicted, gold, strict=True)) / len(gold)
    majority = max(gold.count(t) for t in set(gold)) / len(gold)
    per = ", ".join(f"{k.split(',')[0].replace('_', ' ')} {v:.2f}" for k, v in sorted(model.precision.items()))
    shown = [k for k, v in model.precision.items() if v >= 0.7]
    return [
        f"| propaganda spans · PTC dev (test gold not public) | SI span F1 (P / R) | **{f:.3f}** ({p:.3f} / {r:.3f}) "
        "| — | — | 0.516 (best test, Hitachi) |",
        f"| propaganda techniques · PTC dev, gold spans | TC micro-F1 | **{micro:.3f}** | — | {majority:.3f} "
        "| 0.621 (best test, ApplicaAI) |",
        "",
        f"PTC dev precision per technique: {per}. Shown by default (precision ≥ 0.7): {', '.join(shown) or 'none'}.",
        "",
        "| task · data · split | metric | newsaudit | word-unigram LR | majority | published |",
        "|---|---|---|---|---|---|",
    ]


def lines(data: Path) -> list[str]:
    p, r, f = babe(data)
    bp, br, bf, spans = basil(data)
    return [
        f"| loaded language · BABE SG2 `biased_words` · 5-fold CV (lexicon rebuilt per fold) | token P / R / F1 "
        f"| **{p:.3f} / {r:.3f} / {f:.3f}** | — | — | — |",
        f"| loaded language · BASIL lexical-bias spans ({spans}) · 300 articles, never trained on | token P / R / F1 "
        f"| **{bp:.3f} / {br:.3f} / {bf:.3f}** | — | — | — |",
    ]


if __name__ == "__main__":
    print("\n".join(lines(ROOT.parent / "shared" / "data")))

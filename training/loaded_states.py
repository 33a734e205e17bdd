"""Train ``loaded-states``: the full profile's loaded-language head over the sentence model's token states.

BABE SG2's experts marked the words that make each sentence biased (``biased_words``). A logistic
regression (lbfgs, C 0.1, balanced classes) reads each word's mean token state after layer 3 of the
installed ``sentence-minilm`` (its ``states`` output, ``newsaudit.stateheads``) and predicts the
mark. framing.v6 flags a word the head scores at or above the threshold, unless it is a function
word or capitalised (``framing.state_candidate``), next to the words of the lexicon
(``training/loaded_words.py``). The threshold is chosen by 5-fold cross-validation grouped by
sentence: the F1 over words of that union, the lexicon's short list rebuilt from each fold's
training sentences (ties: the higher threshold). Then the head is refit on every sentence.

Writes ``data/models/loaded-states.{npz,json,md}``. BABE is AGPL-3.0 (see the card).
``benchmarks/framing_spans.py`` refits the head on BABE's fixed 80% and scores the other 20%.

    python training/loaded_states.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models"
NAME = "loaded-states"
C = 0.1
SEED = 13
THRESHOLDS = np.round(np.arange(0.5, 0.99, 0.02), 2)


def babe_rows(data: Path) -> list[dict[str, str]]:
    with (data / "babe" / "final_labels_SG2.csv").open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=";"))


def word_rows(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Per word of every sentence: mean state, mark, sentence index, the word, and whether framing
    would consider it (``state_candidate``); words past the token limit are left out."""
    from newsaudit import onnxhead, stateheads
    from newsaudit.analyzers.framing import STATE_WORD, state_candidate

    states = onnxhead.sentence_states([r["text"] for r in rows], threads=2)
    assert states is not None, "sentence-minilm with its states output is not installed"
    xs, ys, groups, words, candidates = [], [], [], [], []
    for k, (row, token_states) in enumerate(zip(rows, states, strict=True)):
        text = row["text"]
        found = list(STATE_WORD.finditer(text.lower()))
        marked = {w.lower().strip() for w in ast.literal_eval(row["biased_words"] or "[]")}
        means, has = stateheads.word_states([m.span() for m in found], [(0, token_states)])
        for m, vector, present in zip(found, means, has, strict=True):
            if present:
                xs.append(vector)
                ys.append(int(m.group(0) in marked))
                groups.append(k)
                words.append(m.group(0))
                candidates.append(state_candidate(text[m.start() : m.end()]))
    return {
        "x": np.array(xs),
        "y": np.array(ys),
        "groups": np.array(groups),
        "words": np.array(words),
        "candidate": np.array(candidates),
    }


def fit(x: np.ndarray, y: np.ndarray):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED).fit(x, y)


def f1(y: np.ndarray, predicted: np.ndarray) -> float:
    tp = int((predicted & (y == 1)).sum())
    fp, fn = int((predicted & (y == 0)).sum()), int((~predicted & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_threshold(rows: list[dict[str, str]], table: dict[str, Any]) -> tuple[float, float]:
    """The threshold with the best cross-validated F1 of the union with the short list, and that F1."""
    from sklearn.model_selection import GroupKFold

    from loaded_words import build

    x, y, groups = table["x"], table["y"], table["groups"]
    oof, short_hit = np.zeros(len(y)), np.zeros(len(y), dtype=bool)
    for train, held in GroupKFold(5).split(x, y, groups):
        oof[held] = fit(x[train], y[train]).predict_proba(x[held])[:, 1]
        short = {w for w, _, _ in build([rows[g] for g in sorted(set(groups[train].tolist()))])}
        short_hit[held] = np.isin(table["words"][held], sorted(short))
    scores = {float(t): f1(y, ((oof >= t) & table["candidate"]) | short_hit) for t in THRESHOLDS}
    best = max(scores, key=lambda t: (round(scores[t], 4), t))
    print("cross-validated F1 by threshold:", {t: round(v, 3) for t, v in scores.items()}, flush=True)
    return best, scores[best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows = babe_rows(args.data)
    table = word_rows(rows)
    threshold, cv_f1 = choose_threshold(rows, table)
    model = fit(table["x"], table["y"])
    np.savez_compressed(
        OUT / f"{NAME}.npz",
        coef=model.coef_[0].astype(np.float32),
        intercept=np.array([model.intercept_[0]], dtype=np.float32),
    )
    meta = {"threshold": threshold, "cv_union_f1": round(cv_f1, 4), "C": C, "layer": 3}
    (OUT / f"{NAME}.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    card = f"""# Model card: `{NAME}` (newsaudit framing.v6, full profile's loaded language)

- Task: which words of a sentence carry its bias (loaded language), as BABE's experts marked them.
- Model: logistic regression (lbfgs, C {C}, balanced classes) over each word's mean token state after encoder
  layer 3 of `sentence-minilm` (its `states` output: the pass that scores the sentences, so no extra encoder run).
  Files: `{NAME}.npz` (float32 `coef`, `intercept`), `{NAME}.json` (threshold {threshold:.2f}).
- Use: framing.v6 flags a word scored at or above the threshold that is neither a function word nor capitalised,
  besides the lexicon's words (`loaded_words.tsv`, `loaded_words_gated.tsv`); the fast profile has the lexicon only.
- Training data: BABE SG2 (Spinde et al. 2021), all {len(rows):,} sentences, {int(table["y"].sum()):,} marked words
  of {len(table["y"]):,}. Licence: AGPL-3.0 (a model trained on it may carry AGPL obligations).
- Threshold chosen by 5-fold cross-validation grouped by sentence: word F1 of the union with the short list rebuilt
  from each fold's training sentences, {cv_f1:.3f}. Held-out figures (the head refit on BABE's fixed 80%, scored on
  the other 20%, and on BASIL, never trained on): BENCHMARKS.md (`python benchmarks/accuracy.py`).
- Trained: {date.today().isoformat()} by `training/loaded_states.py` (deterministic on one machine).
- Limits: BABE is US news on a few charged topics; its marks include topic words of one charged sentence, and the
  head learns some of them ("bubonic" in a plague story). A flagged word is a pointer for a reader, not a verdict.
- Must be retrained whenever `sentence-minilm` is: the weights read that encoder's states and no other.
"""
    (OUT / f"{NAME}.md").write_text(card, encoding="utf-8")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()

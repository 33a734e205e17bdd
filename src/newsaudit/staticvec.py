"""Static sentence vectors for the fast profile: the mean of per-token vectors (model2vec style).

``data/models/static-minilm`` holds one float16 vector per token of all-MiniLM-L6-v2's vocabulary,
distilled by ``training/static_embeddings.py``; a sentence's vector is the mean of its tokens'
vectors (unknown tokens dropped), L2-normalised, as model2vec's ``StaticModel.encode`` computes it.
Tokenizer plus numpy: thousands of sentences a second on one core, no torch, no onnxruntime.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

NAME = "static-minilm"
MAX_TOKENS = 512


@dataclass(frozen=True)
class StaticEncoder:
    tokenizer: Tokenizer
    embeddings: np.ndarray
    """float16, one row per token id."""
    unknown: int | None
    _last: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @property
    def dims(self) -> int:
        return int(self.embeddings.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 vector per text, shape (len(texts), dims); a text without known
        tokens gets zeros. The last texts encoded are remembered, so heads scoring the same
        sentences share one pass."""
        key = tuple(texts)
        last = self._last.get(key)
        if last is not None:
            return last
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        unknown = self.unknown
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        rows = [[i for i in e.ids[:MAX_TOKENS] if i != unknown] for e in encodings]
        counts = np.array([len(ids) for ids in rows], dtype=np.int64)
        if counts.any():
            # one gather and one segmented sum for all texts; each text's sum runs over its own rows only
            flat = np.fromiter((i for ids in rows for i in ids), dtype=np.int64, count=int(counts.sum()))
            starts = np.cumsum(counts) - counts
            filled = counts > 0
            sums = np.add.reduceat(self.embeddings[flat].astype(np.float32), starts[filled], axis=0)
            out[filled] = sums / counts[filled, None]
        out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-32
        out.setflags(write=False)
        self._last.clear()
        self._last[key] = out
        return out


@cache
def load() -> StaticEncoder:
    """The installed encoder (loaded once per process)."""
    from tokenizers import Tokenizer

    folder = resources.files("newsaudit.data").joinpath("models").joinpath(NAME)
    with folder.joinpath("embeddings.npz").open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
        embeddings = arrays["embeddings"]
    tokenizer = Tokenizer.from_str(folder.joinpath("tokenizer.json").read_text(encoding="utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return StaticEncoder(tokenizer=tokenizer, embeddings=embeddings, unknown=tokenizer.token_to_id("[UNK]"))

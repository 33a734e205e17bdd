"""Static sentence vectors for the fast profile: the mean of per-token vectors (model2vec style).

``data/models/static-minilm`` holds one float16 vector per token of all-MiniLM-L6-v2's vocabulary,
distilled by ``training/static_embeddings.py``; a sentence's vector is the mean of its tokens'
vectors (unknown tokens dropped), L2-normalised, as model2vec's ``StaticModel.encode`` computes it.
Tokenizer plus numpy: thousands of sentences a second on one core, no torch, no onnxruntime.
"""

from __future__ import annotations

import re
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
CACHE_WORDS = 50_000
"""The token ids of the first this many distinct words seen are kept (packed int32; ≈ 7 MB a process)."""
JOINING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
"""Characters ``str.split`` splits on that BERT's normaliser deletes (control characters)."""


@dataclass(frozen=True)
class StaticEncoder:
    tokenizer: Tokenizer
    embeddings: np.ndarray
    """float16, one row per token id."""
    unknown: int | None
    _last: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    _words: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

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
        rows = [self._ids(text) for text in texts]
        counts = np.array([len(ids) for ids in rows], dtype=np.int64)
        if counts.any():
            # one gather and one segmented sum for all texts; each text's sum runs over its own rows only
            flat = np.concatenate(rows)
            starts = np.cumsum(counts) - counts
            filled = counts > 0
            sums = np.add.reduceat(self.embeddings[flat], starts[filled], axis=0, dtype=np.float32)
            out[filled] = sums / counts[filled, None]
        out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-32
        out.setflags(write=False)
        self._last.clear()
        self._last[key] = out
        return out

    def _ids(self, text: str) -> np.ndarray:
        """The text's known token ids (its first ``MAX_TOKENS`` tokens, unknown ones dropped).

        BERT's normaliser and pre-tokeniser never join characters across whitespace, so a text's
        tokens are its whitespace-separated words' tokens in turn: each word is tokenised once and
        kept (up to ``CACHE_WORDS`` words). The control characters that ``str.split`` splits on but
        BERT deletes (so that BERT joins the words around them) send the text to the tokenizer whole.
        """
        if JOINING_CONTROLS.search(text):
            ids = np.array(self.tokenizer.encode(text, add_special_tokens=False).ids, dtype=np.int32)
        else:
            words = text.split()
            known = map(self._words.get, words)
            packs = [p if p is not None else self._word(w) for w, p in zip(words, known, strict=True)]
            ids = np.frombuffer(b"".join(packs), dtype=np.int32)
        ids = ids[:MAX_TOKENS]
        if self.unknown is not None:
            ids = ids[ids != self.unknown]
        return ids

    def _word(self, word: str) -> bytes:
        packed = np.array(self.tokenizer.encode(word, add_special_tokens=False).ids, dtype=np.int32).tobytes()
        if len(self._words) < CACHE_WORDS:  # full: later (rarer) words are tokenised each time
            self._words[word] = packed
        return packed


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

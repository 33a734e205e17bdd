"""Linear heads over the sentence transformer's token states (``onnxhead.sentence_states``): a
logistic regression reads each word's mean word-piece state. The full profile only: the fast profile
has no transformer pass to read.

A head ``name`` ships as ``data/models/<name>.npz`` (float32 ``coef``, ``intercept``) and
``<name>.json`` (its ``threshold`` and how it was chosen), with a model card ``<name>.md``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from newsaudit.onnxhead import TokenStates

STATE_DIM = 384


def word_states(
    bounds: list[tuple[int, int]],
    sentences: Sequence[tuple[int, TokenStates]],
    project: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each word's mean word-piece state (zeros where it has none: past the encoder's token limit)
    and whether it has any. ``bounds``: the words' character spans; ``sentences``: each sentence's
    start in the text and its ``TokenStates`` (offsets within the sentence); the sentences must not
    overlap, as those of one text do not. With ``project`` (a
    head's weights, shape (384,)), each word's mean of its pieces' ``state @ project`` instead: the
    same as the mean state times ``project``, without averaging 384 columns."""
    n = len(bounds)
    total = np.zeros(n if project is not None else (n, STATE_DIM))
    count = np.zeros(n)
    present = [(offset, states) for offset, states in sentences if len(states.offsets)]
    if not n or not present:
        return total, count > 0
    starts = np.fromiter((b[0] for b in bounds), dtype=np.int64, count=n)
    ends = np.fromiter((b[1] for b in bounds), dtype=np.int64, count=n)
    piece_starts = np.concatenate([states.offsets[:, 0].astype(np.int64) + offset for offset, states in present])
    sentence_starts = np.concatenate([np.full(len(states.offsets), offset) for offset, states in present])
    values = np.concatenate([states.vectors if project is None else states.vectors @ project for _, states in present])
    if (np.diff(piece_starts) < 0).any():  # sentences out of text order
        order = np.argsort(piece_starts, kind="stable")
        piece_starts, sentence_starts, values = piece_starts[order], sentence_starts[order], values[order]
    word = np.searchsorted(starts, piece_starts, side="right") - 1
    safe = np.maximum(word, 0)
    inside = (word >= 0) & (piece_starts < ends[safe] + 1) & (starts[safe] >= sentence_starts)  # not begun before
    index = word[inside]
    if len(index):
        values = values[inside]
        first = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])  # one run of pieces per word
        total[index[first]] = np.add.reduceat(values, first, axis=0)
        count[index[first]] = np.diff(np.r_[first, len(index)])
    has = count > 0
    total[has] = (total[has].T / count[has]).T
    return total, has


@dataclass(frozen=True)
class StateHead:
    coef: np.ndarray
    intercept: float
    threshold: float

    def probabilities(
        self, bounds: list[tuple[int, int]], sentences: Sequence[tuple[int, TokenStates]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """P(label) for each word of ``bounds`` and whether the word has states (see ``word_states``)."""
        projected, has = word_states(bounds, sentences, self.coef)
        z = np.clip(projected + self.intercept, -500.0, 500.0)
        return np.where(has, 1.0 / (1.0 + np.exp(-z)), 0.0), has


@cache
def load(name: str) -> StateHead | None:
    """The installed head ``name``, or None when its files are not installed."""
    folder = resources.files("newsaudit.data").joinpath("models")
    path = folder.joinpath(f"{name}.npz")
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
        coef, intercept = arrays["coef"].astype(np.float64), float(arrays["intercept"][0])
    meta = json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
    return StateHead(coef, intercept, float(meta["threshold"]))

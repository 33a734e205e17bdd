"""Small linear sentence classifiers shipped with newsaudit (no torch, no download).

A model is TF-IDF over word 1–2-grams and character 2–5-grams (within word boundaries),
then logistic regression: the featurisation re-implements scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` so that training (``training/sentence_heads.py``,
with scikit-learn) and run time (this module, numpy only) give the same scores; the training
script checks that they agree on the test data. Files per model, in ``newsaudit/data/models``:
``<name>.npz`` (float32 arrays: ``word_idf``, ``char_idf``, ``coef``, ``intercept``, optional
``lowercase``; loaded
with ``allow_pickle=False``), ``<name>.vocab.json`` (the two vocabularies) and ``<name>.md``
(model card: data, licence, scores, date).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

WORD_RE = re.compile(r"(?u)\b\w\w+\b")
SPACE_RE = re.compile(r"\s\s+")
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)


def word_ngrams(text: str, lowercase: bool = True) -> list[str]:
    tokens = WORD_RE.findall(text.lower() if lowercase else text)
    out = list(tokens)
    out += [" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)]
    return out


def char_ngrams(text: str, lowercase: bool = True) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: n-grams inside space-padded words."""
    text = SPACE_RE.sub(" ", text.lower() if lowercase else text)
    out: list[str] = []
    low, high = CHAR_NGRAMS
    for word in text.split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            offset = 0
            out.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                out.append(padded[offset : offset + n])
            if offset == 0:
                break
    return out


@dataclass(frozen=True)
class LinearTextModel:
    name: str
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    coef: np.ndarray
    intercept: float
    lowercase: bool = True
    """False for heads where case carries signal (headline style)."""

    def _block(self, grams: list[str], vocab: dict[str, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(vocab[g] for g in grams if g in vocab)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
        values = tf * idf[index]
        norm = float(np.sqrt(np.dot(values, values)))
        return index, values / norm if norm else values

    def decision(self, text: str) -> float:
        w_index, w_values = self._block(word_ngrams(text, self.lowercase), self.word_vocab, self.word_idf)
        c_index, c_values = self._block(char_ngrams(text, self.lowercase), self.char_vocab, self.char_idf)
        offset = len(self.word_vocab)
        z = (
            self.intercept
            + float(np.dot(self.coef[w_index], w_values))
            + float(np.dot(self.coef[offset + c_index], c_values))
        )
        return z

    def probability(self, text: str) -> float:
        z = self.decision(text)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


@cache
def load(name: str) -> LinearTextModel:
    folder = resources.files("newsaudit.data").joinpath("models")
    with folder.joinpath(f"{name}.npz").open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)
        word_idf, char_idf = arrays["word_idf"], arrays["char_idf"]
        coef, intercept = arrays["coef"], float(arrays["intercept"][0])
        lowercase = bool(arrays["lowercase"][0]) if "lowercase" in arrays.files else True
    vocab = json.loads(folder.joinpath(f"{name}.vocab.json").read_text(encoding="utf-8"))
    return LinearTextModel(
        name=name,
        word_vocab={g: i for i, g in enumerate(vocab["word"])},
        char_vocab={g: i for i, g in enumerate(vocab["char"])},
        word_idf=word_idf.astype(np.float64),
        char_idf=char_idf.astype(np.float64),
        coef=coef.astype(np.float64),
        intercept=intercept,
        lowercase=lowercase,
    )


def available(name: str) -> bool:
    return resources.files("newsaudit.data").joinpath("models").joinpath(f"{name}.npz").is_file()

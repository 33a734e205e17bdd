"""Small linear sentence classifiers shipped with newsaudit (no torch, no download).

A model is TF-IDF over word 1–2-grams and character 2–5-grams (within word boundaries),
then logistic regression: the featurisation re-implements scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` so that training (``training/sentence_heads.py``,
with scikit-learn) and run time (this module, numpy only) give the same scores; the training
script checks that they agree on the test data. Files per model, in ``newsaudit/data/models``:
``<name>.npz`` (float32 arrays: ``word_idf``, ``char_idf``, ``coef``, ``intercept``, optional
``lowercase``; loaded with ``allow_pickle=False``), ``<name>.vocab.json`` (the two vocabularies)
and ``<name>.md`` (model card: data, licence, scores, date). The sentence heads are loaded as one
group over the union of their vocabularies, so a sentence is featurised once for all three. A head
whose file has a ``stack`` array also reads the sentence's static vector (``newsaudit.staticvec``):
a second, small logistic regression over the TF-IDF decision and that vector gives its score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np

from newsaudit import staticvec

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
    for word in text.split():
        out += word_char_ngrams(word)
    return out


def word_char_ngrams(word: str) -> list[str]:
    """The ``char_wb`` n-grams of one word (a word shorter than n gives its padded self once)."""
    padded = f" {word} "
    length = len(padded)
    out: list[str] = []
    low, high = CHAR_NGRAMS
    for n in range(low, high + 1):
        if n >= length:
            out.append(padded)
            break
        out += [padded[i : i + n] for i in range(length - n + 1)]
    return out


CACHE_WORDS = 30_000
"""Per model, the vocabulary ids of the character n-grams of the first this many distinct words
seen are kept (packed int32 bytes, ≈ 5 MB a model): frequent words are split into n-grams once."""


_ANALYSED: dict[str, tuple[list[str], list[str]]] = {}
ANALYSED_TEXTS = 1024
"""The word n-grams and words of the last texts seen (up to this many, each under ``ANALYSED_CHARS``):
the heads that score the same sentences (biased, subjective, checkworthy) split each one once."""
ANALYSED_CHARS = 2_000


def _analysed(text: str) -> tuple[list[str], list[str]]:
    """``text``'s word 1–2-grams and its whitespace-separated words (``text`` already lowercased if
    the model lowercases)."""
    entry = _ANALYSED.get(text)
    if entry is None:
        entry = (word_ngrams(text, lowercase=False), text.split())
        if len(text) < ANALYSED_CHARS:
            if len(_ANALYSED) >= ANALYSED_TEXTS:
                _ANALYSED.clear()
            _ANALYSED[text] = entry
    return entry


def _block_scores(rows: np.ndarray, ids: np.ndarray, idf: np.ndarray, coef: np.ndarray, n: int) -> np.ndarray:
    """Per head (a row of ``idf`` and ``coef``) and text, the dot product of the L2-normalised sublinear
    TF-IDF vector with the head's weights: an array of shape (heads, n). An n-gram a head does not know
    has idf 0 there, so it adds to neither that head's norm nor its dot product."""
    out = np.zeros((len(idf), n), dtype=np.float64)
    if not len(ids):
        return out
    size = idf.shape[1]
    uniq, counts = np.unique(rows * size + ids, return_counts=True)
    row, gram = np.divmod(uniq, size)
    tf = 1.0 + np.log(counts)
    for head in range(len(idf)):
        values = tf * idf[head, gram]
        norm = np.sqrt(np.bincount(row, values * values, minlength=n))
        dot = np.bincount(row, values * coef[head, gram], minlength=n)
        np.divide(dot, norm, out=out[head], where=norm > 0)
    return out


@dataclass(frozen=True)
class HeadGroup:
    """Linear heads over one featurisation: ``heads`` names them in the order of the rows of
    ``word_idf``, ``char_idf``, ``word_coef``, ``char_coef`` and ``intercepts``. Heads that score the
    same texts (the sentence heads) share a group, so each text is split into n-grams, and each
    n-gram looked up, once for all of them."""

    heads: tuple[str, ...]
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    word_coef: np.ndarray
    char_coef: np.ndarray
    intercepts: np.ndarray
    lowercase: bool = True
    """False for heads where case carries signal (headline style)."""
    stacks: tuple[np.ndarray | None, ...] = ()
    """Per head, optional stacking weights: ``[a, b, w...]`` turn the TF-IDF decision ``z`` into
    ``a·z + b + w·v``, where ``v`` is the text's static vector (``newsaudit.staticvec``); trained by
    ``training/sentence_heads.py`` on cross-validated decisions."""

    _char_cache: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    _last: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def decisions_all(self, texts: Sequence[str]) -> np.ndarray:
        """Each head's logistic regression decision value for each text: shape (heads, len(texts)).
        The last texts scored are remembered, so analyzers asking for different heads of the same
        sentences share one pass."""
        key = tuple(texts)
        last = self._last.get(key)
        if last is not None:
            return last
        n = len(texts)
        word_vocab, cache = self.word_vocab, self._char_cache
        word_ids: list[int] = []
        word_counts: list[int] = []
        chunks: list[bytes] = []
        char_counts: list[int] = []
        for original in texts:
            grams, words = _analysed(original.lower() if self.lowercase else original)
            ids = [i for i in map(word_vocab.get, grams) if i is not None]
            word_ids += ids
            word_counts.append(len(ids))
            packs = [p if p is not None else self._pack(w) for w, p in zip(words, map(cache.get, words), strict=True)]
            chunks += packs
            total = sum(map(len, packs))
            char_counts.append(total // 4)
        rows = np.arange(n, dtype=np.int64)
        z = np.repeat(self.intercepts[:, None], n, axis=1)
        z += _block_scores(
            np.repeat(rows, word_counts), np.array(word_ids, dtype=np.int64), self.word_idf, self.word_coef, n
        )
        char_ids = np.frombuffer(b"".join(chunks), dtype=np.int32).astype(np.int64)
        z += _block_scores(np.repeat(rows, char_counts), char_ids, self.char_idf, self.char_coef, n)
        z.setflags(write=False)  # shared by every caller of the same texts
        self._last.clear()
        self._last[key] = z
        return z

    def _pack(self, word: str) -> bytes:
        """A word's character n-gram ids (packed int32), kept for the first ``CACHE_WORDS`` words."""
        char_vocab = self.char_vocab
        ids = [i for i in map(char_vocab.get, word_char_ngrams(word)) if i is not None]
        packed = np.array(ids, dtype=np.int32).tobytes()
        if len(self._char_cache) < CACHE_WORDS:  # full: later (rarer) words are computed each time
            self._char_cache[word] = packed
        return packed


@dataclass(frozen=True)
class LinearTextModel:
    """One head of a group: what ``load(name)`` returns."""

    group: HeadGroup
    index: int

    @property
    def name(self) -> str:
        return self.group.heads[self.index]

    @property
    def lowercase(self) -> bool:
        return self.group.lowercase

    @property
    def word_vocab(self) -> dict[str, int]:
        return self.group.word_vocab

    @property
    def char_vocab(self) -> dict[str, int]:
        return self.group.char_vocab

    @property
    def weights(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
        """Word idf, char idf, word coefficients, char coefficients (over the group's vocabularies) and intercept."""
        g, i = self.group, self.index
        return g.word_idf[i], g.char_idf[i], g.word_coef[i], g.char_coef[i], float(g.intercepts[i])

    @property
    def stack(self) -> np.ndarray | None:
        """``[a, b, w...]`` for a stacked head (see ``HeadGroup.stacks``), else None."""
        return self.group.stacks[self.index] if self.group.stacks else None

    def decisions(self, texts: Sequence[str]) -> np.ndarray:
        """The head's decision value (log-odds) for each text, in one vectorised pass: the TF-IDF
        logistic regression's, then, for a stacked head, the stack's over it and the static vector."""
        row: np.ndarray = self.group.decisions_all(texts)[self.index]
        stack = self.stack
        if stack is None:
            return row
        # a row-wise sum, not a matrix product, so that a text's score does not depend on its batch
        vectors = staticvec.load().encode(texts).astype(np.float64)
        stacked: np.ndarray = stack[0] * row + stack[1] + (vectors * stack[2:]).sum(axis=1)
        return stacked

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        z = np.clip(self.decisions(texts), -500.0, 500.0)
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]

    def decision(self, text: str) -> float:
        return float(self.decisions([text])[0])

    def probability(self, text: str) -> float:
        return self.probabilities([text])[0]


SENTENCE_HEADS = ("biased", "subjective", "checkworthy")
"""The heads every audit runs over the same sentences (framing and claims): loaded as one group."""


def _read(name: str) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    folder = resources.files("newsaudit.data").joinpath("models")
    with folder.joinpath(f"{name}.npz").open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)
        loaded = {key: arrays[key] for key in arrays.files}
    vocab: dict[str, list[str]] = json.loads(folder.joinpath(f"{name}.vocab.json").read_text(encoding="utf-8"))
    return loaded, vocab


@cache
def load_group(names: tuple[str, ...]) -> HeadGroup:
    """Heads that score the same texts, over the union of their vocabularies (each keeps its own
    idf and weights; an n-gram outside a head's vocabulary has idf 0 there). Same scores as loading
    each alone, for one featurisation."""
    files = [_read(name) for name in names]
    lowercase = {bool(arrays["lowercase"][0]) if "lowercase" in arrays else True for arrays, _ in files}
    if len(lowercase) != 1:
        raise ValueError(f"heads {names} disagree on lowercasing: they cannot share n-grams")
    merged: dict[str, dict[str, int]] = {"word": {}, "char": {}}
    for _, vocab in files:
        for kind in ("word", "char"):
            table = merged[kind]
            if not table:  # the first head's n-grams are distinct: no lookups needed
                table.update(zip(vocab[kind], range(len(vocab[kind])), strict=True))
                continue
            for gram in vocab[kind]:
                table.setdefault(gram, len(table))
    idf = {kind: np.zeros((len(names), len(merged[kind]))) for kind in ("word", "char")}
    coef = {kind: np.zeros((len(names), len(merged[kind]))) for kind in ("word", "char")}
    for head, (arrays, vocab) in enumerate(files):
        offset = len(vocab["word"])
        weights = {"word": arrays["coef"][:offset], "char": arrays["coef"][offset:]}
        for kind in ("word", "char"):
            table = merged[kind]
            grams = vocab[kind]
            columns = np.arange(len(grams)) if head == 0 else np.array([table[g] for g in grams], dtype=np.int64)
            idf[kind][head, columns] = arrays[f"{kind}_idf"]
            coef[kind][head, columns] = weights[kind]
    return HeadGroup(
        heads=names,
        word_vocab=merged["word"],
        char_vocab=merged["char"],
        word_idf=idf["word"],
        char_idf=idf["char"],
        word_coef=coef["word"],
        char_coef=coef["char"],
        intercepts=np.array([float(arrays["intercept"][0]) for arrays, _ in files]),
        lowercase=lowercase.pop(),
        stacks=tuple(arrays["stack"].astype(np.float64) if "stack" in arrays else None for arrays, _ in files),
    )


def load(name: str) -> LinearTextModel:
    """One head; a sentence head comes from the group of all three, so that scoring the same
    sentences with another of them reuses the pass."""
    names = SENTENCE_HEADS if name in SENTENCE_HEADS else (name,)
    return LinearTextModel(load_group(names), names.index(name))


@cache
def available(name: str) -> bool:
    """Whether the model file is installed (looked up once)."""
    return resources.files("newsaudit.data").joinpath("models").joinpath(f"{name}.npz").is_file()

"""Propaganda-technique spans (SemEval-2020 Task 11 techniques), numpy only.

Two small linear models over hashed features, trained by ``training/propaganda.py`` on the PTC
train split and shipped as ``data/models/propaganda.npz`` (+ ``propaganda.json``: labels, thresholds
and each technique's precision on PTC dev):

- span identification: a per-token logistic regression over the word, its neighbours, shape and
  suffix (a CRF-free tagger); runs of tokens above the threshold become spans;
- technique classification: a multinomial logistic regression over the span's words and character
  3-grams, its sentence, its length and how often it recurs in the article.

Feature hashing uses CRC32 so that training and run time index features identically.
"""

from __future__ import annotations

import itertools
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np

from newsaudit.onnxhead import TokenStates
from newsaudit.stateheads import StateHead

TOKEN_DIM = 1 << 18
SPAN_DIM = 1 << 16
WORDS = re.compile(r"\w+")
TOKEN = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
MAX_GAP = 1  # one low token inside a run does not split a span
CONTEXT = (-2, -1, 1, 2)  # neighbours a token's features look at
MARKS = frozenset(("!", "?", '"', "“", "”"))
CACHE_TOKENS = 20_000  # the first distinct tokens whose feature weights are kept
CACHE_BIGRAMS = 50_000  # the first distinct (previous, this) lowercase token pairs whose bigram weight is kept


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]


def _shape(token: str) -> str:
    if token.isupper() and len(token) > 1:
        return "UPPER"
    if token[:1].isupper():
        return "Cap"
    if token.isdigit():
        return "num"
    if not token[:1].isalnum():
        return "punct"
    return "low"


def token_features(tokens: list[str], i: int, lexicon: frozenset[str]) -> list[str]:
    w = tokens[i].lower()
    out = [f"w={w}", f"s={_shape(tokens[i])}", f"suf={w[-3:]}", f"lex={w in lexicon}", "bias"]
    for d in CONTEXT:
        j = i + d
        out.append(f"w{d}={tokens[j].lower() if 0 <= j < len(tokens) else '<pad>'}")
    left = tokens[i - 1].lower() if i else "<s>"
    out.append(f"bi={left}_{w}")
    if tokens[i] in MARKS:
        out.append("mark")
    return out


def span_features(article: str, start: int, end: int, lowered: str | None = None) -> list[str]:
    """Features of the span ``article[start:end]`` (``lowered``: ``article.lower()``, if already made):
    its own words, bigrams, character 3-grams, length, recurrence and case, and its line's words."""
    line_start, line_end = _line(article, start, end)
    return _own_features(article, start, end, lowered) + line_features(article[line_start:line_end])


def _own_features(article: str, start: int, end: int, lowered: str | None) -> list[str]:
    span = article[start:end]
    low = span.lower()
    words = WORDS.findall(low)
    out = [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in itertools.pairwise(words)]
    padded = f" {low} "
    out += [f"c={padded[k : k + 3]}" for k in range(len(padded) - 2)]
    out.append(f"len={min(len(words), 12)}")
    repeats = (lowered if lowered is not None else article.lower()).count(low) if low.strip() else 0
    out.append(f"rep={min(repeats, 5)}")
    out.append(f"cap={span[:1].isupper()}")
    out.append("bias")
    return out


def _line(article: str, start: int, end: int) -> tuple[int, int]:
    line_start = article.rfind("\n", 0, start) + 1
    line_end = article.find("\n", end)
    return line_start, line_end if line_end >= 0 else len(article)


def line_features(line: str) -> list[str]:
    """The context features every span on ``line`` shares."""
    context = line.lower()
    return [f"ctx={w}" for w in WORDS.findall(context)] + [f"excl={'!' in context}"]


_CRC: dict[str, int] = {}
CACHE_FEATURES = 30_000  # the first distinct feature strings whose CRC32 is kept


def hashed(features: list[str], dim: int) -> np.ndarray:
    """Each feature's column: CRC32 of its UTF-8 bytes modulo ``dim`` (the same at training time)."""
    crcs = [c if c is not None else _crc(f) for f, c in zip(features, map(_CRC.get, features), strict=True)]
    return np.array(crcs, dtype=np.int64) % dim


def column(feature: str, dim: int) -> int:
    """One feature's column, as ``hashed`` gives it, without an array (for a single feature)."""
    return zlib.crc32(feature.encode("utf-8")) % dim


def _crc(feature: str) -> int:
    crc = zlib.crc32(feature.encode("utf-8"))
    if len(_CRC) < CACHE_FEATURES:
        _CRC[feature] = crc
    return crc


@dataclass(frozen=True)
class Model:
    token_weights: np.ndarray
    token_threshold: float
    span_weights: np.ndarray  # (techniques, SPAN_DIM)
    span_bias: np.ndarray
    labels: tuple[str, ...]
    precision: dict[str, float]
    lexicon: frozenset[str]
    # the full profile's second opinion: a logistic regression over the sentence transformer's token
    # states (``onnxhead.sentence_states``), mixed with the tagger where a word has states; its
    # threshold is the mix's
    state_head: StateHead | None = None
    state_mix: float = 0.0
    _token_cache: dict[str, tuple[tuple[float, ...], str]] = field(default_factory=dict, compare=False, repr=False)
    _bigram_cache: dict[tuple[str, str], float] = field(default_factory=dict, compare=False, repr=False)

    def token_probabilities(self, tokens: list[str]) -> list[float]:
        """P(token is inside a propaganda span) for each token (see ``token_probability_array``)."""
        return [float(p) for p in self.token_probability_array(tokens)]

    def token_probability_array(self, tokens: list[str]) -> np.ndarray:
        """P(token is inside a propaganda span) for each token.

        The same sum of hashed feature weights as ``token_features`` gives, computed per distinct token
        once: a token's own features, and the weight it adds as each neighbour, are cached, and so is the
        bigram feature's weight per distinct pair (``test_propaganda_fast_path_equals_features``)."""
        n = len(tokens)
        if not n:
            return np.zeros(0, dtype=np.float64)
        cached = map(self._token_cache.get, tokens)
        found = [e if e is not None else self._token_entry(t) for t, e in zip(tokens, cached, strict=True)]
        table = np.array([entry[0] for entry in found], dtype=np.float64)
        lowered = [entry[1] for entry in found]
        pads = self._pad_weights()
        z = table[:, 0].copy()
        for column, d in enumerate(CONTEXT, start=1):  # the neighbour at i + d contributes "w{d}=<it>"
            if d < 0:
                z[-d:] += table[: n + d, column]
                z[: min(-d, n)] += pads[d]
            else:
                z[: max(n - d, 0)] += table[d:, column]
                z[max(n - d, 0) :] += pads[d]
        bigram_cache = self._bigram_cache
        pairs = list(zip(["<s>", *lowered[:-1]], lowered, strict=True))
        known = map(bigram_cache.get, pairs)
        bigram_weights = [w if w is not None else self._bigram_weight(p) for p, w in zip(pairs, known, strict=True)]
        z += np.array(bigram_weights, dtype=np.float64)
        z = np.clip(z, -500.0, 500.0)
        return 1.0 / (1.0 + np.exp(-z))

    def _bigram_weight(self, pair: tuple[str, str]) -> float:
        """The weight of the feature "bi={previous}_{token}", kept for the first ``CACHE_BIGRAMS`` pairs."""
        weight = float(self.token_weights[column(f"bi={pair[0]}_{pair[1]}", TOKEN_DIM)])
        if len(self._bigram_cache) < CACHE_BIGRAMS:
            self._bigram_cache[pair] = weight
        return weight

    def _token_entry(self, token: str) -> tuple[tuple[float, ...], str]:
        weights = self.token_weights
        w = token.lower()
        own = [f"w={w}", f"s={_shape(token)}", f"suf={w[-3:]}", f"lex={w in self.lexicon}", "bias"]
        if token in MARKS:
            own.append("mark")
        # one lookup per feature, summed in order: no arrays for one token's nine features
        own_weight = sum(float(weights[column(f, TOKEN_DIM)]) for f in own)
        context = (float(weights[column(f"w{d}={w}", TOKEN_DIM)]) for d in CONTEXT)
        row = (own_weight, *context)
        if len(self._token_cache) < CACHE_TOKENS:  # full: rarer tokens are computed each time
            self._token_cache[token] = (row, w)
        return row, w

    def _pad_weights(self) -> dict[int, float]:
        return {d: float(self.token_weights[hashed([f"w{d}=<pad>"], TOKEN_DIM)][0]) for d in CONTEXT}

    def spans(
        self, text: str, sentences: Sequence[tuple[int, TokenStates]] | None = None
    ) -> list[tuple[int, int, float]]:
        """Candidate propaganda spans in ``text`` with their mean token probability: runs of tokens at or
        above the threshold, bridging one low token between two high ones, never across a line break.
        With ``sentences`` (see ``stateheads.word_states``) and a state head installed, a word's probability
        mixes the tagger's with the state head's, against the threshold chosen for the mix."""
        matches = list(TOKEN.finditer(text))
        words = [m.group() for m in matches]
        bounds = [m.span() for m in matches]
        probs = self.token_probability_array(words)
        threshold = self.token_threshold
        if sentences is not None and self.state_head is not None:
            from_states, has = self.state_head.probabilities(bounds, sentences)
            probs = np.where(has, self.state_mix * from_states + (1 - self.state_mix) * probs, probs)
            threshold = self.state_head.threshold
        high = probs >= threshold
        starts = np.flatnonzero(high)  # a run can only start at a high token
        out: list[tuple[int, int, float]] = []
        n = len(words)
        i = 0
        for first in starts:
            if first < i:
                continue  # inside the run just closed
            i = int(first) + 1
            last = int(first)  # the run is tokens first..last
            while i < n and "\n" not in text[bounds[i - 1][1] : bounds[i][0]]:
                if not (high[i] or (high[i - 1] and i + 1 < n and high[i + 1])):
                    break  # a low token not between two high ones ends the run
                last = i
                i += 1
            out.append((bounds[first][0], bounds[last][1], float(probs[first : last + 1].mean())))
        return out

    def techniques(self, article: str, start: int, end: int) -> list[tuple[str, float]]:
        """Technique probabilities for one span, best first."""
        return self.techniques_many(article, [(start, end)])[0]

    def techniques_many(self, article: str, spans: list[tuple[int, int]]) -> list[list[tuple[str, float]]]:
        """Technique probabilities for each span of one article, best first (one gather for all spans)."""
        if not spans:
            return []
        lowered = article.lower()
        indices = [hashed(_own_features(article, start, end, lowered), SPAN_DIM) for start, end in spans]
        starts = np.cumsum([0] + [len(i) for i in indices[:-1]])
        z = np.add.reduceat(self.span_weights[:, np.concatenate(indices)], starts, axis=1).T + self.span_bias
        lines: dict[tuple[int, int], np.ndarray] = {}  # spans on one line share its context features
        for row, (start, end) in enumerate(spans):
            line = _line(article, start, end)
            if line not in lines:
                features = line_features(article[line[0] : line[1]])
                lines[line] = self.span_weights[:, hashed(features, SPAN_DIM)].sum(axis=1)
            z[row] += lines[line]
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return [sorted(zip(self.labels, (float(x) for x in row), strict=True), key=lambda x: -x[1]) for row in p]


@cache
def available() -> bool:
    """Whether the model file is installed (looked up once)."""
    return resources.files("newsaudit.data").joinpath("models").joinpath("propaganda.npz").is_file()


@cache
def load() -> Model:
    from newsaudit.resources import table

    folder = resources.files("newsaudit.data").joinpath("models")
    with folder.joinpath("propaganda.npz").open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)
        token_weights = arrays["token_weights"].astype(np.float64)
        span_weights = arrays["span_weights"].astype(np.float64)
        span_bias = arrays["span_bias"].astype(np.float64)
        state_coef = arrays["state_coef"].astype(np.float64) if "state_coef" in arrays.files else None
    meta = json.loads(folder.joinpath("propaganda.json").read_text(encoding="utf-8"))
    state = meta.get("state_head", {})
    state_head = (
        None if state_coef is None else StateHead(state_coef, float(state["intercept"]), float(state["threshold"]))
    )
    return Model(
        token_weights=token_weights,
        token_threshold=float(meta["token_threshold"]),
        span_weights=span_weights,
        span_bias=span_bias,
        labels=tuple(meta["labels"]),
        precision={k: float(v) for k, v in meta["dev_precision"].items()},
        lexicon=frozenset(row[0] for row in table("loaded_words.tsv")),
        state_head=state_head,
        state_mix=float(state.get("mix", 0.0)),
    )

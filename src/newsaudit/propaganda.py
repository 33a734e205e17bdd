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
import math
import re
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

TOKEN_DIM = 1 << 18
SPAN_DIM = 1 << 16
TOKEN = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
MAX_GAP = 1  # one low token inside a run does not split a span


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
    for d in (-2, -1, 1, 2):
        j = i + d
        out.append(f"w{d}={tokens[j].lower() if 0 <= j < len(tokens) else '<pad>'}")
    left = tokens[i - 1].lower() if i else "<s>"
    out.append(f"bi={left}_{w}")
    if tokens[i] in ("!", "?", '"', "“", "”"):
        out.append("mark")
    return out


def span_features(article: str, start: int, end: int) -> list[str]:
    span = article[start:end]
    low = span.lower()
    words = re.findall(r"\w+", low)
    out = [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in itertools.pairwise(words)]
    padded = f" {low} "
    out += [f"c={padded[k : k + 3]}" for k in range(len(padded) - 2)]
    line_start = article.rfind("\n", 0, start) + 1
    line_end = article.find("\n", end)
    context = article[line_start : line_end if line_end >= 0 else len(article)].lower()
    out += [f"ctx={w}" for w in re.findall(r"\w+", context)]
    out.append(f"len={min(len(words), 12)}")
    repeats = article.lower().count(low) if low.strip() else 0
    out.append(f"rep={min(repeats, 5)}")
    out.append(f"cap={span[:1].isupper()}")
    out.append(f"excl={'!' in context}")
    out.append("bias")
    return out


def hashed(features: list[str], dim: int) -> np.ndarray:
    return np.fromiter((zlib.crc32(f.encode("utf-8")) % dim for f in features), dtype=np.int64, count=len(features))


@dataclass(frozen=True)
class Model:
    token_weights: np.ndarray
    token_threshold: float
    span_weights: np.ndarray  # (techniques, SPAN_DIM)
    span_bias: np.ndarray
    labels: tuple[str, ...]
    precision: dict[str, float]
    lexicon: frozenset[str]

    def token_probabilities(self, tokens: list[str]) -> list[float]:
        out = []
        for i in range(len(tokens)):
            z = float(self.token_weights[hashed(token_features(tokens, i, self.lexicon), TOKEN_DIM)].sum())
            out.append(1 / (1 + math.exp(-max(-500.0, min(500.0, z)))))
        return out

    def spans(self, text: str) -> list[tuple[int, int, float]]:
        """Candidate propaganda spans in ``text`` with their mean token probability."""
        tokens = tokenize(text)
        probs = self.token_probabilities([t for _, _, t in tokens])
        out: list[tuple[int, int, float]] = []
        run: list[int] = []
        gap = 0
        for i, p in enumerate(probs):
            if run and "\n" in text[tokens[i - 1][1] : tokens[i][0]]:  # spans do not cross lines
                out.append(self._span(tokens, probs, run))
                run, gap = [], 0
            if p >= self.token_threshold:
                run.append(i)
                gap = 0
            elif run and gap < MAX_GAP and i + 1 < len(probs) and probs[i + 1] >= self.token_threshold:
                run.append(i)
                gap += 1
            else:
                if run:
                    out.append(self._span(tokens, probs, run))
                run, gap = [], 0
        if run:
            out.append(self._span(tokens, probs, run))
        return out

    @staticmethod
    def _span(tokens: list[tuple[int, int, str]], probs: list[float], run: list[int]) -> tuple[int, int, float]:
        return tokens[run[0]][0], tokens[run[-1]][1], float(np.mean([probs[i] for i in run]))

    def techniques(self, article: str, start: int, end: int) -> list[tuple[str, float]]:
        """Technique probabilities for one span, best first."""
        index = hashed(span_features(article, start, end), SPAN_DIM)
        z = self.span_weights[:, index].sum(axis=1) + self.span_bias
        z = z - z.max()
        p = np.exp(z) / np.exp(z).sum()
        return sorted(zip(self.labels, (float(x) for x in p), strict=True), key=lambda x: -x[1])


def available() -> bool:
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
    meta = json.loads(folder.joinpath("propaganda.json").read_text(encoding="utf-8"))
    return Model(
        token_weights=token_weights,
        token_threshold=float(meta["token_threshold"]),
        span_weights=span_weights,
        span_bias=span_bias,
        labels=tuple(meta["labels"]),
        precision={k: float(v) for k, v in meta["dev_precision"].items()},
        lexicon=frozenset(row[0] for row in table("loaded_words.tsv")),
    )

"""Learned cues for ``attribution_scope="broad"``: any verb the word lists do not know.

PolNeAR's notion of attribution is wide (beliefs, stances, intentions, acts), and its cues
form a long tail ("is stressing", "balked at", "is seizing on") that no word list covers.
In broad scope every other word of a sentence is tried as a cue by the same rules as the
listed verbs (a source phrase to its left, content to its right); a logistic regression over
the shape of the result (the word, its ending, its neighbours, the kind of source phrase, how
the content starts) then keeps only the ones that read as attributions. Trained on PolNeAR
*train* by ``training/cue_filter.py``; shipped as ``models/cue_filter.json`` (feature ->
weight, no pickle). The speech scope (the default) never uses it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsaudit.analyzers.attribution.kinds import parse
from newsaudit.resources import stopwords

WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]")
NEXT_RE = re.compile(r"\s*([\w’']+|[^\w\s])?\s*([\w’']+|[^\w\s])?")
PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "this", "these", "those"])
MODEL = "cue_filter.json"
MIN_VERB_RATE = 0.1  # a word seen as a verb less often than this is not tried


@dataclass(frozen=True, slots=True)
class CueFilter:
    weights: dict[str, float]
    bias: float
    threshold: float
    lexicon: dict[str, list[float]]  # word -> how often it is a verb, has a clausal complement, a subject

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold


@cache
def cue_filter() -> CueFilter | None:
    """The shipped filter, or None when it is not installed."""
    path = resources.files("newsaudit") / "data" / "models" / MODEL
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueFilter(data["weights"], data["bias"], data["threshold"], data["lexicon"])


def candidate_words(
    text: str, start: int, end: int, known: frozenset[str], lexicon: dict[str, list[float]]
) -> Iterator[tuple[int, int]]:
    """Lowercase words of ``text[start:end]`` that may be an unlisted cue: not a stop word, not a
    listed cue form, not an -ly adverb, and not a word the silver parses seldom tag as a verb."""
    stop = stopwords()
    for m in WORD_RE.finditer(text, start, end):
        word = m.group(0)
        if word in stop or word in known or word.endswith("ly"):
            continue
        rates = lexicon.get(word)
        if rates is None or rates[0] >= MIN_VERB_RATE:
            yield m.start(), m.end()


def _shape(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return "empty"
    first = words[0].lower().strip("“\"'‘")
    if len(words) == 1 and first in PRONOUNS:
        return "pron:" + first
    if first in ("the", "a", "an"):
        head = words[-1].rstrip("’'s")
        return "det-" + ("cap" if head[:1].isupper() else "low")
    if all(w[:1].isupper() for w in words):
        return f"name{min(len(words), 3)}"
    return "mixed"


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def features(
    text: str,
    s_start: int,
    s_end: int,
    cue: tuple[int, int],
    source: tuple[int, int],
    content: tuple[int, int],
    lexicon: dict[str, list[float]],
) -> list[str]:
    """What the filter sees of one candidate: strings, each a feature with weight 1."""
    word = text[cue[0] : cue[1]].lower()
    phrase = text[source[0] : source[1]]
    gap = text[source[1] : cue[0]].split() if source[1] <= cue[0] else ["<after>"]
    nxt = NEXT_RE.match(text, cue[1], s_end)
    next1 = (nxt.group(1) or "").lower() if nxt else ""
    next2 = (nxt.group(2) or "").lower() if nxt else ""
    lead = text[content[0] : min(content[1], content[0] + 12)].split()
    head = lead[0].lower() if lead else ""
    shape = _shape(phrase)
    ending = "ing" if word.endswith("ing") else "ed" if word.endswith("ed") else "s" if word.endswith("s") else "base"
    n_words = len(text[content[0] : content[1]].split())
    out = [
        "w=" + word,
        "suf3=" + word[-3:],
        "end=" + ending,
        "src=" + shape,
        "src_last=" + (phrase.split()[-1].lower() if phrase.split() else ""),
        "gap=" + " ".join(g.lower() for g in gap[-2:]),
        "gaplen=" + str(min(len(gap), 3)),
        "n1=" + next1,
        "n12=" + next1 + " " + next2,
        "w_n1=" + word + " " + next1,
        "c_head=" + head,
        "c_len=" + str(min(n_words // 4, 6)),
        "end_src=" + ending + " " + shape,
        "src_at_start=" + str(not text[s_start : source[0]].strip()),
        "after=" + str(source[0] > cue[0]),
        "stem=" + _stem(word),
        "stem_src=" + _stem(word) + " " + shape[:4],
        "stem_n1=" + _stem(word) + " " + next1,
        "n1_src=" + next1 + " " + shape[:4],
        "gap_end=" + " ".join(g.lower() for g in gap[-1:]) + " " + ending,
    ]
    kind = parse(phrase).kind if phrase.strip() else "none"
    before = text[s_start : source[0]].split()
    out += [
        "kind=" + kind,
        "kind_end=" + kind + " " + ending,
        "w_kind=" + word + " " + kind,
        "prev=" + (before[-1].lower() if before else "<s>"),
        "quoted=" + str(any(m in text[content[0] : content[1]] for m in '“"')),
    ]
    rates = lexicon.get(word)
    if rates is None:
        out.append("lex=unknown")
    else:  # how often the word is a verb, has a clausal complement, has a subject (silver parses)
        verb, comp, subj = (str(int(r * 4)) for r in rates)
        out += ["vb=" + verb, "cc=" + comp, "sj=" + subj, "vb_cc=" + verb + comp, "cc_src=" + comp + shape[:4]]
    return out

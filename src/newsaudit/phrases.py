"""Listed words and phrases in text, by dictionary lookup over word runs (no big regex alternations).

A form is lowercase words separated by single spaces ("will eventually"). It matches whole runs of
letters, digits, apostrophes and hyphens separated by whitespace, case-insensitively: what
``(?<![\\w’'-])(?:form|...)(?![\\w’'-])`` with ``re.I`` and ``\\s+`` between words finds, at a
fraction of the cost. Matches are leftmost first, the longest form at a position wins, and they do
not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

WORD_RUN = re.compile(r"[\w’'-]+")


def find(
    text: str, forms: Container[str], *, start: int = 0, end: int | None = None, max_words: int = 1
) -> Iterator[tuple[int, int, str]]:
    """(start, end, matched text) of each listed form in ``text[start:end]``."""
    runs = list(WORD_RUN.finditer(text, start, len(text) if end is None else end))
    i = 0
    while i < len(runs):
        for n in range(min(max_words, len(runs) - i), 0, -1):
            if n > 1 and not all(text[runs[j].end() : runs[j + 1].start()].isspace() for j in range(i, i + n - 1)):
                continue
            phrase = " ".join(r.group(0).lower() for r in runs[i : i + n]) if n > 1 else runs[i].group(0).lower()
            if phrase in forms:
                first, last = runs[i].start(), runs[i + n - 1].end()
                yield first, last, text[first:last]
                i += n
                break
        else:
            i += 1


def max_words(forms: Iterable[str]) -> int:
    """The most words in one form."""
    return max((len(f.split()) for f in forms), default=1)

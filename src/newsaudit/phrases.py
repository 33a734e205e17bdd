"""Listed words and phrases in text, by dictionary lookup over word runs (no big regex alternations).

A form is lowercase words separated by single spaces ("will eventually"). It matches whole runs of
letters, digits, apostrophes and hyphens separated by whitespace, case-insensitively: what
``(?<![\\w’'-])(?:form|...)(?![\\w’'-])`` with ``re.I`` and ``\\s+`` between words finds, at a
fraction of the cost. Matches are leftmost first, the longest form at a position wins, and they do
not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD_RUN = re.compile(r"[\w’'-]+")


class PhraseIndex:
    """A set of forms, indexed for ``find``."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = frozenset(forms)
        self.longest: dict[str, int] = {}  # first word of a multi-word form -> most words after it
        for form in self.forms:
            words = form.split()
            if len(words) > 1:
                self.longest[words[0]] = max(self.longest.get(words[0], 1), len(words))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, matched text) of each listed form in ``text[start:end]``."""
        runs = list(WORD_RUN.finditer(text, start, len(text) if end is None else end))
        forms, longest = self.forms, self.longest
        i = 0
        while i < len(runs):
            word = runs[i].group(0).lower()
            for n in range(min(longest.get(word, 1), len(runs) - i), 1, -1):
                spaced = all(text[runs[j].end() : runs[j + 1].start()].isspace() for j in range(i, i + n - 1))
                if spaced and " ".join([word, *(r.group(0).lower() for r in runs[i + 1 : i + n])]) in forms:
                    break
            else:
                n = 1
                if word not in forms:
                    i += 1
                    continue
            first, last = runs[i].start(), runs[i + n - 1].end()
            yield first, last, text[first:last]
            i += n

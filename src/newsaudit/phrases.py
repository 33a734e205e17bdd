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
        self.firsts = frozenset(form.split()[0] for form in self.forms)
        """Every form's first word: a text with none of them has no match."""

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, matched text) of each listed form in ``text[start:end]``."""
        end = len(text) if end is None else end
        piece = text[start:end]  # callers pass a sentence's bounds in a whole article
        lowered = piece.lower()
        if len(lowered) != len(piece):  # a letter whose lowercase is longer ("İ"): offsets would shift
            yield from self._find_slow(text, start, end)
            return
        words = WORD_RUN.findall(lowered)
        if self.firsts.isdisjoint(words):  # often: one C-level set test, no Python loop
            return
        spans = [m.span() for m in WORD_RUN.finditer(lowered)]
        forms, longest, firsts = self.forms, self.longest, self.firsts
        resume = 0
        for i, word in enumerate(words):
            if i < resume or word not in firsts:
                continue
            for n in range(min(longest.get(word, 1), len(words) - i), 1, -1):
                spaced = all(piece[spans[j][1] : spans[j + 1][0]].isspace() for j in range(i, i + n - 1))
                if spaced and " ".join(words[i : i + n]) in forms:
                    break
            else:
                n = 1
                if word not in forms:
                    continue
            first, last = spans[i][0], spans[i + n - 1][1]
            yield start + first, start + last, piece[first:last]
            resume = i + n

    def _find_slow(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """The definition ``find`` follows: each run lowercased on its own."""
        runs = list(WORD_RUN.finditer(text, start, end))
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

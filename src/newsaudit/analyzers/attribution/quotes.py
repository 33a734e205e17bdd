"""Direct quotations: spans between quotation marks, across sentences and paragraphs.

Curly marks (“ ” ‘ ’ « ») and straight double quotes are paired per paragraph. News style
opens every paragraph of a multi-paragraph quote and closes only the last one: an unclosed
quote whose next paragraph opens with a mark continues there. A mark that is never closed
is reported as unbalanced (the quote runs to the end of its paragraph) instead of guessed.
A closing mark after a space and before a letter opens a quote (a misprint).
Single curly quotes are quotes only when they open after a space or at the start and close
before a space or punctuation, so that apostrophes ("Afghanistan’s") are not taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsaudit.model import Paragraph

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»“"
SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘")
MISPRINTED_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=\s))”(?=\w)")
"""A closing mark that can only be opening: after a space or a line start, before a letter
(”Mr. Trump embodies ...” in scraped comments)."""
SINGLE_CLOSE_RE = re.compile(r"’(?=[\s.,;:!?)\]—–-]|$)")
MIN_QUOTE_CHARS = 3
MARK_RE = re.compile("''|[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + '"‘’') + "]")
"""Every mark that can open or close a quote; two apostrophes ('') are a double mark, as in text
converted from typeset quotes (the New York Times archive writes ''Yes,'' he said)."""


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph end when unbalanced)
    balanced: bool
    mark: int = 1  # characters in each mark: 2 for ''

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.mark, self.end - self.mark if self.balanced else self.end


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...]) -> list[Quote]:
    quotes: list[Quote] = []
    carry: int | None = None  # start of a quote left open by an earlier paragraph
    previous_end = 0
    for para in paragraphs:
        found, open_at = _paragraph_quotes(text, para.start, para.end)
        if carry is not None:
            if found and found[0].start == para.start:  # continues, and closes in this paragraph
                quotes.append(Quote(carry, found[0].end, True))
                found, carry = found[1:], None
            elif open_at == para.start and not found:  # continues through this whole paragraph
                previous_end = para.end
                continue
            else:  # never closed
                quotes.append(Quote(carry, previous_end, False))
                carry = None
        quotes.extend(found)
        carry = open_at
        previous_end = para.end
    if carry is not None:
        quotes.append(Quote(carry, previous_end, False))
    return [q for q in quotes if q.end - q.start >= MIN_QUOTE_CHARS]


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quote], int | None]:
    """Balanced quotes in one paragraph and where an unclosed one opens, if any."""
    out: list[Quote] = []
    open_at: int | None = None
    open_char = ""
    for mark in MARK_RE.finditer(text, start, end):  # the other characters never open or close a quote
        i, ch = mark.start(), mark.group(0)
        if open_at is None:
            if ch in OPEN_DOUBLE or ch in ('"', "''") or (ch == "‘" and SINGLE_OPEN_RE.match(text, i)):
                open_at, open_char = i, ch
            elif ch == "”" and MISPRINTED_OPEN_RE.match(text, i):
                open_at, open_char = i, "“"
        elif _closes(text, i, open_char):
            out.append(Quote(open_at, i + len(ch), True, len(ch)))
            open_at = None
    return out, open_at


def _closes(text: str, i: int, open_char: str) -> bool:
    ch = text[i]
    if open_char == "''" or text.startswith("''", i):
        return open_char == "''" and text.startswith("''", i)
    if open_char == '"':
        return ch in '"”'
    if open_char == "‘":
        return ch == "’" and bool(SINGLE_CLOSE_RE.match(text, i))
    if open_char == "«":
        return ch == "»"
    return ch in '”"'

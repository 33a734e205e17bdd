"""Paragraphs and sentences with character offsets into the canonical text.

Rule-based and fast (no model): a boundary is sentence-final punctuation, optionally closed
by quotes or brackets, then space, then something that can open a sentence. Abbreviations
come from ``data/abbreviations.tsv``; single initials ("John F. Kennedy") never end a
sentence; ``other`` abbreviations ("U.S.", "Inc.", "Jan.") end one only when the next
word is a usual sentence opener.
"""

from __future__ import annotations

import re
from functools import cache

from newsaudit.model import Paragraph, Sentence
from newsaudit.resources import stopwords, table

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # blocks separated by blank lines (or one line)

# Final punctuation, closing quotes/brackets, whitespace, then an opener: optional quote or
# bracket, then an uppercase letter or a digit.
BOUNDARY_RE = re.compile(r"""(?P<punct>[.!?]+|…)(?P<close>["'”’»)\]]*)(?P<space>\s+)(?=[\"'“‘«(\[]?[A-Z0-9À-Þ])""")
WORD_BEFORE_RE = re.compile(r"(\S+)$")
SENTENCE_OPENERS_EXTRA = frozenset({"but", "and", "yet", "so", "still", "meanwhile", "however", "in", "on", "at"})


@cache
def _abbreviations() -> dict[str, str]:
    return {row[0]: row[1] for row in table("abbreviations.tsv") if len(row) == 2}


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs are lines, or blocks of lines separated by blank lines when the text has them."""
    spans = []
    for m in re.finditer(r"[^\n]+", text) if "\n\n" not in text else PARAGRAPH_RE.finditer(text):
        start, end = _strip(text, m.start(), m.end())
        if end > start:
            spans.append(Paragraph(start, end))
    return tuple(spans)


def sentences(text: str, paras: tuple[Paragraph, ...] | None = None) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for index, para in enumerate(paras if paras is not None else paragraphs(text)):
        for start, end in split_sentences(text, para.start, para.end):
            out.append(Sentence(start, end, index))
    return tuple(out)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a paragraph)."""
    spans: list[tuple[int, int]] = []
    begin = start
    abbreviations = _abbreviations()
    for m in BOUNDARY_RE.finditer(text, start, end):
        cut = m.start("space")
        if m.group("punct") == "." and not m.group("close"):
            before = WORD_BEFORE_RE.search(text, begin, m.start("punct"))
            if before is not None and not _ends_sentence(before.group(1), text, m.end(), end, abbreviations):
                continue
        if QUOTE_CLOSERS.intersection(m.group("close")) and _speaker_tag(text, m.end(), end, m.group("punct")):
            continue  # "“How many times?” Clinton said." is one sentence
        s, e = _strip(text, begin, cut)
        if e > s:
            spans.append((s, e))
        begin = m.end()
    s, e = _strip(text, begin, end)
    if e > s:
        spans.append((s, e))
    return spans


QUOTE_CLOSERS = frozenset("\"'”’»")
TAG_MAX_WORDS = 5  # words before the verb in a speaker tag ("Senator Jane Doe of Ohio said")
TAG_TAIL_WORDS = 6  # after "?” / !”", words that may follow the verb ("Clinton asked the crowd.")


@cache
def _speech_forms() -> frozenset[str]:
    from newsaudit.analyzers.attribution.lexicon import hand_cues  # the reporting-verb data file

    return frozenset(form for form, cue in hand_cues().items() if cue.tier == "speech" and " " not in form)


def _speaker_tag(text: str, pos: int, end: int, punct: str) -> bool:
    """Whether a quotation closing before ``pos`` is followed by its speaker tag: a short subject
    and a speech verb that ends the sentence ("Clinton said.", "Sen. Doe said on Monday." after
    "?”"/"!”"), rather than a new sentence ("Trump told reporters he would leave.")."""
    words = text[pos : min(end, pos + 200)].split()[: TAG_MAX_WORDS + TAG_TAIL_WORDS + 1]
    forms = _speech_forms()
    for i, word in enumerate(words[: TAG_MAX_WORDS + 1]):
        bare = word.rstrip(".,;:!?")
        if i > 0 and bare.lower() in forms and bare.islower():
            if word.endswith((".", ",")):
                return True
            tail = words[i + 1 : i + 1 + TAG_TAIL_WORDS]
            return "." not in punct and any(w.endswith(".") for w in tail)
        if word.endswith(("!", "?", ";", ":")) or (word.endswith(".") and len(word) > 4):
            return False
    return False


def _ends_sentence(word: str, text: str, next_pos: int, end: int, abbreviations: dict[str, str]) -> bool:
    token = word.lstrip("\"'“‘([").lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "John F. Kennedy"
    kind = abbreviations.get(token)
    if kind is None:
        # Dotted initialisms not in the list (e.g. "N.A.T.O.") behave like "other".
        if not re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            return True
        kind = "other"
    if kind == "title":
        return False
    nxt = re.match(r"[\"'“‘«(\[]?([A-Za-z]+)", text[next_pos:end])
    if nxt is None:
        return False  # a digit follows: "Jan. 5", "No. 10"
    following = nxt.group(1).lower()
    return following in stopwords() or following in SENTENCE_OPENERS_EXTRA


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

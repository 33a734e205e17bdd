"""Who or what opens a sentence: the subject a participle or coordinated cue later in the
sentence shares ("The Post on Thursday ..., saying ..."; "She gave no date, but said ...")."""

from __future__ import annotations

from newsaudit.analyzers.attribution.entities import (
    MONTHS,
    PERIOD_WORDS,
    TIME_WORDS,
    YEAR,
    Phrase,
    adverb,
    tokens,
)
from newsaudit.analyzers.attribution.kinds import (
    ANONYMOUS_HEADS,
    DETERMINERS,
    DOCUMENT_HEADS,
    ORG_WORDS,
    PRONOUNS,
    group_nouns,
    parse,
    person_head,
    plural_person,
)
from newsaudit.analyzers.attribution.lexicon import titles, word_group
from newsaudit.resources import stopwords

INTRO_OPENERS = word_group("intro_openers")
CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "or", "still", "now", "then"})
SUBJECT_KINDS = frozenset({"person", "organization", "outlet", "anonymous", "document"})
SUBJECT_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "its", "his", "her", "their", "our", "some", "several", "many"}
)


def sentence_subject(text: str, s_start: int, limit: int, *, first_clause: bool = False) -> Phrase | None:
    """Who or what opens a sentence, for a participle clause later in it ("The Post on Thursday
    ..., saying ..." -> "The Post"; "Last week the mayor spoke to reporters, saying ..." -> "the
    mayor"): a name, or a determiner and a noun that names a source ("the mayor", "the company").
    ``first_clause``: for a coordinated cue, the subject may open a first clause that is not a
    setting ("She gave no date, but said …")."""
    toks = tokens(text, s_start, limit)
    dash = next((i for i, t in enumerate(toks[:8]) if t[0] in ("—", "–")), None)
    if dash is not None and all(t[0].isupper() or t[0] in ",." for t in toks[:dash]):
        toks = toks[dash + 1 :]  # a dateline: "BUFFALO, N.Y. — ..."
    whole = toks
    while True:  # skip "Then," / "Last week," / "In a statement on Monday,"
        comma = next((i for i, t in enumerate(toks[:10]) if t[0] == ","), None)
        if comma is None or comma == 0:
            break
        toks = toks[comma + 1 :]
    found = _subject_of(text, toks)
    if (
        found is None
        and first_clause
        and toks is not whole
        and not _opening_piece(whole[: next(i for i, t in enumerate(whole) if t[0] == ",")])
    ):
        subject = _subject_of(text, whole)  # "She gave no date, but said …": the subject opens the first clause
        first = subject.text.split()[0].lower() if subject is not None and subject.text else ""
        plain = first not in stopwords() and not adverb(first)  # not "Perhaps go a step further, and ask"
        return subject if first in PRONOUNS or (first and plain) else None
    return found


def _subject_of(text: str, toks: list[tuple[str, int, int]]) -> Phrase | None:
    while toks and toks[0][0].lower() in CONJUNCTIONS:
        toks = toks[1:]
    toks = toks[opening_time(toks) :]
    if toks and (toks[0][0] in ("“", '"', "‘") or toks[0][0].lower() in INTRO_OPENERS):
        return None
    last = -1
    for i, (word, _, _) in enumerate(toks[:8]):
        title = word.lower() in titles() and i + 1 < len(toks) and toks[i + 1][0][:1].isupper()  # "Wild coach Bruce"
        if word[:1].isupper() or (i > 0 and (word.lower() in ("of", "the", "and") or title) and last == i - 1):
            last = i if word[:1].isupper() else last
            continue
        if i == 0 and word.lower() in ("the", "a", "an"):
            continue
        break
    if last == 0 and toks[0][0].lower() not in SUBJECT_DETERMINERS:
        # "Health care providers", "Trump aides": the name modifies a group noun (not "One campaign video")
        size = 0 if toks[0][0].lower() in stopwords() else _group_after(toks)
        return Phrase(toks[0][1], toks[size][2], text[toks[0][1] : toks[size][2]])
    if last >= 0 and toks[last][0].lower() not in SUBJECT_DETERMINERS:  # not "The", "Several"
        return Phrase(toks[0][1], toks[last][2], text[toks[0][1] : toks[last][2]])
    return _common_subject(text, toks)


def _group_after(toks: list[tuple[str, int, int]]) -> int:
    """The index of a plural group noun one or two lower-case words after an opening capitalised
    word ("Health care providers", "Trump aides", "Democratic lawmakers"), or 0."""
    for size in (1, 2):
        if len(toks) <= size or not all(t[0].isalpha() and t[0].islower() for t in toks[1 : size + 1]):
            return 0
        head = toks[size][0]
        if head in ANONYMOUS_HEADS or head in group_nouns() or plural_person(head):
            return size
        words = " ".join(t[0] for t in toks[: size + 1])
        if head.endswith("s") and parse(words).kind in ("organization", "anonymous"):
            return size  # "Health care providers", "Oil companies"
    return 0


def _opening_piece(toks: list[tuple[str, int, int]]) -> bool:
    """Words before a sentence's first comma that set the scene rather than hold its subject: a
    short phrase ("Last week", "Then"), one opened by a preposition or a participle ("In a statement
    on Monday", "Speaking to reporters")."""
    first = toks[0][0].lower()
    return len(toks) <= 3 or first in INTRO_OPENERS or first in TIME_WORDS or first.endswith("ing")


def opening_time(toks: list[tuple[str, int, int]]) -> int:
    """How many words of a time phrase without a comma open a sentence ("Last week", "Earlier this
    month", "On Tuesday night", "In 2019"), when at least two words follow it."""
    words = [t[0].lower() for t in toks[:4]]
    size = 0
    relative = ("last", "this", "next", "earlier", "later")
    if len(words) > 1 and words[0] in relative and words[1] in PERIOD_WORDS:
        size = 2
    elif len(words) > 2 and words[0] in relative and words[1] in ("this", "last") and words[2] in PERIOD_WORDS:
        size = 3
    elif words and words[0] in TIME_WORDS:
        size = 1
    elif (
        len(words) > 1
        and words[0] in ("on", "in", "during")
        and (words[1] in TIME_WORDS or words[1] in MONTHS or YEAR.fullmatch(words[1]))
    ):
        size = 2
    if size and size < len(words) and words[size] in PERIOD_WORDS:
        size += 1  # "On Tuesday night", "Yesterday morning"
    return size if len(toks) >= size + 2 else 0


def _common_subject(text: str, toks: list[tuple[str, int, int]]) -> Phrase | None:
    """ "the mayor", "the state's health department", "several environmental groups": a determiner
    and at most two more words (possessives aside) ending in a noun that names a source of a known
    kind: the shortest such run ("the company", not "the company cut"), one word longer when that
    word is a source noun too ("The utilities commission"). Nothing without a determiner ("it
    attacked Trump")."""
    if not toks or toks[0][0].lower() not in SUBJECT_DETERMINERS:
        return None
    plain, found = 0, None
    for size in range(2, min(8, len(toks)) + 1):
        word = toks[size - 1][0]
        if not (word.isalpha() or word.endswith(("’s", "'s"))):
            break
        if word.endswith(("’s", "'s")):
            continue
        plain += 1
        if plain > 2:
            break
        low = word.lower()
        if found is not None:  # one word past the shortest run: keep it only if it is a head itself
            compound = low in ORG_WORDS or low in ANONYMOUS_HEADS or low in DOCUMENT_HEADS or person_head(low)
            return Phrase(toks[0][1], toks[size - 1][2], text[toks[0][1] : toks[size - 1][2]]) if compound else found
        if low in DETERMINERS or low in PRONOUNS:
            continue
        surface = text[toks[0][1] : toks[size - 1][2]]
        if parse(surface).kind in SUBJECT_KINDS:
            found = Phrase(toks[0][1], toks[size - 1][2], surface)
    return found

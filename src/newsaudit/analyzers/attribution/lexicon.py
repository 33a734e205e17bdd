"""Word lists for attribution, loaded from ``newsaudit/data`` once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from newsaudit import phrases
from newsaudit.resources import table, word_set


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    tier: str  # "speech" or "belief"
    frame: str  # "say" or "tell"


@dataclass(frozen=True, slots=True)
class OutletEntry:
    name: str
    aliases: tuple[str, ...]
    domain: str
    type: str


def inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma (irregular ones are listed in the data)."""
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


@cache
def cues() -> dict[str, Cue]:
    """Every cue form (lowercase, possibly two words) -> its cue: the hand-written lexicon, then
    the verb forms learned from PolNeAR train (training/cue_lexicon.py) in the belief tier."""
    out = dict(hand_cues())
    for row in table("cues_polnear.tsv"):
        out.setdefault(row[0], Cue(row[0], "belief", "say"))
    return out


@cache
def speech_forms() -> frozenset[str]:
    """Cue forms of the speech tier: the ones the learned cue filter leaves to the rules."""
    return frozenset(f for f, c in cues().items() if c.tier == "speech")


@cache
def hand_cues() -> dict[str, Cue]:
    """The hand-written lexicon (``reporting_verbs.tsv``)."""
    out: dict[str, Cue] = {}
    for row in table("reporting_verbs.tsv"):
        lemma, tier, frame = row[0], row[1], row[2]
        forms = row[3].split() if len(row) > 3 and row[3] else inflect(lemma)
        if " " in lemma:  # phrasal: "point out" -> forms given as pairs of words
            words = row[3].split() if len(row) > 3 else []
            forms = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
        for form in forms:
            out.setdefault(form.lower(), Cue(lemma, tier, frame))
    return out


@cache
def _cue_index(tiers: tuple[str, ...]) -> phrases.PhraseIndex:
    return phrases.PhraseIndex(f for f, c in cues().items() if c.tier in tiers)


def cue_matches(text: str, start: int, end: int, tiers: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """Cue forms of ``tiers`` in ``text[start:end]`` as (start, end, text), left to right (whole
    words; a two-word form such as "pointed out" before a one-word one)."""
    return _cue_index(tiers).find(text, start, end)


@cache
def outlets() -> tuple[OutletEntry, ...]:
    rows = []
    for row in table("outlets.tsv"):
        padded = (*row, "", "", "")[:4]
        aliases = tuple(a for a in padded[1].split("|") if a)
        rows.append(OutletEntry(padded[0], aliases, padded[2], padded[3]))
    return tuple(rows)


@cache
def outlet_index() -> dict[str, OutletEntry]:
    """Surface form -> outlet. Names are matched case-sensitively (CNN is not 'cnn'), so that
    generic words ("Time", "Fox") only match when written as a name."""
    index: dict[str, OutletEntry] = {}
    for entry in outlets():
        for surface in (entry.name, *entry.aliases):
            if surface.lower().startswith("the ") and len(surface.split()) == 2:
                continue  # "the Journal", "the Post": resolved in context, not globally
            for form in {surface, surface.replace("'", "’")}:  # "People's Daily" as typeset: "People’s Daily"
                index.setdefault(form, entry)
                if form.startswith("The "):
                    index.setdefault(form[4:], entry)
    return index


@cache
def organization_names() -> frozenset[str]:
    """Names and aliases of the curated organisations (``organizations.tsv``), as written: a company
    named without an organisation word ("Goldman Sachs", "Pfizer") is not read as a person."""
    names: set[str] = set()
    for row in table("organizations.tsv"):
        padded = (*row, "")[:2]
        for surface in (padded[0], *padded[1].split("|")):
            if surface:
                names.add(surface)
                if surface.startswith("the "):
                    names.add(surface[4:])
    return frozenset(names)


@cache
def state_names() -> frozenset[str]:
    """States and the capitals that stand for their governments (``countries.txt``), as written."""
    return frozenset(row[0] for row in table("countries.txt"))


@cache
def short_outlet_aliases() -> dict[str, tuple[OutletEntry, ...]]:
    """'the Journal' -> outlets it can stand for (resolved to the one the article named)."""
    out: dict[str, list[OutletEntry]] = {}
    for entry in outlets():
        for surface in entry.aliases:
            if surface.lower().startswith("the ") and len(surface.split()) == 2:
                out.setdefault(surface.split()[1], []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@cache
def word_group(name: str) -> frozenset[str]:
    """A named group of words from ``attribution_words.tsv``."""
    for row in table("attribution_words.tsv"):
        if row[0] == name:
            return frozenset(row[1].split())
    raise KeyError(f"no word group {name!r} in attribution_words.tsv")


def source_nouns() -> frozenset[str]:
    return word_set("source_nouns.txt")


def titles() -> frozenset[str]:
    return word_set("source_titles.txt")

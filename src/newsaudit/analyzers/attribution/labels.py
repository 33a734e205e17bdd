"""Attributions without a verb: "according to", speaker labels and dash credits.

- ``According to SOURCE, CONTENT.`` / ``CONTENT, according to SOURCE[, a description].``
- ``NAME: CONTENT``: "PENCE: Well, ..." in a transcript, "Name: “quote”", and a headline
  "Pence: Flowers Won’t Be at Debate" (a one- or two-word name before a title-case claim).
- ``“QUOTE” ― NAME``: a quotation credited after a dash (pull quotes, quoted posts, epigraphs).
"""

from __future__ import annotations

import re

from newsaudit.analyzers.attribution.candidate import Candidate
from newsaudit.analyzers.attribution.content import skip_space, trim_end
from newsaudit.analyzers.attribution.entities import Phrase, is_time_phrase
from newsaudit.analyzers.attribution.kinds import Parsed, parse
from newsaudit.analyzers.attribution.lexicon import organization_names, outlet_index, state_names, word_group
from newsaudit.analyzers.attribution.quotes import Quote

# "PENCE: Well, ..." (transcripts) and "Pence: Flowers won't be at debate" (headlines).
SPEAKER_LABEL_RE = re.compile(
    r"[\"“]?(?P<name>(?:[A-Z][A-Za-z’'.-]*[A-Za-z.]\s+){0,3}[A-Z][A-Za-z’'.-]*[A-Za-z.])\s*(?P<colon>:)\s+"
    r"(?=\S+\s+\S+\s+\S+)"
)
NOT_SPEAKERS = word_group("not_speakers")
ACCORDING_RE = re.compile(r"\baccording\s+to\b", re.I)
SENTENCE_LINKS = frozenset(("but", "and", "yet", "so", "however", "still", "also", "now", "then", "meanwhile", "or"))
CREDIT_RE = re.compile(
    r"[ \t]*\n?[ \t]*(?P<dash>[—―–])[ \t]*(?P<name>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})"
    r"(?=[ \t]*(?:$|\n|[,(.“\"]))"
)


def credit_candidates(text: str, quotes: list[Quote], found: list[Candidate]) -> list[Candidate]:
    """A quotation credited after a dash: "“We will win.” ― Ann Lee" (pull quotes, quoted posts,
    epigraphs), when no other attribution already covers the quotation."""
    out = []
    for q in quotes:
        if not q.balanced or any(c.content_start <= q.start < c.content_end for c in found):
            continue
        m = CREDIT_RE.match(text, q.end, min(len(text), q.end + 120))
        if m is None or m.group("name").lower().rstrip(".") in NOT_SPEAKERS:
            continue
        name = m.group("name").rstrip(".")
        source = Phrase(m.start("name"), m.start("name") + len(name), name)
        dash = m.start("dash")
        out.append(Candidate(dash, dash + 1, "say", "speech", source, q.start, q.end, content_first=True))
    return out


def speaker_label(text: str, start: int, end: int) -> Candidate | None:
    """The sentence ``text[start:end]`` as a labelled statement, or None."""
    label = SPEAKER_LABEL_RE.match(text, start, end)
    if label is None or not _speaker_label(text, label, end):
        return None
    content_start = skip_space(text, label.end(), end)
    content_end = trim_end(text, content_start, end)
    if not content_end:
        return None
    source = Phrase(label.start("name"), label.end("name"), label.group("name"))
    return Candidate(label.start("colon"), label.end("colon"), "say", "speech", source, content_start, content_end)


def as_speaker(parsed: Parsed, surface: str) -> Parsed:
    """A speaker label in capitals ("PENCE: Well, …") names a person, not an acronym's organisation,
    unless it is a known outlet or organisation ("CNN:")."""
    known = outlet_index().get(surface) is not None or surface in organization_names()
    if parsed.kind != "organization" or not surface.isupper() or known:
        return parsed
    return parse(surface.title())


def _speaker_label(text: str, label: re.Match[str], end: int) -> bool:
    """ "PENCE: ..." in a transcript, "Name: “quote”", or a headline "Pence: Flowers Won’t Be at
    Debate" (a name of one or two words before a title-case claim): not "Star Wars Jedi: Fallen Order"."""
    name = label.group("name")
    if all(word in NOT_SPEAKERS for word in name.lower().split()) or name.lower().startswith("dear "):
        return False  # "Hot Deal: …", "DEAR ABBY: My husband …" (a letter's salutation): not speakers
    if name in state_names() or name.title() in state_names():
        return False  # "NEW DELHI: …": a dateline
    after = text[label.end() : label.end() + 1]
    if (name.isupper() and len(name) > 2) or after in '“"‘':
        return True
    # a headline's speaker labels one line; a label that heads several lines is a category ("Deal: …")
    repeated = len(re.findall(rf"(?m)^[\"“]?{re.escape(name)}\s*:", text)) > 1
    return not repeated and _headline_claim(text, name, label.end(), end)


NAME = r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)"
HEADLINE_CUES = ("Says", "Said", "Warns", "Claims", "Tells")
HEADLINE_CUE = rf"(?P<cue>{'|'.join(HEADLINE_CUES)})"
SAYS_FIRST_RE = re.compile(rf"[\"“]?{NAME}\s+{HEADLINE_CUE}\s+(?=\S)")
SAYS_LAST_RE = re.compile(rf",\s+{NAME}\s+{HEADLINE_CUE}[.!]?[\"”]?\s*$")


def headline_says(text: str, start: int, end: int) -> Candidate | None:
    """A headline's attribution: "Obama Says Museum Will Tell of Suffering", "Clinton Hid Health
    Problems, Former White House Doctor Says" (one title-case line; the claim is the rest)."""
    line = text[start:end]
    if not any(cue in line for cue in HEADLINE_CUES) or "\n" in line.strip() or not _title_case(line):
        return None
    if (m := SAYS_FIRST_RE.match(text, start, end)) is not None:
        content_start, content_end = m.end(), trim_end(text, m.end(), end)
    elif (m := SAYS_LAST_RE.search(text, start, end)) is not None:
        content_start, content_end = skip_space(text, start, end), m.start()
    else:
        return None
    name = m.group("name")
    if len(text[content_start:content_end].split()) < 3 or name.lower() in NOT_SPEAKERS:
        return None
    source = Phrase(m.start("name"), m.end("name"), name)
    return Candidate(m.start("cue"), m.end("cue"), "say", "speech", source, content_start, content_end)


def _title_case(line: str, min_words: int = 4) -> bool:
    """Whether at least 80% of a line's longer words (and ``min_words`` of them) are capitalised."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= min_words and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_claim(text: str, name: str, start: int, end: int) -> bool:
    one_line = "\n" not in text[start:end].strip()
    return len(name.split()) <= 2 and one_line and _title_case(text[start:end], min_words=3)


def _without_time(text: str, start: int, end: int) -> int:
    """Where a source phrase ends once a closing time phrase ("on Friday", "last week") is cut."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for n in (3, 2):
        if len(words) > n and is_time_phrase([w.group(0) for w in words[-n:]]):
            return trim_end(text, start, start + words[-n].start())
    return end


ACCORDING_CLAUSE_RE = re.compile(r"\s(?:as|because|when|while|after|before|since|although|though|but)\s")


def according_candidate(text: str, s_start: int, s_end: int, c_start: int, c_end: int) -> Candidate | None:
    """ "According to X, …" (after "But", "However" too) or "…, according to X": the source runs to
    the next comma; the content is the other side of the sentence."""
    comma = text.find(",", c_end, s_end)
    np_end = comma if comma != -1 else trim_end(text, c_end, s_end)
    np_start = skip_space(text, c_end, np_end)
    clause = ACCORDING_CLAUSE_RE.search(text, np_start, np_end)  # "according to UEFA as part of the playoffs"
    if clause is not None:
        np_end = clause.start()
    np_end = _without_time(text, np_start, np_end)  # "figures released by the Labor Department on Friday"
    if np_end <= np_start:
        return None
    source = Phrase(np_start, np_end, text[np_start:np_end].strip())
    lead = text[s_start:c_start].strip(' ,“"').lower()
    if not lead or lead in SENTENCE_LINKS:  # "(But) according to X, CONTENT."
        if comma == -1:
            return None
        content_start = skip_space(text, comma + 1, s_end)
        content_end = trim_end(text, content_start, s_end)
    else:  # "CONTENT, according to X[, a description]."
        content_start = s_start
        content_end = trim_end(text, s_start, c_start)
        rest = text[comma + 1 : s_end].strip() if comma != -1 else ""
        if rest and rest.split()[0].lower() in ("a", "an", "the", "which", "who"):
            extent = (np_start, trim_end(text, comma, s_end))
            candidate = Candidate(
                c_start,
                c_end,
                "according to",
                "speech",
                source,
                content_start,
                content_end,
                content_first=True,
                extent=extent,
            )
            return candidate if content_end - content_start >= 3 else None
        if comma != -1 and trim_end(text, comma + 1, s_end) - comma > 20:
            content_end = trim_end(text, s_start, s_end)
    if DEMONSTRATIVE_RE.fullmatch(text[content_start:content_end]):  # "That’s according to a new survey"
        previous = _previous_sentence(text, s_start)
        if previous is None:
            return None
        content_start, content_end = previous
    if content_end - content_start < 3:
        return None
    return Candidate(c_start, c_end, "according to", "speech", source, content_start, content_end, content_first=True)


DEMONSTRATIVE_RE = re.compile(r"(?:That|This)(?:[’']s|\s+is|\s+was)", re.I)


def _previous_sentence(text: str, s_start: int) -> tuple[int, int] | None:
    """The sentence before ``s_start`` in the same paragraph, trimmed, or None."""
    end = trim_end(text, 0, s_start)
    paragraph = text.rfind("\n", 0, end) + 1
    stops = [m.end() for m in re.finditer(r"[.!?][”\"’']?\s+", text[paragraph:end])]
    start = paragraph + stops[-1] if stops else paragraph
    while start < end and text[start] in "-–—•* ":  # a list item's bullet
        start += 1
    return (start, end) if end - start >= 3 else None

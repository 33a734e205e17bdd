"""The source phrase before a cue when an apposition or a parenthesis stands between them:
"Jane Doe, a spokeswoman, said", "Sen. Doe (D-Wis.) said", "NAME, a fellow at X in Lyon, France, and
co-author of the study, said", "The group that owns X, Big Machine, says", "The mayor, who said"."""

from __future__ import annotations

import re

from newsaudit.analyzers.attribution.content import pronoun_before_time
from newsaudit.analyzers.attribution.entities import BOUNDARY, Phrase, is_time_phrase, left_phrase, tokens
from newsaudit.analyzers.attribution.kinds import is_name, parse
from newsaudit.analyzers.attribution.lexicon import state_names, word_group

ROLE_HEADS = word_group("role_heads")
# "The group that owns most of her music" before ", Big Machine, says": a described name's description
DESCRIBED_RE = re.compile(r"\s*(?P<np>(?:The|A|An)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that|which|who)\s[^,;:“”\"]*)$")


PARTY_STATE_RE = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")  # "R-Texas", "D-N.Y.", "D-New York"
APPOSITION_MAX_TOKENS = 30  # "Scott Pruitt, the Republican attorney general of …, said"


DISCOURSE_ADVERBS = frozenset(
    ("however", "though", "meanwhile", "too", "also", "in turn", "for example", "for instance", "in fact", "instead")
)


def _relative_antecedent(
    text: str, s_start: int, before: list[tuple[str, int, int]], k: int, *, strict: bool
) -> Phrase | None:
    """ "The mayor, who said ...", "an architect who said ...": the source is the noun phrase the
    relative pronoun stands for; the phrase runs to the pronoun, its name part is the antecedent.
    Only a clause set off by a comma or after an indefinite noun phrase: in "People who say X are
    wrong" the content's end cannot be told."""
    comma = before[k - 1][0] == ","
    found = left_phrase(text, s_start, before[k - 1][1] if comma else before[k][1], strict=strict)
    if found is None:
        return None
    words = tokens(text, found.start, found.end)
    article = next((i for i, w in enumerate(words) if w[0].lower() in ("a", "an", "the")), None)
    if article is not None and article > 0 and words[article - 1][0].islower():  # "paid an engineer who"
        found, words = Phrase(words[article][1], found.end, ""), words[article:]
    if not comma and words[0][0].lower() not in ("a", "an"):
        return None
    parsed = parse(text[found.start : found.end])
    named = text.rfind(parsed.name, found.start, found.end) if parsed.kind in ("organization", "outlet") else -1
    if parsed.role and named > found.start:  # "The data came from the Chicago Police Department, which"
        found = Phrase(named, found.end, text[named : found.end])
    pronoun_end = before[k][2]
    return Phrase(found.start, pronoun_end, text[found.start : pronoun_end], (found.start, found.end))


def source_before(
    text: str,
    s_start: int,
    c_start: int,
    c_end: int,
    s_end: int,
    before: list[tuple[str, int, int]],
    k: int,
    *,
    strict: bool,
    tell: bool = False,
) -> tuple[Phrase | None, str | None]:
    """The source phrase before a cue, past an apposition ("Jane Doe, a spokeswoman, said") or a
    parenthesis ("Sen. Doe (D-Wis.) said"). None when the cue is inverted ("…,” said X")."""
    previous = before[k][0] if k >= 0 else ""
    pronoun = pronoun_before_time(before, k)  # "McConnell, who in 2010 said …"
    if pronoun >= 1:  # "The mayor, who said ..."
        return _relative_antecedent(text, s_start, before, pronoun, strict=strict), None
    if previous == ",":
        apposition = _apposition(text, s_start, before, k, strict=strict, loose=False)
        if apposition is not None:
            return apposition
        nxt = tokens(text, c_end, min(s_end, c_end + 40))
        if not tell and nxt and nxt[0][0][:1].isupper() and not is_time_phrase([nxt[0][0]]):
            return None, None  # "…, said Megan Hester": inverted (not "…, R-Ky., said Tuesday")
        return _apposition(text, s_start, before, k, strict=strict, loose=True) or (None, None)
    if previous == ")":
        for j in range(k - 1, max(-1, k - APPOSITION_MAX_TOKENS), -1):
            if before[j][0] == "(":
                name = left_phrase(text, s_start, before[j][1], strict=strict)
                if name is None:
                    return None, None
                return Phrase(name.start, before[k][2], text[name.start : before[k][2]], (name.start, name.end)), None
        return None, None
    if previous in BOUNDARY or previous in ("”", "’", "'"):
        return None, None
    source = left_phrase(text, s_start, c_start, strict=strict)
    if source is not None:
        lead = text[s_start : source.start].rstrip()
        if lead.endswith(","):
            role = left_phrase(text, s_start, s_start + len(lead) - 1)
            if role is not None and role.text.split()[-1].lower() in ROLE_HEADS:
                extent = Phrase(role.start, source.end, text[role.start : source.end], (source.start, source.end))
                return extent, role.text
    return source, None


def _apposition(
    text: str, s_start: int, before: list[tuple[str, int, int]], k: int, *, strict: bool, loose: bool
) -> tuple[Phrase, str | None] | None:
    """ "NAME, APPOSITION, said": the name and its apposition ("a spokeswoman", "who led ...",
    "59, of Ashton")."""
    chained = None
    for j in range(k - 1, max(-1, k - APPOSITION_MAX_TOKENS), -1):
        word = before[j][0]
        if word in ("“", "”", '"', "(", ")", ";", ":"):
            return None
        if word != ",":
            continue
        if _apposition_piece(text[s_start : before[j][1]]):
            continue  # "Rawlings, 59, of Ashton, Md., who ...": an age or a place; look further left
        if _chained_piece(text, s_start, before, j, k):
            chained = j
            continue  # "…, a fellow at X in Lyon, France, and co-author of the study, said"
        role = text[before[j][2] : before[k][1]].strip()
        first = role.split()[0].lower().strip('“"') if role else ""
        if role.lower() in DISCOURSE_ADVERBS:  # "The Taliban, however, claimed"
            source = left_phrase(text, s_start, before[j][1], strict=strict)
            return (source, None) if source is not None else None
        role_like = (
            first in ("who", "whose", "a", "an", "the", "one", "both")
            or first.isdigit()
            or first in ROLE_HEADS
            or any(w.lower().strip(",.") in ROLE_HEADS for w in role.split()[:6])
            or PARTY_STATE_RE.fullmatch(role) is not None  # "Sen. Ted Cruz, R-Texas, said"
        )
        if not (role_like or loose):  # loose: "Trump, speaking to veterans, said"
            return None
        source = left_phrase(text, s_start, before[j][1], strict=strict) or _before_parenthesis(
            text, s_start, before, j, strict=strict
        )
        if source is None:
            return None
        extent_text = text[source.start : before[k][1]]
        named = is_name(role.split()) or _person_of(role)  # "His lawyer, Michael Smith of Smith & Jones LLP, said"
        if named and not is_name(source.text.split()):  # "The group that owns X, Big Machine, says"
            core = (before[j + 1][1], before[k][1])
            described = DESCRIBED_RE.match(text, s_start, before[j][1])  # the whole noun phrase, clause and all
            start = described.start("np") if described else source.start
            return Phrase(start, before[k][1], text[start : before[k][1]], core), text[start : before[j][1]]
        return Phrase(source.start, before[k][1], extent_text, (source.start, source.end)), role
    if chained is not None:  # no apposition: the subject holds the place ("A team in Greenbelt, Maryland, has")
        source = left_phrase(text, s_start, before[chained][1], strict=strict)
        if source is not None:
            return Phrase(
                source.start, before[k][1], text[source.start : before[k][1]], (source.start, source.end)
            ), None
    return None


def _person_of(role: str) -> bool:
    """ "Michael Smith of Smith & Jones LLP": a person's name with the organisation they are with."""
    parsed = parse(role)
    return parsed.kind == "person" and parsed.role is not None and parsed.role.startswith(("of ", "at ", "from "))


def _before_parenthesis(
    text: str, s_start: int, before: list[tuple[str, int, int]], j: int, *, strict: bool
) -> Phrase | None:
    """ "Rep. Gregory Meeks (D-N.Y.), chairman of ..., said": the name before a parenthesis that
    ends just before the apposition's comma."""
    if j < 1 or before[j - 1][0] != ")":
        return None
    for i in range(j - 2, max(-1, j - APPOSITION_MAX_TOKENS), -1):
        if before[i][0] == "(":
            return left_phrase(text, s_start, before[i][1], strict=strict)
    return None


def _apposition_piece(lead: str) -> bool:
    """Whether the text before a comma ends in a piece of a chained apposition: an age ("59"),
    a place ("of Ashton", "Md."), a party and state ("R-Ky.")."""
    last = lead[lead.rfind(",") + 1 :].strip()
    return bool(re.fullmatch(r"\d{1,3}|of(?:\s+[A-Z][\w.’'-]*){1,3}|[A-Z][a-z]{0,3}\.|[A-Z]-[A-Z][\w.]*", last))


def _chained_piece(text: str, s_start: int, before: list[tuple[str, int, int]], j: int, k: int) -> bool:
    """Whether the words after the comma at ``j`` (up to the next comma or the cue) continue an
    apposition that starts further left: a second role joined by "and" ("…, and co-author of the
    study,") or the state or country of a place ("… in Lyon, France,")."""
    following = next((i for i in range(j + 1, k + 1) if before[i][0] == ","), k)
    piece = text[before[j][2] : before[following][1]].strip()
    if piece.split(maxsplit=1)[0:1] == ["and"]:
        return True
    words = piece.split()
    lead = text[s_start : before[j][1]].split()
    place = 1 <= len(words) <= 2 and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words)
    after_place = len(lead) >= 2 and lead[-1][:1].isupper() and lead[-2] in ("in", "of", "at", "from")
    return place and (piece in state_names() or after_place)

"""Resolve source mentions to entities across the article: Lee → Ann Lee, WSJ and "the
paper" → The Wall Street Journal, "he" → the last person quoted (only when that is safe)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsaudit.analyzers.attribution.kinds import ORGANISATION_HEADS, Parsed, person_head
from newsaudit.analyzers.attribution.kinds import strip_article as _strip_article
from newsaudit.analyzers.attribution.lexicon import (
    OutletEntry,
    outlet_index,
    outlets,
    short_outlet_aliases,
    titles,
    word_group,
)
from newsaudit.resources import stopwords

PERSON_TITLES = (
    r"President|Senator|Sen\.|Rep\.|Representative|Gov\.|Governor|Mayor|Minister|Secretary|Gen\.|General|"
    r"Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|Prof\.|Professor|Chancellor|Premier|Ambassador|Chief|Prince|Princess|"
    r"Pope|Sheikh|Rabbi|Coach|Speaker|Chairman|Chairwoman|Commissioner|Sgt\.|Lt\.|Capt\.|Col\.|Det\.|Detective"
)
TITLED_NAME_RE = re.compile(
    rf"\b(?P<title>{PERSON_TITLES})\s+(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){{0,2}})"
)
# Two capitalised words in a row, not at the start of a sentence: another person may be meant.
OTHER_NAME_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z’'-]+ [A-Z][a-z’'-]+")
# The end of a name: not inside a longer word, though a possessive may follow ("Zach Parise’s").
NAME_END = r"(?:(?=[’']s\b)|(?![\w’'-]))"
PRONOUN_WINDOW = 600  # characters back in which "he"/"she" may find their person
NAME_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to"})


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    role: str | None = None
    domain: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    claims: int = 0
    relayed: int = 0

    def add_alias(self, surface: str) -> None:
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def last_mention_before(self, position: int) -> int:
        return max((s for s, _ in self.mentions if s < position), default=-1)


class Resolver:
    """Entities in order of first mention; ``resolve`` maps a parsed phrase to one of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []

    def resolve(self, parsed: Parsed, surface: str, start: int, end: int) -> Entity:
        entity = self._find(parsed, surface, start)
        if entity is None:
            role = parsed.role if parsed.kind == "person" else None  # an outlet's "exclusive report" is per mention
            entity = Entity(parsed.name, parsed.kind, role, parsed.outlet_domain)
            self.entities.append(entity)
        elif (
            entity.kind == "person" and parsed.kind == "person" and len(parsed.name.split()) > len(entity.name.split())
        ):
            entity.add_alias(entity.name)  # "Lee" first, "Ann Lee" later: keep the full name
            entity.name = parsed.name
        if parsed.role and not entity.role and entity.kind == "person":
            entity.role = parsed.role
        if parsed.kind == "outlet" and parsed.outlet_domain and not entity.domain:
            entity.domain = parsed.outlet_domain
        if parsed.generic:
            entity.add_alias(surface)
        elif parsed.role is None and parsed.kind not in ("anonymous", "document"):
            entity.add_alias(_strip_article(surface))
        entity.mentions.append((start, end))
        return entity

    def _find(self, parsed: Parsed, surface: str, position: int) -> Entity | None:
        if parsed.generic:
            return self._antecedent(parsed, surface, position)
        for entity in self.entities:
            compatible = entity.kind == parsed.kind or {entity.kind, parsed.kind} <= {"organization", "outlet"}
            if compatible and _same(entity, parsed):
                return entity
        return self._known_as_another_kind(parsed, surface) or self._first_name(parsed)

    def _first_name(self, parsed: Parsed) -> Entity | None:
        """ "Dale said" after "Dale Ford, a farmer, said": the one person named before whose first
        name it is (features and sports copy call people by their first names)."""
        if parsed.kind != "person" or parsed.role or " " in parsed.name or not parsed.name[:1].isupper():
            return None
        named = [
            e
            for e in self.entities
            if e.kind == "person" and len(e.name.split()) > 1 and all(w[:1].isupper() for w in e.name.split())
        ]  # one person's name, not "Volker and Morrison"
        if any(e.name.split()[-1] == parsed.name for e in named):
            return None  # also someone's surname: leave it to the surname rule
        owners = [e for e in named if e.name.split()[0] == parsed.name]
        if len(owners) != 1:
            return None
        return owners[0] if len(_next_names(self.text, parsed.name)) <= 1 else None  # "Dale Ford … Dale Smith"

    def _known_as_another_kind(self, parsed: Parsed, surface: str) -> Entity | None:
        """A bare name guessed to be a person that the article knows as an organisation or outlet
        ("Big Machine denied" after "The group that owns …, Big Machine, says"; "The Chronicle says"
        after "The San Francisco Chronicle"); or the reverse, when the guess came first: the known
        kind wins."""
        name = _strip_article(parsed.name)
        for entity in self.entities:
            known = _strip_article(entity.name)
            guess = parsed.kind in ("person", "unknown") and parsed.role is None
            if entity.kind in ("organization", "outlet") and guess:
                short = surface.lower().startswith("the ") and " " not in name and known.split()[-1] == name
                if known == name or short:
                    return entity
            guessed = entity.kind in ("person", "unknown") and not entity.role
            if parsed.kind in ("organization", "outlet") and guessed and known == name:
                entity.kind = parsed.kind
                entity.domain = entity.domain or parsed.outlet_domain
                return entity
        return None

    def _antecedent(self, parsed: Parsed, surface: str, position: int) -> Entity | None:
        if parsed.kind == "outlet":
            word = surface.rsplit(maxsplit=1)[-1]
            preferred = {e.name for e in short_outlet_aliases().get(word, ())}
            candidates = [e for e in self.entities if e.kind == "outlet"]
            named = [e for e in candidates if e.name in preferred]
            pool = named if preferred else candidates  # "the Times" is never the Reuters quoted before
            best = max(pool, key=lambda e: e.last_mention_before(position), default=None)
            return best or self._outlet_named_before(position, preferred)
        if parsed.kind == "person":
            people = [e for e in self.entities if e.kind == "person" and e.name.lower() not in ("he", "she", "i")]
            best = max(people, key=lambda e: e.last_mention_before(position), default=None)
            if best is None:
                return self._titled_person_before(position)
            last = best.last_mention_before(position)
            between = self.text[last:position]
            others = [m.group(0) for m in OTHER_NAME_RE.finditer(between) if m.group(0) not in best.name]
            if position - last <= PRONOUN_WINDOW and not others:
                return best  # safe: nobody else was named since the last mention
            return None
        if surface.lower() == "it":
            return self._it(position)
        if parsed.kind == "organization":
            orgs = [e for e in self.entities if e.kind == "organization"]
            head = surface.rsplit(maxsplit=1)[-1].lower()
            matching = [e for e in orgs if head in e.name.lower()]
            bare = len(_strip_article(surface).split()) == 1  # "the drugmaker", not "the German automaker"
            if not matching and bare and head in ORGANISATION_HEADS:  # "Pfizer said … The drugmaker added"
                since = max(0, position - PRONOUN_WINDOW)  # mentioned shortly before, not merely known
                recent = [e for e in orgs if e.last_mention_before(position) >= since]
                matching = [e for e in recent if e.kind == "organization" and not e.role]
            return max(matching, key=lambda e: e.last_mention_before(position), default=None)
        return None

    def _it(self, position: int) -> Entity | None:
        """ "it said": the organisation, outlet or document that was the last source, shortly before;
        none when a person or group was quoted since."""
        last, best = max(
            ((e.last_mention_before(position), e) for e in self.entities), default=(-1, None), key=lambda x: x[0]
        )
        if best is None or last < 0 or position - last > PRONOUN_WINDOW:
            return None
        return best if best.kind in ("organization", "outlet", "document") else None

    def _outlet_named_before(self, position: int, preferred: set[str]) -> Entity | None:
        """An outlet named in the text (not as a source) before a generic "the paper"."""
        window = self.text[max(0, position - PRONOUN_WINDOW * 2) : position]
        last = None
        for m in _outlet_name_pattern().finditer(window):
            entry = outlet_index()[m.group(0)]
            if not preferred or entry.name in preferred:
                last = entry
        if last is None:
            return None
        entity = Entity(last.name, "outlet", None, last.domain)
        self.entities.append(entity)
        return entity

    def _titled_person_before(self, position: int) -> Entity | None:
        """A person named with a title ("Senator Tom Reyes") shortly before a pronoun."""
        window_start = max(0, position - PRONOUN_WINDOW)
        matches = list(TITLED_NAME_RE.finditer(self.text, window_start, position))
        if not matches:
            return None
        name = matches[-1].group("name")
        entity = Entity(name, "person", matches[-1].group("title"))
        self.entities.append(entity)
        return entity

    def complete_names(self, text: str) -> dict[int, Entity]:
        """ "Steenburgen said" where the text elsewhere names "Mary Steenburgen": take the full
        name. A one-word name the text never completes is then, in order: the first name of the
        one person named in full ("Elise told" after "Matthesen recalled", once completed to "Elise
        Matthesen": merged into that entity); a name introduced by a kin or occupation word ("her
        brother Dale Ford", "my friend Helen"); else not called a person ("Google said"): its kind
        becomes ``unknown``. Returns the entities merged away, by ``id``, with the one each became."""
        unresolved: list[Entity] = []
        for entity in self.entities:
            if entity.kind != "person" or len(entity.name.split()) != 1 or entity.name.lower() in ("he", "she", "i"):
                continue
            if _preceded_by_a_word(text, entity.name):
                pattern = re.compile(r"((?:[A-Z][\w’'-]+\s+){1,2})" + re.escape(entity.name) + NAME_END)
                matches = list(pattern.finditer(text))
            else:  # most one-word names: no pattern to compile
                matches = []
            for m in matches:
                not_names = _not_first_names()
                words = m.group(1).split()
                if len(words) > 1 and text[: m.start()].endswith("of "):
                    words = words[-1:]  # "Secretary of State Mike Pompeo": State is the office
                while len(words) > 1 and words[0].lower().rstrip(".") in not_names:
                    words = words[1:]  # "co-CEO Marc Benioff": the title is not a first name
                first_names = [w for w in words if w.lower().rstrip(".") not in not_names]
                if first_names and len(first_names) == len(words):
                    entity.add_alias(entity.name)
                    entity.name = " ".join([*first_names, entity.name])
                    break
            else:
                titled = re.search(rf"\b({PERSON_TITLES})\s+{re.escape(entity.name)}{NAME_END}", text)
                if titled and not entity.role:
                    entity.role = titled.group(1)  # "Mr. Trump", "Gov. Noem": a person, though never named in full
                elif not entity.role:
                    unresolved.append(entity)
        merged: dict[int, Entity] = {}
        for entity in unresolved:
            owner = self._first_name(Parsed(entity.name, "person", None))
            if owner is not None:
                owner.add_alias(entity.name)
                for alias in entity.aliases:
                    owner.add_alias(alias)
                owner.mentions = sorted({*owner.mentions, *entity.mentions})
                owner.claims += entity.claims
                owner.relayed += entity.relayed
                merged[id(entity)] = owner
                continue
            introduced = _introduced(text, entity.name)
            if introduced is None:
                entity.kind = "unknown"
                continue
            full, entity.role = introduced
            family = {e.name.split()[-1] for e in self.entities if e.kind == "person" and e is not entity}
            if full != entity.name and full.split()[-1] not in family:  # "Dale", not "Dale Ford", beside John Ford
                entity.add_alias(entity.name)
                entity.name = full
        self.entities = [e for e in self.entities if id(e) not in merged]
        return merged

    def add_text_mentions(self, text: str) -> None:
        """Every occurrence of each entity's proper names in the text, not only as a source."""
        for entity in self.entities:
            if entity.kind in ("anonymous", "document", "unknown"):
                continue
            surfaces = {entity.name, *entity.aliases}
            if entity.kind == "outlet":
                for entry in _outlets_by_name().get(entity.name, ()):
                    surfaces |= {a for a in entry.aliases if not a.lower().startswith("the ")}
            if entity.kind == "person" and len(entity.name.split()) > 1:
                surfaces.add(entity.name.split()[-1])
            names = [s for s in surfaces if s[:1].isupper()]
            if not names:
                continue
            spans = set(entity.mentions)
            for start, end in find_names(text, names):
                if not any(s <= start < e for s, e in spans):
                    spans.add((start, end))
                    entity.add_alias(text[start:end])
            entity.mentions = sorted(spans)


CAPITALISED_WORD_RE = re.compile(r"[A-Z][\w’'-]+")


@cache
def _not_first_names() -> frozenset[str]:
    """Capitalised words before a surname that are not a first name: stopwords, titles, cue words,
    and words that open a sentence's setting ("Following Trump's tweet", "Despite Smith's …")."""
    return frozenset(
        stopwords() | {t.rstrip(".") for t in titles()} | {"says", "said", "told"} | word_group("intro_openers")
    )


def _introduced(text: str, name: str) -> tuple[str, str] | None:
    """The full name and role of a one-word name the text introduces after a kin or occupation word:
    "her brother Dale Ford" -> ("Dale Ford", "brother"), "my friend Helen" -> ("Helen", "friend").
    A surname is taken only when the text never gives the first name another one."""
    pattern = re.compile(rf"\b([a-z][a-z-]+)\s+{re.escape(name)}(?:\s+([A-Z][a-z’'-]+))?{NAME_END}")
    not_names = _not_first_names()
    for m in pattern.finditer(text):
        role = m.group(1)
        if not (person_head(role) or role in titles()):
            continue
        surname = m.group(2)
        if surname and surname.lower() not in not_names and len(_next_names(text, name)) == 1:
            return f"{name} {surname}", role
        return name, role
    return None


def _next_names(text: str, first_name: str) -> set[str]:
    """The capitalised words that follow ``first_name`` in the text ("Dale Ford", "Dale Smith")."""
    found: set[str] = set()
    needle = first_name + " "
    position = text.find(needle)
    while position >= 0:
        name = CAPITALISED_WORD_RE.match(text, position + len(needle))
        if name is not None:
            found.add(name.group(0))
        position = text.find(needle, position + len(needle))
    return found


def _preceded_by_a_word(text: str, name: str) -> bool:
    """Whether ``name`` occurs somewhere as a whole word after a word and whitespace (a necessary
    condition for ``complete_names``'s pattern to match)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        after = text[end] if end < len(text) else " "
        possessive = text[end : end + 2] in ("’s", "'s")  # "Zach Parise’s two goals"
        if at >= 2 and text[at - 1].isspace() and (possessive or not (_word_char(after) or after in "’'-")):
            return True
        at = text.find(name, at + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def find_names(text: str, names: list[str]) -> list[tuple[int, int]]:
    r"""Where ``names`` occur as whole names in ``text``, left to right, not overlapping, the longest
    at a position first: what ``(?<![\w’'])(?:longest|...|shortest)(?![\w’'-])`` finds, without
    compiling a pattern for each entity of each article."""
    hits: list[tuple[int, int]] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not (_word_char(before) or before in "’'") and not (_word_char(after) or after in "’'-"):
                hits.append((at, end))
            at = text.find(name, at + 1)
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int]] = []
    for start, end in hits:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


@cache
def _outlets_by_name() -> dict[str, list[OutletEntry]]:
    by_name: dict[str, list[OutletEntry]] = {}
    for entry in outlets():
        by_name.setdefault(entry.name, []).append(entry)
    return by_name


@cache
def _outlet_name_pattern() -> re.Pattern[str]:
    names = sorted(outlet_index(), key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w’'-])")


def _same(entity: Entity, parsed: Parsed) -> bool:
    a, b = _strip_article(entity.name), _strip_article(parsed.name)
    if a.lower() == b.lower() or b in entity.aliases:
        return True
    if entity.kind == "outlet" and parsed.kind == "outlet":
        known_a, known_b = outlet_index().get(a), outlet_index().get(b)
        return known_a is not None and known_a is known_b
    if entity.kind == "person" and parsed.kind == "person":
        wa, wb = _without_suffix(a.split()), _without_suffix(b.split())  # "James P. Kennedy Jr." is "Kennedy"
        return bool(wa and wb) and (wa[-1] == wb[-1]) and (len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0])
    if {entity.kind, parsed.kind} <= {"organization", "outlet"}:
        return _acronym(a) == b or _acronym(b) == a
    return False


NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def _without_suffix(words: list[str]) -> list[str]:
    return words[:-1] if len(words) > 1 and words[-1].rstrip(",") in NAME_SUFFIXES else words


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", name) if w.lower() not in NAME_STOPWORDS]
    return "".join(w[0].upper() for w in words) if len(words) > 1 else ""

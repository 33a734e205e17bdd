"""Source noun phrases: find them next to a cue, then split them into name, role and kind.

No parser is available offline, so a source phrase is found by shape: going left from a cue
over adverbs and auxiliaries, then over words up to a clause boundary (comma, quote mark,
conjunction, relative pronoun); going right from an inverted cue ("said X, a former ...")
over a capitalised run and an apposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsaudit.analyzers.attribution.lexicon import (
    cues,
    organization_names,
    outlet_index,
    short_outlet_aliases,
    source_nouns,
    state_names,
    titles,
    word_group,
)
from newsaudit.resources import stopwords

TOKEN_RE = re.compile(
    r"(?:Co|Inc|Corp|Ltd|Jr|Sr|Bros|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|St)\.(?=[\s,;:)]|$)|"
    r"[A-Z](?:\.[A-Z])+\.?|[A-Z]\.(?=\s)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\w][\w’'&.-]*[\w]|[\w]|[^\w\s]"
)
SKIP_BEFORE_CUE = word_group("skip_before_cue")
NEGATABLE = SKIP_BEFORE_CUE | {"ca", "wo", "do", "does", "did"}  # "can’t", "won’t": base + "n’t"
CLAUSE_WORDS = word_group("clause_words")
MAX_PHRASE_TOKENS = 14  # "the U.S. Attorney’s Office for the Western District of New York"
LINKING_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "on"})
NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "dos"}
)
PERSON_OF_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+(?P<prep>of|from|at|with)\s+(?P<org>(?:the\s+)?[A-Z].*)"
)
CONTRACTED_PRONOUN_RE = re.compile(r"(i|you|he|she|we|they)'(?:m|ll|re|ve|d|s)")
# "people familiar with", "China's ambassador to Britain", "an adviser to the president"
LINKING_AFTER = {
    "with": ("familiar",),
    "to": ("close", *sorted(word_group("linked_by_to"))),
    "about": ("knowledgeable",),
}
BOUNDARY = set(',;:()[]—–"“”‘’«»!?')
TIME_WORDS = word_group("time_words")
ROLE_HEADS = word_group("role_heads") | {"agent", "founder", "owner", "teacher", "doctor", "nurse", "student"}
HEAD_ENDERS = frozenset(
    {"of", "with", "for", "in", "at", "on", "to", "from", "who", "that", "which", "across", "around", "among", "near"}
)
PRONOUNS = {"he": "person", "she": "person", "they": "unknown", "it": "unknown", "we": "unknown", "i": "person"}
DOCUMENT_HEADS = word_group("document_heads")
ORGANISATION_HEADS = word_group("organisation_role_heads") - {"group", "network", "platform", "brand", "chain", "giant"}
PERSON_HEADS = word_group("person_heads")
NOT_OCCUPATIONS = frozenset({"list", "playlist", "wishlist", "checklist", "twist", "gist", "wrist", "mist", "fist"})
ANONYMOUS_HEADS = word_group("anonymous_heads")
OUTLET_DESCRIPTORS_RE = re.compile(
    r"\b(?:news\s+(?:site|website|outlet|agency|network|channel|service|portal)|newspaper|paper|daily|weekly|"
    r"broadcaster|magazine|outlet|network|tabloid|website|site|wire\s+service|news\s+agency|channel|station|"
    r"publication|blog)\s+(?=[A-Z])",
)
GENERIC_OUTLETS = word_group("generic_outlets")
ORG_WORDS = word_group("org_words")
OWNED_DOCUMENT_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:report|study|survey|analysis|investigation|story|article|interview|"
    r"statement|poll|review|assessment|data|audit)\s+(?:from|by|in|of|published\s+by|conducted\s+by|released\s+by)\s+"
    r"(?P<owner>.+)$",
    re.I,
)
POSSESSIVE_DOCUMENT_RE = re.compile(
    r"^(?P<owner>.+?)[’']s?\s+(?:[\w-]+\s+){0,2}(?:report|study|survey|analysis|investigation|story|article|"
    r"interview|statement|poll|review|assessment|data|audit|findings)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A source as written; ``core`` is its name part when an apposition or parenthesis is
    included ("Sonya Zoghlin, Carlineo's attorney" -> core "Sonya Zoghlin")."""

    start: int
    end: int
    text: str
    core: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Parsed:
    name: str
    kind: str  # outlet, person, organization, anonymous, document, unknown
    role: str | None
    generic: bool = False  # "the paper", "he": to be resolved to an earlier source
    outlet_domain: str | None = None


MONTHS = word_group("months")
SHARE_WORDS = frozenset({"percent", "per", "majority", "minority", "half", "third", "quarter", "two-thirds"})
# Last words of newspaper names ("the Des Moines Register"): after "the" and capitalised words, an outlet
NEWSPAPER_NAMES = word_group("newspaper_names")


def _is_name(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in ("of", "and") for w in words)


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


def skippable(word: str) -> bool:
    """Adverbs and auxiliaries between a source and its cue: "has twice", "consistently"."""
    low = word.lower().replace("’", "'")
    if low in MONTHS and word[:1].isupper():
        return False  # "Theresa May said", "officials in May said": a name or a month, not the auxiliary
    negated = low.endswith("n't") and low[:-3] in NEGATABLE  # "can’t", "didn’t"
    return low in SKIP_BEFORE_CUE or negated or (low.endswith("ly") and word.islower() and len(word) > 4)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


AUXILIARIES = word_group("auxiliaries")
TIME_PREPOSITIONS = word_group("time_prepositions")
PERIOD_WORDS = word_group("period_words")
YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _without_time_tail(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Tokens before a cue minus a closing time phrase ("on Tuesday", "last week", "in October",
    "in 2019"), when words remain before it."""
    j = len(toks) - 1
    while j >= 0 and skippable(toks[j][0]):
        j -= 1
    if j < 1:
        return toks
    word, previous = toks[j][0].lower(), toks[j - 1][0].lower()
    dated = (word in MONTHS or YEAR.fullmatch(word) is not None) and previous in TIME_PREPOSITIONS | {"in"}
    if not (word in TIME_WORDS or (word in PERIOD_WORDS and previous in TIME_PREPOSITIONS) or dated):
        return toks
    k = j - 1
    if toks[k][0].lower() in TIME_PREPOSITIONS or dated:
        k -= 1
    if k < 0 or toks[k][0] in BOUNDARY:
        return toks
    return toks[: k + 1]


def _placed(toks: list[tuple[str, int, int]], i: int) -> bool:
    """ "shown above", "pictured below": a participle that places the noun before it, not a cue."""
    following = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
    return toks[i][0] in ("shown", "pictured", "seen") and following in ("above", "below", "here")


def _leading_time(toks: list[tuple[str, int, int]], first: int, end_index: int) -> int:
    """How many words of a time phrase open a source phrase ("Last week", "This month", "Tuesday"),
    when a source remains after them."""
    words = [t[0].lower() for t in toks[first : end_index + 1]]
    size = 0
    if len(words) > 2 and words[0] in ("last", "this", "next", "earlier", "later") and words[1] in PERIOD_WORDS:
        size = 2
    elif len(words) > 1 and words[0] in TIME_WORDS:
        size = 1
    return size


def is_time_phrase(words: list[str]) -> bool:
    """ "Tuesday", "on Tuesday": when something was said, never who said it."""
    return bool(words) and all(w.lower() in TIME_WORDS or w.lower() in TIME_PREPOSITIONS for w in words)


STUDY_PREPOSITIONS = frozenset({"in", "of", "with", "on", "among"})


def _study_before(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a study-like document ("study", "survey", "review") heads the words just before
    position ``i``, with only lower-case words, numbers and prepositions between."""
    for j in range(i - 1, max(-1, i - 5), -1):
        word = toks[j][0]
        if word.lower() in DOCUMENT_HEADS and word.lower() not in ("data", "statement", "letter", "memo"):
            return True
        if not (word.islower() or word[:1].isdigit()) or word in BOUNDARY:
            return False
    return False


def _step_within_source(toks: list[tuple[str, int, int]], i: int, end_index: int) -> int:
    """How far to step left past a preposition at ``i`` that belongs to the source phrase: 1 after
    "familiar", "close", an envoy (``LINKING_AFTER``); 2 over a participle that modifies a group noun
    ("Officials warning of floods said"); 1 inside a study's sample ("one study in people with
    obesity found"); else 0."""
    low = toks[i][0].lower()
    if low in LINKING_AFTER and i > 0 and toks[i - 1][0].lower() in LINKING_AFTER[low]:
        return 1
    if i >= end_index:
        return 0
    if low in ("on", "at", "in", "from") and i > 0 and toks[i + 1][0].lower() in ("the", "a", "an"):
        noun = toks[i - 1][0].lower()
        if person_head(noun) or noun in _office_words() or noun in ANONYMOUS_HEADS:
            return 1  # "A doctor on the scene told"
    if (
        i >= 2
        and toks[i - 1][0].islower()
        and toks[i - 1][0].endswith(("ing", "ed"))  # "Officials warning of", "People briefed on"
        and toks[i - 2][0].lower() in _group_nouns()
        and (low in CLAUSE_WORDS or low in LINKING_PREPOSITIONS or low == "near")
    ):
        return 2
    return 1 if low in STUDY_PREPOSITIONS and _study_before(toks, i) else 0


def left_phrase(text: str, limit: int, cue_start: int, *, strict: bool = False) -> Phrase | None:
    """The source phrase that ends just before a cue (skipping "also", "has", …, and a time phrase:
    "Sanders on Tuesday said" -> "Sanders")."""
    toks = _without_time_tail(tokens(text, limit, cue_start))
    end_index = len(toks) - 1
    while end_index >= 0 and skippable(toks[end_index][0]):
        end_index -= 1
    # "Some economists who have done the calculations say": the noun before "who" heads the source
    i = (_relative_clause(toks, end_index) or end_index + 1) - 1
    while i >= 0:
        word = toks[i][0]
        low = word.lower()
        if word in BOUNDARY or (len(word) == 1 and not word.isalnum()):
            break
        tank = low == "think" and toks[i + 1][0].lower() == "tank"  # "a Washington think tank said"
        if i < end_index and low in cues() and word.islower() and not _placed(toks, i) and not tank:
            break  # another cue verb: "Officials said a scan revealed" -> "a scan" (not "The chart shown above")
        if i < end_index and low in AUXILIARIES and word.islower():
            break  # a verb of another clause: "there were 3,248 cases" -> "3,248 cases"
        step = _step_within_source(toks, i, end_index)
        if step:
            i -= step
            continue
        if low in CLAUSE_WORDS:
            if (
                low in ("and", "on")  # "Smith and Jones said", "the Institute on Drug Abuse said"
                and 0 < i < end_index
                and _is_capitalised(toks[i - 1][0])
                and _is_capitalised(toks[i + 1][0])
            ):
                i -= 1
                continue
            break
        if low in LINKING_PREPOSITIONS and i < end_index:
            following = toks[i + 1][0]
            group_noun = i > 0 and toks[i - 1][0].lower() in _group_nouns()  # "backers of tariffs"
            if not (_is_capitalised(following) or following.lower() in ("the", "a", "an") or group_noun):
                break
        if end_index - i >= MAX_PHRASE_TOKENS:
            break
        i -= 1
    return _phrase(text, toks, i + 1, end_index, strict=strict)


def _relative_clause(toks: list[tuple[str, int, int]], end_index: int) -> int | None:
    """Where "who" opens a short relative clause that ends at the cue and follows a group or
    person noun ("Residents who fled the fire said"), or None. The clause's own words must not
    name another subject ("officials who Smith said …") or hold another cue."""
    for k in range(end_index - 1, max(0, end_index - 9), -1):
        word = toks[k][0]
        if word in BOUNDARY or (word.islower() and word in cues()):
            return None
        if word != "who":
            continue
        noun, verb = toks[k - 1][0].lower(), toks[k + 1][0]
        group = noun in _group_nouns() or person_head(noun) or plural_person(noun)
        opens = verb.isalpha() and verb.islower() and verb not in PRONOUNS
        return k if group and opens else None
    return None


def _phrase(text: str, toks: list[tuple[str, int, int]], first: int, end_index: int, *, strict: bool) -> Phrase | None:
    """The source phrase over ``toks[first : end_index + 1]`` once its openers are dropped, or None
    when what is left cannot head a source."""
    while first <= end_index and toks[first][0].lower() in LINKING_PREPOSITIONS | {
        "and",
        "not",
        "never",
        "once",
        "yet",
    }:
        first += 1  # "Once the man mentioned": "once" opens the clause
    first += _leading_time(toks, first, end_index)  # "Last week State Department official David Holmes"
    if first > end_index:
        return None
    head_index = end_index
    while head_index > first and toks[head_index][0].lower() in TIME_WORDS:
        head_index -= 1
    if head_index - first >= 2 and _placed(toks, head_index - 1):
        head_index -= 2  # "The chart shown above"
    if not _can_head(toks[head_index][0], strict=strict):
        return None
    last = toks[end_index][0].lower().replace("’", "'")
    if last == "let's":
        return None  # "Let’s say …": an imperative, no source
    contraction = CONTRACTED_PRONOUN_RE.fullmatch(last)
    if last in PRONOUNS or contraction:
        first = end_index  # "In a post at the time she said" -> "she"
    start, end = toks[first][1], toks[end_index][2]
    if contraction:  # "I’m showing", "we’ve noted" -> "I", "we"
        end = start + len(contraction.group(1))
    return Phrase(start, end, text[start:end])


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in titles())


@cache
def _group_nouns() -> frozenset[str]:
    return source_nouns() | ANONYMOUS_HEADS


@cache
def _office_words() -> frozenset[str]:
    """Heads that name a person by office or role: "mayor", "founder", "agent"."""
    return titles() | ROLE_HEADS


def _can_head(head: str, *, strict: bool) -> bool:
    """Whether a word can head a source phrase. ``strict`` when the cue is also a noun ("plans",
    "back"): only a clear subject makes it a verb."""
    low = head.lower()
    if strict:
        return _is_capitalised(head) or low in PRONOUNS or low in source_nouns()
    return not (
        not head[0].isalpha()
        or (low in stopwords() and low not in PRONOUNS and not (low in MONTHS and _is_capitalised(head)))
        or (low in cues() and not _is_capitalised(head))  # "The Post said" is a name
        or (low.endswith("ly") and not _is_capitalised(head))
    )


DETERMINERS = frozenset(("the", "a", "an", "of", "one", "another", "two", "three", "several", "some", "many"))


def _modifies_a_source(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A lower-case word right before a source noun or title: "said a local resident"."""
    if not toks[i][0].isalpha() or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1][0].lower()
    return nxt in _group_nouns() or nxt in titles()


def right_phrase(text: str, start: int, limit: int) -> tuple[Phrase | None, str | None]:
    """The source after an inverted cue ("said Jane Doe, a former official") and its apposition."""
    toks = tokens(text, start, limit)
    i = 0
    while i < len(toks) and toks[i][0].lower() in SKIP_BEFORE_CUE:
        i += 1
    first = i
    role_end = first  # lower-case role words before a name: "said study co-author Ann Lee"
    while role_end < min(first + 3, len(toks)) and _role_word(toks[role_end][0]):
        role_end += 1
    if role_end == first or role_end >= len(toks) or not _is_capitalised(toks[role_end][0]):
        role_end = first
    while i < len(toks):
        word = toks[i][0]
        low = word.lower()
        if word in BOUNDARY or low in CLAUSE_WORDS or word == ".":
            break
        if i < role_end:
            i += 1
            continue
        particle = low in NAME_PARTICLES and i > first and i + 1 < len(toks) and _is_capitalised(toks[i + 1][0])
        if not (
            _is_capitalised(word)
            or low in DETERMINERS
            or low in titles()
            or low in source_nouns()
            or particle
            or (i - first < 3 and _modifies_a_source(toks, i))
        ):
            break
        i += 1
    if i == first:
        return None, None
    last = i - 1
    while last > first and toks[last][0].lower() in DETERMINERS:
        last -= 1
    words = [t[0] for t in toks[first : last + 1]]
    if is_time_phrase(words) or all(w.lower() in DETERMINERS for w in words):
        return None, None  # "…, McConnell said Tuesday."; "… said the event …"
    if i < len(toks) and toks[i][0].lower() in AUXILIARIES:
        return None, None  # "…, said members will help": the phrase is the subject of what was said
    phrase = Phrase(toks[first][1], toks[last][2], text[toks[first][1] : toks[last][2]])
    role = None
    if i < len(toks) and toks[i][0] == ",":
        rest = text[toks[i][2] : limit].strip()
        rest = re.sub(r"[.!?]+[\"”’']*$", "", rest).strip()
        first_word = rest.split()[0].lower() if rest else ""
        has_role_word = any(w.lower().strip(",.") in titles() for w in rest.split()[:8])
        if rest and (first_word in ("a", "an", "the", "who") or first_word in titles() or has_role_word):
            role = rest
    return phrase, role


def _role_word(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isalpha()
        and word.islower()
        and low not in CLAUSE_WORDS
        and low not in AUXILIARIES
        and low not in ("the", "a", "an")
        and low not in cues()
    )


def parse(phrase: str) -> Parsed:
    """Name, kind and role of a source phrase."""
    text = " ".join(phrase.split()).strip(" ,.")
    low = text.lower()
    if low in PRONOUNS:
        return Parsed(text, PRONOUNS[low], None, generic=True)
    owned = OWNED_DOCUMENT_RE.match(text) or POSSESSIVE_DOCUMENT_RE.match(text)
    if owned:
        owner = parse(owned.group("owner"))
        if owner.kind in ("outlet", "organization", "person") and not owner.generic:
            document = text[: owned.start("owner")].strip() if owned.re is OWNED_DOCUMENT_RE else None
            # a person's role is who they are, not the document ("data from MarketAxess" is no person)
            role = owner.role or (None if owner.kind == "person" else _document_role(document))
            return Parsed(owner.name, owner.kind, role, False, owner.outlet_domain)
    member = PERSON_OF_RE.match(text)
    if member and member.group("name").lower() not in titles():
        org = parse(member.group("org"))
        if org.kind in ("outlet", "organization") and parse(member.group("name")).kind in ("person", "unknown"):
            role = f"{member.group('prep')} {member.group('org')}"  # "Alex Horton of the Washington Post"
            return Parsed(member.group("name"), "person", role)
    descriptor = OUTLET_DESCRIPTORS_RE.search(text)
    if descriptor:
        name = text[descriptor.end() :]
        known = outlet_index().get(name)
        role = strip_article(text[: descriptor.end()].strip())
        return Parsed(known.name if known else name, "outlet", role, False, known.domain if known else None)
    words = text.split()
    stripped = strip_article(text)
    if any(w.lower() in SHARE_WORDS or w.endswith("%") for w in words[:4]):
        return Parsed(stripped, "anonymous", None)  # "70 percent of Americans", "a majority of voters"
    head_words = _head_part(words)
    known = outlet_index().get(stripped) or outlet_index().get(text)
    if known:
        return Parsed(known.name, "outlet", None, False, known.domain)
    if len(words) > 2 and words[0].lower() == "the" and words[-1] in NEWSPAPER_NAMES and _is_name(words[1:]):
        return Parsed(stripped, "outlet", None)  # "the Sioux Falls Daily Herald": a newspaper's name
    if stripped in organization_names() or stripped in state_names():
        return Parsed(stripped, "organization", None)  # "Goldman Sachs said", "China said"
    if len(words) == 2 and words[0].lower() == "the" and words[1] in short_outlet_aliases():
        return Parsed(text, "outlet", None, generic=True)
    head = head_words[-1].lower()
    if head in GENERIC_OUTLETS and not any(_is_capitalised(w) for w in words[1:]):
        return Parsed(stripped, "outlet", None, generic=True)
    name_start = _name_run_start(words)
    if name_start is None:
        return _unnamed(stripped, head, words)
    if (
        name_start >= 2
        and _after_a_state(words, name_start) == name_start  # not "… to Britain Liu Xiaming": a name follows
        and words[name_start - 1].lower() in ("of", "to")
        and words[name_start - 2].lower() in _office_words()
        and not any(
            _is_capitalised(w)
            for w in words[: name_start - 2]
            if w.lower() not in ("the", "a", "an") and not w.endswith(("'s", "’s"))
        )
    ):
        return Parsed(stripped, "person", stripped)  # "the mayor of Springfield", "China's envoy to Britain"
    people = plural_person(head)
    common = head in DOCUMENT_HEADS | ANONYMOUS_HEADS | source_nouns() and head not in ORG_WORDS  # not "Police said"
    if name_start == len(words) - 1 and (common or people):
        # a common noun at a sentence start: "Studies show", "Prosecutors said", "Protesters believe"
        return Parsed(stripped, "document" if head in DOCUMENT_HEADS else "anonymous", None)
    if name_start == len(words) - 1 and head.rstrip(".") in _title_words() and words[-1].isupper():
        return Parsed(stripped, "person", stripped)  # "one fintech CEO": an office, not a name
    name_start = _after_a_state(words, name_start)
    name_words = words[name_start:]
    role_words = words[:name_start]
    name = " ".join(name_words)
    title = strip_article(" ".join(role_words)) or None
    if title is not None and title.lower() in ("the", "a", "an"):
        title = None
    if head in DOCUMENT_HEADS:
        return Parsed(stripped, "document", None)
    if head in ANONYMOUS_HEADS and head not in ORG_WORDS:  # "Pentagon officials"; not "Indiana State Police"
        return Parsed(stripped, "anonymous", None)
    if people and not _is_capitalised(head_words[-1]):  # "The authors of the study in JAMA Psychiatry"
        return Parsed(stripped, "anonymous", None)
    acronym = len(name_words) > 1 and any(w.isalpha() and w.isupper() and 2 <= len(w) <= 6 for w in name_words)
    if any(_org_word(w) for w in name_words) or (name.isupper() and len(name) <= 6) or acronym:  # "Chinese CDC"
        return Parsed(name, "organization", title)
    return Parsed(name, "person", title)


def _unnamed(stripped: str, head: str, words: list[str]) -> Parsed:
    """The kind of a source with no name: its head noun decides ("a senior administration
    official", "the boy's mother", "the president of the union")."""
    if head in DOCUMENT_HEADS:
        return Parsed(stripped, "document", None)
    if head in ANONYMOUS_HEADS and head not in ORG_WORDS:  # not "the police"
        return Parsed(stripped, "anonymous", None)
    if (head in _office_words() or person_head(head)) and head not in ORG_WORDS:
        return Parsed(stripped, "person", stripped)  # "the Wikileaks founder", "the boy's mother"
    if plural_person(head):
        return Parsed(stripped, "anonymous", None)  # "the victims' parents", "local farmers"
    if head in ORGANISATION_HEADS or any(stem in ORGANISATION_HEADS for stem in _singulars(head)):
        return Parsed(stripped, "organization", None, generic=words[0].lower() == "the")  # "The utility"
    if any(_org_word(w) for w in words):  # "the unions", "teachers unions"
        # "the ministry" stands for one named before; "the French foreign ministry" names its own
        generic = words[0].lower() == "the" and not any(_is_capitalised(w) for w in words[1:])
        return Parsed(stripped, "organization", None, generic=generic)
    if head in source_nouns():
        return Parsed(stripped, "anonymous", None)
    return Parsed(stripped, "unknown", None)


def _after_a_state(words: list[str], name_start: int) -> int:
    """Where the name starts once a state that ends the role is set apart: "U.S. ambassador to the
    Ukraine Marie Yovanovitch" -> "Marie Yovanovitch". Only after a preposition (or a bare "the"),
    when two or more words remain and they are not an organisation's or a title's: "the US Justice
    Department" and "the U.S. Attorney Nealy Cox" keep their state."""
    before = [w.lower() for w in words[:name_start] if w.lower() != "the"]
    after_preposition = bool(before) and before[-1] in ("to", "of", "for", "in")
    if not after_preposition and not (name_start == 1 and not before):
        return name_start
    for size in (3, 2, 1):
        rest = words[name_start + size :]
        if (
            len(rest) >= 2
            and " ".join(words[name_start : name_start + size]) in state_names()
            and not any(_org_word(w) or w.lower().rstrip(".") in _title_words() for w in rest)
        ):
            return name_start + size
    return name_start


def person_head(word: str) -> bool:
    """A head noun that names one person by kin or occupation: "mother", "neurologist"."""
    low = word.lower()
    occupation = len(low) > 5 and low.endswith("ist") and low not in NOT_OCCUPATIONS and low.isalpha()
    return low in PERSON_HEADS or occupation


def plural_person(word: str) -> bool:
    """A plural of a ``person_head``: "farmers", "bosses", "deputies", "women"."""
    low = word.lower()
    if low in ("men", "women", "children", "people"):
        return True
    return any(person_head(stem) or stem in ROLE_HEADS for stem in _singulars(low))


def _singulars(word: str) -> list[str]:
    """What a plural noun's singular may be: "farmers" -> farmer, "bosses" -> boss, "companies" -> company."""
    if not word.endswith("s"):
        return []
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return stems


def _org_word(word: str) -> bool:
    """ "Watch", "Equities", "Agency’s": a word that makes a name an organisation's."""
    low = word.lower()
    bare = re.sub(r"[’']s?$", "", low)
    return low in ORG_WORDS or bare in ORG_WORDS or any(stem in ORG_WORDS for stem in _singulars(bare))


def _head_part(words: list[str]) -> list[str]:
    """Words up to the noun phrase's head: "A person familiar with the matter" -> "A person"."""
    for i, word in enumerate(words[1:], start=1):
        group = i == 1 and words[0].lower() in ANONYMOUS_HEADS  # "Backers of tariffs" at a sentence start
        if _modifying_participle(words, i):
            return words[:i]  # "People living near the plant": the head comes before the participle
        if word.lower() in HEAD_ENDERS and (group or not _is_capitalised(words[i - 1])):
            part = words[:i]
            while len(part) > 1 and (
                part[-1].lower() in ("familiar", "close", "knowledgeable")
                or (part[-1].islower() and part[-1].endswith("ed"))  # "a paper published in", "people briefed on"
            ):
                part = part[:-1]
            return part
    return words


def _modifying_participle(words: list[str], i: int) -> bool:
    """ "living" in "People living near the plant": a lower-case "-ing" word followed by a
    preposition or a determiner modifies the noun before it ("the ruling party" is not one)."""
    word = words[i]
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    return word.islower() and word.endswith("ing") and (following in HEAD_ENDERS or following in DETERMINERS)


def _name_run_start(words: list[str]) -> int | None:
    """Index where the final run of capitalised words (the name) starts, titles excluded
    ("Secretary of State Mike Pompeo" -> "Mike Pompeo"; "Institute for the Study of War" whole)."""
    i = len(words) - 1
    if i < 0 or not _is_capitalised(words[i]):
        return None
    connectors = {"of", "and", "for", "on"} | NAME_PARTICLES
    while i > 0 and (
        _is_capitalised(words[i - 1])
        or words[i - 1].lower() in connectors
        or (words[i - 1].lower() == "the" and i > 2 and words[i - 2].lower() in ("of", "for", "on"))
    ):
        i -= 1
    run_start = i
    title_words = _title_words()
    while i < len(words) - 1 and (
        words[i].lower().rstrip(".") in title_words or words[i].lower() in ("of", "and", "the")
    ):
        if words[i].lower().rstrip(".") in title_words and i + 3 < len(words) and words[i + 1].lower() == "of":
            i += 2  # "Secretary of State", "Minister of Defence": the office is part of the title
        i += 1
    inner = [j for j in range(i, len(words) - 2) if words[j].lower().rstrip(".") in title_words]
    if inner:  # "U.S. Defense Secretary Mark Esper", "Team Leader Jennifer Ngo-Anh": the name follows the title
        i = inner[-1] + 1
    if i == len(words) - 1 and i > run_start and _org_word(words[i]):
        return run_start  # "General Motors": a company, not a general named Motors
    return i


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _document_role(document: str | None) -> str | None:
    if not document:
        return None
    return re.sub(
        r"\s+(?:from|by|in|of|published by|conducted by|released by)$", "", strip_article(document), flags=re.I
    )

"""Source kinds: split a source phrase into name, role and kind (outlet, person, organization,
anonymous, document, unknown) by its head noun and the shape of its name, with the word lists
these need (``data/attribution_words.tsv`` and the curated name tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsaudit.analyzers.attribution.lexicon import (
    organization_names,
    outlet_index,
    short_outlet_aliases,
    source_nouns,
    state_names,
    titles,
    word_group,
)

NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "dos"}
)


TIME_NAMES = word_group("months") | word_group("time_words")  # "in August", "on Monday": when, not where
# "the embassy in Kabul", "Reuters in London": a source and where it is, not a person named London
LOCATED_RE = re.compile(r"^(?P<body>.+?)\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})$")
LOWER_LEAD_RE = re.compile(r"(?:[a-z][\w-]*\s+){1,4}(?=[A-Z])")
PERSON_OF_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+(?P<prep>of|from|at|with)\s+(?P<org>(?:the\s+)?[A-Z].*)"
)


ROLE_HEADS = word_group("role_heads") | {"agent", "founder", "owner", "teacher", "doctor", "nurse", "student"}


HEAD_ENDERS = frozenset(
    {"of", "with", "for", "in", "at", "on", "to", "from", "who", "that", "which", "across", "around", "among", "near"}
)


PRONOUNS = {"he": "person", "she": "person", "they": "unknown", "it": "unknown", "we": "unknown", "i": "person"}


DOCUMENT_HEADS = word_group("document_heads")
# "a blog post that said": written messages that are a source only before a relative pronoun
MESSAGE_HEADS = word_group("message_heads")
QUANTIFIER_SUBJECTS = word_group("quantifier_subjects")  # "Some said", "Others argued"


ORGANISATION_HEADS = word_group("organisation_role_heads") - {"group", "network", "platform", "brand", "chain", "giant"}


PERSON_HEADS = word_group("person_heads")


NOT_OCCUPATIONS = frozenset({"list", "playlist", "wishlist", "checklist", "twist", "gist", "wrist", "mist", "fist"})


ANONYMOUS_HEADS = word_group("anonymous_heads")
THOSE_OPENERS = frozenset(
    ("in", "close", "closest", "familiar", "opposed", "with", "at", "on", "inside", "within", "involved", "near")
)
"""Words after "those" that make it an unnamed group of people ("those close to the talks"), not a
determiner ("those facts")."""


OUTLET_DESCRIPTORS_RE = re.compile(
    r"\b(?:news\s+(?:site|website|outlet|agency|network|channel|service|portal)|newspaper|paper|daily|weekly|"
    r"broadcaster|magazine|outlet|network|tabloid|website|site|wire\s+service|news\s+agency|channel|station|"
    r"publication|blog)\s+(?=[A-Z])",
)


GENERIC_OUTLETS = word_group("generic_outlets")


ORG_WORDS = word_group("org_words")


OWNED_DOCUMENT_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:report|study|survey|analysis|investigation|story|article|interview|"
    r"statement|poll|review|assessment|data|audit)\s+(?P<prep>from|by|in|of|published\s+by|conducted\s+by|released\s+by)\s+"
    r"(?P<owner>.+)$",
    re.I,
)


# A document someone else obtained, or a group someone polled: they speak, not who handled them.
HANDLED_RE = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?P<head>[\w-]+)\s+(?:obtained|reviewed|seen|leaked|examined|shared|compiled|gathered|"
    r"collected|analy[sz]ed|polled|surveyed|"
    r"interviewed|contacted|questioned)\s+(?:by|with|to)\s+\S",
    re.I,
)
# "text messages Volker provided to lawmakers": a document someone named handed on (case matters
# here). Past forms that do not end like a participle; entities' left walk reads the same ones.
HANDED_VERBS = frozenset({"sent", "wrote", "gave", "left"})
HANDED_RE = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?P<head>[\w-]+)\s+(?:[A-Z][\w’'.-]*\s+){1,3}"
    rf"(?:[a-z]+(?:ed|en|wn)|{'|'.join(sorted(HANDED_VERBS))})\s+(?:to|by|with)\s+\S"
)
POSSESSIVE_DOCUMENT_RE = re.compile(
    r"^(?P<owner>.+?)[’']s?\s+(?:[\w-]+\s+){0,2}(?:report|study|survey|analysis|investigation|story|article|"
    r"interview|statement|poll|review|assessment|data|audit|findings)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Parsed:
    name: str
    kind: str  # outlet, person, organization, anonymous, document, unknown
    role: str | None
    generic: bool = False  # "the paper", "he": to be resolved to an earlier source
    outlet_domain: str | None = None


SHARE_WORDS = frozenset({"percent", "per", "majority", "minority", "half", "third", "quarter", "two-thirds"})


# Last words of newspaper names ("the Des Moines Register"): after "the" and capitalised words, an outlet
NEWSPAPER_NAMES = word_group("newspaper_names")


# A source named by its web address ("Edmunds.com", "Realtor.com"); sources.v1 reads the domain.
WEB_SITE_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)+(?:com|org|net|gov|edu|io|info|news)(?:\.[a-z]{2})?")


def is_name(words: list[str]) -> bool:
    """Whether words are a name: each capitalised but for linking words ("Institute of the Arts")."""
    kept = [w for w in words if w.lower() not in ("of", "and", "the", "de")]
    return bool(kept) and all(w[:1].isupper() for w in kept)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@cache
def title_words() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in titles())


@cache
def group_nouns() -> frozenset[str]:
    return source_nouns() | ANONYMOUS_HEADS


@cache
def office_words() -> frozenset[str]:
    """Heads that name a person by office or role: "mayor", "founder", "agent"."""
    return titles() | ROLE_HEADS


DETERMINERS = frozenset(("the", "a", "an", "of", "one", "another", "two", "three", "several", "some", "many"))


def parse(phrase: str) -> Parsed:
    """Name, kind and role of a source phrase."""
    text = " ".join(phrase.split()).strip(" ,.")
    low = text.lower()
    if low in PRONOUNS:
        return Parsed(text, PRONOUNS[low], None, generic=True)
    if strip_article(low) in QUANTIFIER_SUBJECTS:
        return Parsed(text, "anonymous", None)  # "Some said", "A few told"
    handled = _located(text) or _handled(text) or _capitalised_group(text)
    if handled is not None:
        return handled
    owned = _owned_document(text)
    if owned is not None:
        return owned
    lead = LOWER_LEAD_RE.match(text)  # "planetary geologist Rosaly Lopes of NASA's …": a role first
    member = PERSON_OF_RE.match(text, lead.end() if lead else 0)
    if member and member.group("name").lower() not in titles():
        org = parse(member.group("org"))
        if org.kind in ("outlet", "organization") and parse(member.group("name")).kind in ("person", "unknown"):
            role = f"{member.group('prep')} {member.group('org')}"  # "Alex Horton of the Washington Post"
            return Parsed(member.group("name"), "person", f"{lead.group(0)}{role}" if lead else role)
    descriptor = OUTLET_DESCRIPTORS_RE.search(text)
    if descriptor:
        name = text[descriptor.end() :]
        known = outlet_index().get(name)
        role = strip_article(text[: descriptor.end()].strip())
        return Parsed(known.name if known else name, "outlet", role, False, known.domain if known else None)
    words = text.split()
    stripped = strip_article(text)
    if _share_or_those(words):
        return Parsed(stripped, "anonymous", None)
    head_words = _head_part(words)
    known = outlet_index().get(stripped) or outlet_index().get(text)
    if known:
        return Parsed(known.name, "outlet", None, False, known.domain)
    if len(words) > 2 and words[0].lower() == "the" and words[-1] in NEWSPAPER_NAMES and is_name(words[1:]):
        return Parsed(stripped, "outlet", None)  # "the Sioux Falls Daily Herald": a newspaper's name
    if stripped in organization_names() or stripped in state_names():
        return Parsed(stripped, "organization", None)  # "Goldman Sachs said", "China said"
    if len(words) == 2 and words[0].lower() == "the" and words[1] in short_outlet_aliases():
        return Parsed(text, "outlet", None, generic=True)
    head = head_words[-1].lower()
    if _generic_outlet(words, head):
        return Parsed(stripped, "outlet", None, generic=True)
    # "according to Edmunds.com": a web site, named by its domain; "the UN High Commissioner for …": an office
    special = Parsed(stripped, "organization", None) if WEB_SITE_RE.fullmatch(stripped) else _office_for(words)
    if special is not None:
        return special
    name_start = _name_run_start(words)
    if name_start is None:
        return _unnamed(stripped, head, words)
    if (
        name_start >= 2
        and _after_a_state(words, name_start) == name_start  # not "… to Britain Liu Xiaming": a name follows
        and words[name_start - 1].lower() in ("of", "to")
        and words[name_start - 2].lower() in office_words()
        and not any(
            is_capitalised(w)
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
    if name_start == len(words) - 1 and head.rstrip(".") in title_words() and words[-1].isupper():
        return Parsed(stripped, "person", stripped)  # "one fintech CEO": an office, not a name
    name_start = _after_a_state(words, name_start)
    name_words = words[name_start:]
    role_words = words[:name_start]
    name = " ".join(name_words)
    title = strip_article(" ".join(role_words)) or None
    if title is not None and title.lower() in ("the", "a", "an"):
        title = None
    if head in DOCUMENT_HEADS and not _named_organisation(head_words[-1], name_words):
        return Parsed(stripped, "document", None)
    if head in ANONYMOUS_HEADS and head not in ORG_WORDS:  # "Pentagon officials"; not "Indiana State Police"
        return Parsed(stripped, "anonymous", None)
    if people and not is_capitalised(head_words[-1]):  # "The authors of the study in JAMA Psychiatry"
        return Parsed(stripped, "anonymous", None)
    return _named(name, name_words, role_words, title)


GROUP_NAME_LINKS = frozenset(("for", "against", "without"))


def _named(name: str, name_words: list[str], role_words: list[str], title: str | None) -> Parsed:
    """A capitalised name's kind: an organisation by its words ("Chinese CDC"), a "the" name
    ("The Wrap"), else a person."""
    acronym = len(name_words) > 1 and any(w.isalpha() and w.isupper() and 2 <= len(w) <= 6 for w in name_words)
    if any(_org_word(w) for w in name_words) or (name.isupper() and len(name) <= 6) or acronym:  # "Chinese CDC"
        return Parsed(name, "organization", title)
    if len(name_words) > 2 and name_words[1].lower() in GROUP_NAME_LINKS and plural_person(name_words[0].lower()):
        return Parsed(name, "organization", title)  # "Physicians for Human Rights", "Parents Against Vaping"
    if (
        [w.lower() for w in role_words] == ["the"]
        and len(name_words) == 1
        and name.isalpha()
        and not _title(name)
        and name not in NEWSPAPER_NAMES
    ):
        return _the_name(f"The {name}")
    return Parsed(name, "person", title)


def _title(word: str) -> bool:
    low = word.lower()
    return low in titles() or low in title_words() or low in office_words() or low in source_nouns()


def _capitalised_group(text: str) -> Parsed | None:
    """ "Researchers at Stanford University": a group noun capitalised as a sentence's first word is
    not part of the organisation's name; the phrase parsed with it in lowercase, or None ("Friends of
    the Earth" is a name: its organisation part is none)."""
    first, _, rest = text.partition(" ")
    preposition, _, owner = rest.partition(" ")
    if not (first[:1].isupper() and first[1:].islower() and preposition in ("at", "of", "from", "with", "in")):
        return None
    low = first.lower()
    if not (plural_person(low) or low in group_nouns()) or text in organization_names():
        return None
    parsed = parse(owner)
    guessed = parsed.name.startswith("The ") and parsed.kind == "organization"  # "the Earth": no known body
    return parse(f"{low} {rest}") if parsed.kind in ("organization", "outlet") and not guessed else None


def _the_name(name: str) -> Parsed:
    """ "The Wrap", "The Hill", "The Lancet": a one-word name that takes "the" is no person's. A
    rated news domain of that name ("thewrap.com") makes it an outlet, else an organisation."""
    from newsaudit.analyzers.sources import stem_index  # the rating data's domains, loaded once

    domain = stem_index().get(re.sub(r"[^a-z0-9]", "", name.lower()))
    return Parsed(name, "outlet", None, False, domain) if domain else Parsed(name, "organization", None)


def _named_organisation(head: str, name_words: list[str]) -> bool:
    """A capitalised document head inside an organisation's name: "the Centre for Economic Policy
    Research" (not "the Mueller Report", nor "a Pew Research Center survey")."""
    return is_capitalised(head) and any(_org_word(w) for w in name_words)


def _share_or_those(words: list[str]) -> bool:
    """A share of a group ("70 percent of Americans", "a majority of voters") or an unnamed group
    opened by "those" ("those close to the talks"): anonymous whatever the head noun."""
    for i, w in enumerate(words[:4]):
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        # "a majority of voters", "70 percent said"; not "Senate Majority Leader John Thune"
        if w.endswith("%") or (w.lower() in SHARE_WORDS and (w.islower() or following in ("of", "cent"))):
            return True
    return words[0].lower() == "those" and len(words) > 1 and words[1] in THOSE_OPENERS


def _unnamed(stripped: str, head: str, words: list[str]) -> Parsed:
    """The kind of a source with no name: its head noun decides ("a senior administration
    official", "the boy's mother", "the president of the union")."""
    if head in DOCUMENT_HEADS or head in MESSAGE_HEADS:  # "a blog post" (that said)
        return Parsed(stripped, "document", None)
    if head in ANONYMOUS_HEADS and head not in ORG_WORDS:  # not "the police"
        return Parsed(stripped, "anonymous", None)
    if (head in office_words() or person_head(head)) and head not in ORG_WORDS:
        return Parsed(stripped, "person", stripped)  # "the Wikileaks founder", "the boy's mother"
    if plural_person(head):
        return Parsed(stripped, "anonymous", None)  # "the victims' parents", "local farmers"
    if head in ORGANISATION_HEADS or any(stem in ORGANISATION_HEADS for stem in _singulars(head)):
        return Parsed(stripped, "organization", None, generic=words[0].lower() == "the")  # "The utility"
    if any(_org_word(w) for w in words):  # "the unions", "teachers unions"
        # "the ministry" stands for one named before; "the French foreign ministry" names its own
        generic = words[0].lower() == "the" and not any(is_capitalised(w) for w in words[1:])
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
            and not any(_org_word(w) or w.lower().rstrip(".") in title_words() for w in rest)
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
        # "Backers of tariffs", "Statistics on crime", "Figures for March" at a sentence start
        group = i == 1 and (words[0].lower() in ANONYMOUS_HEADS or words[0].lower() in DOCUMENT_HEADS)
        if _modifying_participle(words, i):
            return words[:i]  # "People living near the plant": the head comes before the participle
        if word.lower() in HEAD_ENDERS and (group or not is_capitalised(words[i - 1])):
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
    if i < 0 or not is_capitalised(words[i]):
        return None
    connectors = {"of", "and", "for", "on"} | NAME_PARTICLES
    while i > 0 and (
        is_capitalised(words[i - 1])
        or words[i - 1].lower() in connectors
        or (words[i - 1].lower() == "the" and i > 2 and words[i - 2].lower() in ("of", "for", "on"))
    ):
        i -= 1
    run_start = i
    known_titles = title_words()
    while i < len(words) - 1 and (
        words[i].lower().rstrip(".") in known_titles or words[i].lower() in ("of", "and", "the")
    ):
        if words[i].lower().rstrip(".") in known_titles and i + 3 < len(words) and words[i + 1].lower() == "of":
            i += 2  # "Secretary of State", "Minister of Defence": the office is part of the title
        i += 1
    inner = [j for j in range(i, len(words) - 2) if words[j].lower().rstrip(".") in known_titles]
    if inner:  # "U.S. Defense Secretary Mark Esper", "Team Leader Jennifer Ngo-Anh": the name follows the title
        i = inner[-1] + 1
    if i == len(words) - 1 and i > run_start and _org_word(words[i]):
        return run_start  # "General Motors": a company, not a general named Motors
    if i < len(words) - 2 and words[i].endswith(("'s", "’s")):
        i += 1  # "NASA's Steve Clarke": the possessor is a role, not a first name
    return i


def _located(text: str) -> Parsed | None:
    """A source followed by where it is: "Reuters in London" is Reuters, "John Smith of Reuters in
    London" is John Smith, "the Ministry of Health in Gaza" keeps its place in its name; a plain noun
    ("a hospital in Kabul") is of unknown kind. None when the words before the place are no source."""
    located = LOCATED_RE.match(text)
    if located is None:
        return None
    body_text = located.group("body")
    if located.group("place").lower() in TIME_NAMES:
        return parse(body_text)  # "data released by the ministry in August": when, not where
    body = parse(body_text)
    if body.kind == "outlet":
        return body
    if body.kind == "person":
        if body.role == body.name:  # "a professor at Harvard": a role, with its place
            return Parsed(strip_article(text), "person", strip_article(text))
        name, role = body.name, body.role
        member = re.match(r"(?P<name>.+?)\s+(?P<rest>(?:of|at|from)\s.+)$", name)
        if role is None and member and is_name(member.group("name").split()):  # "Owen Dempsey of the … Infirmary"
            name, role = member.group("name"), member.group("rest")
        where = text[located.end("body") :].strip()
        return Parsed(name, "person", f"{role} {where}" if role else where)
    if body.kind == "organization":
        return Parsed(strip_article(text), "organization", None)
    if body.kind == "unknown" and not any(w[:1].isupper() for w in body_text.split()[1:]) and body_text[:1].islower():
        return Parsed(strip_article(text), "unknown", None)
    return None


def _handled(text: str) -> Parsed | None:
    """ "documents obtained by the Post", "analysts polled by Reuters": a document or a group that an
    outlet obtained or asked, not the outlet's own claim."""
    handled = HANDLED_RE.match(text)
    if handled is not None:
        head = handled.group("head").lower()
        if head in DOCUMENT_HEADS:
            return Parsed(strip_article(text), "document", None)
        if head in ANONYMOUS_HEADS or plural_person(head):
            return Parsed(strip_article(text), "anonymous", None)
    # "a post Trump shared to Truth Social": the verb is a handling one, but its subject is named
    handed = HANDED_RE.match(text)
    if handed is not None and handed.group("head").lower() in DOCUMENT_HEADS | MESSAGE_HEADS:
        return Parsed(strip_article(text), "document", None)
    return None


def _generic_outlet(words: list[str], head: str) -> bool:
    """ "the paper", "the network", "the news agency": an outlet named before, in lowercase."""
    wire = " ".join(words[-2:]).lower() in ("news agency", "wire service", "news service")
    return (head in GENERIC_OUTLETS or wire) and not any(is_capitalised(w) for w in words[1:])


def _office_for(words: list[str]) -> Parsed | None:
    """An office named "TITLE for/on SUBJECT" ("the UN High Commissioner for Human Rights", "Special
    Envoy for Iran Brian Hook"): a person, by office when no name follows. A two-word name is taken
    from the end when the subject leaves at least two words before it."""
    for i, word in enumerate(words[:-2]):
        office_word = is_capitalised(word) and word.lower() not in ANONYMOUS_HEADS  # not "a spokesperson for"
        if (
            not office_word
            or word.lower().rstrip(".") not in title_words()
            or words[i + 1].lower() not in ("for", "on")
        ):
            continue
        rest = words[i + 2 :]
        if not all(is_capitalised(w) or w.lower() in ("and", "the", "of") for w in rest):
            return None
        plain_subject = not any(w.lower() in ("and", "the", "of") for w in rest)
        named = len(rest) >= 4 and rest[-3].lower() not in ("and", "the", "of") and not _org_word(rest[-1])
        if named or (
            len(rest) == 3 and plain_subject
        ):  # "… for Human Rights Michelle Bachelet", "… for Iran Brian Hook"
            return Parsed(" ".join(rest[-2:]), "person", strip_article(" ".join(words[:-2])))
        office = strip_article(" ".join(words))
        return Parsed(office, "person", office)
    return None


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _owned_document(text: str) -> Parsed | None:
    """A document's owner as the source: "a report from Reuters", "the agency's survey", "a study
    in the Lancet" (or None when the phrase is no owned document, or its owner is no source)."""
    owned = OWNED_DOCUMENT_RE.match(text) or POSSESSIVE_DOCUMENT_RE.match(text)
    if owned is None:
        return None
    published = _published_in(owned)
    if published is not None:
        return published
    owner = parse(owned.group("owner"))
    if owner.kind not in ("outlet", "organization", "person") or owner.generic:
        return None
    document = text[: owned.start("owner")].strip() if owned.re is OWNED_DOCUMENT_RE else None
    # a person's role is who they are, not the document ("data from MarketAxess" is no person)
    role = owner.role or (None if owner.kind == "person" else _document_role(document))
    return Parsed(owner.name, owner.kind, role, False, owner.outlet_domain)


def _published_in(owned: re.Match[str]) -> Parsed | None:
    """ "a report in the Argus Leader (of Sioux Falls)": a document *in* a capitalised "the" name is
    in a publication, so the name is an outlet, whatever its words look like."""
    if owned.re is not OWNED_DOCUMENT_RE or owned.group("prep").lower() != "in":
        return None
    owner = owned.group("owner")
    if not re.match(r"the\s+[A-Z]", owner):
        return None
    name = strip_article(re.split(r"\s+of\s+", owner, maxsplit=1)[0])
    known = outlet_index().get(name)
    document = owned.string[: owned.start("owner")].strip()
    return Parsed(
        known.name if known else name, "outlet", _document_role(document), False, known.domain if known else None
    )


def _document_role(document: str | None) -> str | None:
    if not document:
        return None
    return re.sub(
        r"\s+(?:from|by|in|of|published by|conducted by|released by)$", "", strip_article(document), flags=re.I
    )

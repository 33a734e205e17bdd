"""Source noun phrases: find them next to a cue (their name, role and kind: ``kinds``).

No parser is available offline, so a source phrase is found by shape: going left from a cue
over adverbs and auxiliaries, then over words up to a clause boundary (comma, quote mark,
conjunction, relative pronoun); going right from an inverted cue ("said X, a former ...")
over a capitalised run and an apposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsaudit.analyzers.attribution.kinds import (
    ANONYMOUS_HEADS,
    DETERMINERS,
    DOCUMENT_HEADS,
    HANDED_VERBS,
    MESSAGE_HEADS,
    NAME_PARTICLES,
    PRONOUNS,
    QUANTIFIER_SUBJECTS,
    THOSE_OPENERS,
    group_nouns,
    is_capitalised,
    office_words,
    person_head,
    plural_person,
)
from newsaudit.analyzers.attribution.lexicon import (
    cues,
    source_nouns,
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
CONTRACTED_PRONOUN_RE = re.compile(r"(i|you|he|she|we|they)'(?:m|ll|re|ve|d|s)")
# "people familiar with", "China's ambassador to Britain", "an adviser to the president"
LINKING_AFTER = {
    "with": ("familiar",),
    "to": ("close", *sorted(word_group("linked_by_to"))),
    "about": ("knowledgeable",),
}
BOUNDARY = set(',;:()[]—–"“”‘’«»!?')
TIME_WORDS = word_group("time_words")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A source as written; ``core`` is its name part when an apposition or parenthesis is
    included ("Sonya Zoghlin, Carlineo's attorney" -> core "Sonya Zoghlin")."""

    start: int
    end: int
    text: str
    core: tuple[int, int] | None = None


MONTHS = word_group("months")


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


def skippable(word: str) -> bool:
    """Adverbs and auxiliaries between a source and its cue: "has twice", "consistently"."""
    low = word.lower().replace("’", "'")
    if low in MONTHS and word[:1].isupper():
        return False  # "Theresa May said", "officials in May said": a name or a month, not the auxiliary
    negated = low.endswith("n't") and low[:-3] in NEGATABLE  # "can’t", "didn’t"
    return low in SKIP_BEFORE_CUE or negated or (adverb(low) and word.islower() and len(word) > 4)


LY_NOUNS = word_group("ly_nouns")


def adverb(low: str) -> bool:
    """A lowercase word ending in -ly that is not a noun ("recently", not "family", "assembly")."""
    return low.endswith("ly") and low not in LY_NOUNS


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
    if 0 <= k < j - 1 and dated and toks[k][0].lower() in ("in", "on", "during"):
        k -= 1  # "in late August", "on early Tuesday": the preposition before the modifier too
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
        if person_head(noun) or noun in office_words() or noun in ANONYMOUS_HEADS:
            return 1  # "A doctor on the scene told"
    if (
        i >= 2
        and toks[i - 1][0].islower()
        and toks[i - 1][0].endswith(("ing", "ed"))  # "Officials warning of", "People briefed on"
        and toks[i - 2][0].lower() in group_nouns()
        and (low in CLAUSE_WORDS or low in LINKING_PREPOSITIONS or low == "near")
    ):
        return 2
    if (
        low == "by"
        and i >= 2
        and toks[i - 1][0].islower()
        and toks[i - 1][0].endswith(("ed", "en", "wn"))
        and (toks[i - 2][0].lower() in DOCUMENT_HEADS | ANONYMOUS_HEADS or plural_person(toks[i - 2][0].lower()))
    ):
        return 2  # "Documents obtained by the Post show", "Analysts polled by Reuters expected"
    handed = toks[i - 1][0] if i >= 3 else ""
    participle = handed.endswith(("ed", "en", "wn")) or handed in HANDED_VERBS
    if low in ("to", "by", "with") and handed.islower() and participle:
        j = i - 2  # "Text messages Volker provided to lawmakers showed": the messages, not the lawmakers
        while j > 0 and i - 2 - j < 3 and is_capitalised(toks[j][0]):
            j -= 1
        if j < i - 2 and toks[j][0].lower() in DOCUMENT_HEADS | MESSAGE_HEADS:
            return i - j + 1  # past the head too: "note", "post" are also cue verbs
    return 1 if low in STUDY_PREPOSITIONS and _study_before(toks, i) else 0


def left_phrase(text: str, limit: int, cue_start: int, *, strict: bool = False) -> Phrase | None:
    """The source phrase that ends just before a cue (skipping "also", "has", …, and a time phrase:
    "Sanders on Tuesday said" -> "Sanders")."""
    toks = _without_time_tail(tokens(text, limit, cue_start))
    end_index = len(toks) - 1
    while end_index >= 0 and skippable(toks[end_index][0]):
        end_index -= 1
    written = _written_relative(text, toks, end_index)
    if written is not None:  # "a blog post that said": the post
        return written
    those = _those_phrase(toks, end_index)
    if those is not None:  # "Those in favor of the ban have said", "those close to him said"
        return Phrase(toks[those][1], toks[end_index][2], text[toks[those][1] : toks[end_index][2]])
    # "Some economists who have done the calculations say": the noun before "who" heads the source
    i = (_relative_clause(toks, end_index) or end_index + 1) - 1
    while i >= 0:
        word = toks[i][0]
        low = word.lower()
        ampersand = word == "&" and 0 < i < end_index and is_capitalised(toks[i - 1][0])  # "Smith & Jones LLP"
        if word in BOUNDARY or (len(word) == 1 and not word.isalnum() and not ampersand):
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
                and is_capitalised(toks[i - 1][0])
                and is_capitalised(toks[i + 1][0])
            ):
                i -= 1
                continue
            if low == "to" and 0 < i < end_index and toks[i - 1][0].lower() in DOCUMENT_HEADS:
                i -= 1  # "A letter to shareholders said", "a presentation to bondholders indicated"
                continue
            break
        if low in LINKING_PREPOSITIONS and i < end_index:
            following = toks[i + 1][0]
            group_noun = i > 0 and toks[i - 1][0].lower() in group_nouns()  # "backers of tariffs"
            if not (is_capitalised(following) or following.lower() in ("the", "a", "an") or group_noun):
                break
        if end_index - i >= MAX_PHRASE_TOKENS:
            break
        i -= 1
    return _phrase(text, toks, _topic_owner(toks, i, end_index) + 1, end_index, strict=strict)


TOPIC_PREPOSITIONS = frozenset({"of", "on", "for"})
TOPIC_MAX_WORDS = 4


def _topic_owner(toks: list[tuple[str, int, int]], i: int, end_index: int) -> int:
    """Where a source phrase that stopped at a lowercase topic starts instead: at the named body or
    source noun the topic belongs to ("The Lancet Commission on pollution and health found",
    "Experts on jail suicide told", "A CT of his chest showed"). ``toks[i]`` is the word before
    the phrase; the result is the word before the longer phrase, or ``i`` unchanged."""
    if end_index < 0 or i < 1:
        return i
    head = toks[end_index][0]
    low = head.lower()
    if not head.islower() or low in PRONOUNS or low in _source_like() or person_head(low):
        return i
    for j in range(i, max(0, i - TOPIC_MAX_WORDS), -1):
        word = toks[j][0]
        if word.lower() in TOPIC_PREPOSITIONS:
            owner = toks[j - 1][0]
            named = is_capitalised(owner) and owner.lower() not in stopwords()
            if not (named or owner.lower() in _source_like() or person_head(owner.lower())):
                return i  # "The 45-year-old mother of three said": the mother
            k = j - 1
            while k > 0 and end_index - k < MAX_PHRASE_TOKENS:
                previous = toks[k - 1][0]
                if previous.lower() in ("the", "a", "an") or (
                    is_capitalised(previous) and previous.lower() not in stopwords()
                ):
                    k -= 1
                else:
                    break
            return k - 1
        if not (word.isalpha() and word.islower()):
            return i
    return i


@cache
def _source_like() -> frozenset[str]:
    return source_nouns() | group_nouns() | DOCUMENT_HEADS


THOSE_BREAKS = frozenset(("that", "which", "who", "whom", "but", "because", "if", "when", "while", "as", "and", "or"))


def _those_phrase(toks: list[tuple[str, int, int]], end_index: int) -> int | None:
    """Where "those" opens an unnamed group that ends at the cue ("Those in favor of the ban",
    "those close to the talks", "those familiar with the plan"), or None. Its words must be
    lowercase, with no other verb, cue or clause break among them."""
    for k in range(end_index - 1, max(-1, end_index - 8), -1):
        word = toks[k][0]
        low = word.lower()
        if low == "those":
            return k if toks[k + 1][0] in THOSE_OPENERS else None
        cue = cues().get(low) if word.islower() else None
        if not word.isalpha() or low in AUXILIARIES or low in THOSE_BREAKS or (cue and cue.tier != "belief"):
            return None  # a belief-tier form is the group's own: "those opposed to the tax"
    return None


RELATIVE_MAX_WORDS = 13  # "A spokesperson who did not wish to be named because of agency policy said"


RELATIVE_PRONOUNS = frozenset(("that", "which"))
MESSAGE_DETERMINERS = frozenset(("a", "an", "the", "this", "its", "his", "her", "their", "our", "one"))
MESSAGE_MAX_WORDS = 5


def _written_relative(text: str, toks: list[tuple[str, int, int]], end_index: int) -> Phrase | None:
    """ "a blog post that said", "a statement which read", "social media posts that claimed": a
    document or written message before a relative pronoun and the cue is the source. It runs back
    to its determiner or possessive, or to a boundary, a preposition or a clause word; None when
    the words before the pronoun are no such noun."""
    if end_index < 1 or toks[end_index][0].lower() not in RELATIVE_PRONOUNS:
        return None
    head = toks[end_index - 1][0]
    if not (head.islower() and (head in DOCUMENT_HEADS or head in MESSAGE_HEADS)):
        return None
    first = end_index - 1
    for j in range(end_index - 2, max(-1, end_index - 1 - MESSAGE_MAX_WORDS), -1):
        word = toks[j][0]
        low = word.lower()
        if word in BOUNDARY or low in CLAUSE_WORDS or low in LINKING_PREPOSITIONS or low in AUXILIARIES:
            break
        if low in cues() and word.islower():
            break
        participle = (
            word.islower() and low.endswith("ed") and not (j > 0 and toks[j - 1][0].lower() in MESSAGE_DETERMINERS)
        )
        if participle:
            break  # "published posts that said"; but "a leaked memo that said"
        first = j
        if low in MESSAGE_DETERMINERS or word.endswith(("’s", "'s")):
            break
    else:
        if first > 0 and end_index - first >= MESSAGE_MAX_WORDS:
            return None  # no determiner, boundary or clause word in reach: "The company published posts that"
    start, end = toks[first][1], toks[end_index - 1][2]
    return Phrase(start, end, text[start:end])


def _relative_clause(toks: list[tuple[str, int, int]], end_index: int) -> int | None:
    """Where "who" opens a short relative clause that ends at the cue and follows a group or
    person noun ("Residents who fled the fire said"), or None. The clause's own words must not
    name another subject ("officials who Smith said …") or hold another cue."""
    for k in range(end_index - 1, max(0, end_index - RELATIVE_MAX_WORDS), -1):
        word = toks[k][0]
        cue = cues().get(word) if word.islower() else None
        if word in BOUNDARY or (cue is not None and cue.tier != "belief"):
            return None  # a belief-tier verb is the clause's own ("consumers who sought help")
        if word != "who":
            continue
        noun, verb = toks[k - 1][0].lower(), toks[k + 1][0]
        group = noun in group_nouns() or person_head(noun) or plural_person(noun)
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
    words = [t[0].lower() for t in toks[first : end_index + 1]]
    if words[-1] in QUANTIFIER_SUBJECTS and (len(words) == 1 or words == ["a", "few"]) and _opens_clause(toks, first):
        return Phrase(toks[first][1], toks[end_index][2], text[toks[first][1] : toks[end_index][2]])  # "Some said"
    head_index = end_index
    while head_index > first and toks[head_index][0].lower() in TIME_WORDS:
        head_index -= 1
    if head_index - first >= 2 and _placed(toks, head_index - 1):
        head_index -= 2  # "The chart shown above"
    if (
        head_index > first
        and toks[head_index][0].endswith("ed")
        and toks[head_index][0].islower()
        and toks[head_index - 1][0].lower() in DOCUMENT_HEADS
    ):
        head_index = end_index = head_index - 1  # "A UN report published on Thursday estimated": the report
    head = toks[head_index][0]
    # "Press reports say", "the notes show": a cue word right before the cue is its subject noun
    noun_cue = head_index == end_index and head.islower() and head in DOCUMENT_HEADS | MESSAGE_HEADS
    if not (noun_cue or _can_head(head, strict=strict) or (strict and _document_topic(words))):
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


QUANTIFIER_OPENERS = frozenset(
    ("and", "but", "while", "whereas", "though", "although", "because", "yet", "so", "that", "if", "when", "since")
)


def _opens_clause(toks: list[tuple[str, int, int]], first: int) -> bool:
    """Whether ``toks[first]`` opens a clause: at the start, after a comma, colon or quote mark, or
    after a conjunction. A quantifier there is the subject ("Some said", "but others argue"); not
    "than most expected", "wanted some say in", "an aggressive - some say unrealistic - pledge"."""
    if first == 0:
        return True
    before = toks[first - 1][0]
    return (before in BOUNDARY and before not in "—–()") or before.lower() in QUANTIFIER_OPENERS


def _document_topic(words: list[str]) -> bool:
    """ "Statistics on crime", "new data on violent crime": a document head among the first three
    words, then a topic preposition and at most three more words. Such a phrase can be the subject
    of a cue that is also a noun ("show")."""
    for k, word in enumerate(words[:3]):
        if word in DOCUMENT_HEADS and k + 1 < len(words) and words[k + 1] in TOPIC_PREPOSITIONS:
            return 0 < len(words) - k - 2 <= TOPIC_MAX_WORDS - 1
    return False


def _can_head(head: str, *, strict: bool) -> bool:
    """Whether a word can head a source phrase. ``strict`` when the cue is also a noun ("plans",
    "back"): only a clear subject makes it a verb."""
    low = head.lower()
    if strict:
        return is_capitalised(head) or low in PRONOUNS or low in source_nouns() or low in DOCUMENT_HEADS
    return not (
        not head[0].isalpha()
        or (low in stopwords() and low not in PRONOUNS and not (low in MONTHS and is_capitalised(head)))
        or (low in cues() and not is_capitalised(head))  # "The Post said" is a name
        or (adverb(low) and not is_capitalised(head))
    )


def _modifies_a_source(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A lower-case word right before a source noun or title: "said a local resident"."""
    if not toks[i][0].isalpha() or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1][0].lower()
    return nxt in group_nouns() or nxt in titles()


def right_phrase(text: str, start: int, limit: int) -> tuple[Phrase | None, str | None]:
    """The source after an inverted cue ("said Jane Doe, a former official") and its apposition."""
    toks = tokens(text, start, limit)
    i = 0
    while i < len(toks) and toks[i][0].lower() in SKIP_BEFORE_CUE:
        i += 1
    first = i
    role_end = _role_end(toks, first)
    while i < len(toks):
        word = toks[i][0]
        low = word.lower()
        acronym = len(word) > 1 and word.isupper()  # "says WHO": the World Health Organization, not "who"
        if word in BOUNDARY or (low in CLAUSE_WORDS and not acronym) or word == ".":
            break
        if i < role_end:
            i += 1
            continue
        particle = low in NAME_PARTICLES and i > first and i + 1 < len(toks) and is_capitalised(toks[i + 1][0])
        if not (
            is_capitalised(word)
            or low in DETERMINERS
            or low in titles()
            or low in source_nouns()
            or particle
            or (i - first < 3 and _modifies_a_source(toks, i))
            or _owned_role_ahead(toks, i)
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


POSSESSIVE_ENDINGS = ("’s", "'s")
OWNED_ROLE_WORDS = 4


def _owned_role_ahead(toks: list[tuple[str, int, int]], i: int) -> bool:
    """After an owner's possessive, lowercase words that lead to a title and a name: "said The We
    Company’s recently named executive chair Marcelo Claure"."""
    owner = i - 1  # back over the lowercase words already taken, to the possessive
    while owner >= 0 and i - owner <= OWNED_ROLE_WORDS and toks[owner][0].islower():
        owner -= 1
    if owner < 0 or not toks[owner][0].endswith(POSSESSIVE_ENDINGS):
        return False
    for j in range(i, min(i + OWNED_ROLE_WORDS, len(toks) - 1)):
        word = toks[j][0]
        if not (word.isalpha() or "-" in word) or not word.islower():
            return False
        if (word in titles() or word in source_nouns()) and is_capitalised(toks[j + 1][0]):
            return True
    return False


def _role_end(toks: list[tuple[str, int, int]], first: int) -> int:
    """Where the name starts after lower-case role words that follow an inverted cue ("said study
    co-author Ann Lee"), which may themselves follow a short capitalised or numeric owner ("said
    MSNBC host Chris Matthews", "said 9/11 widow Terry Strada"); ``first`` when there are none."""
    start = first  # where the role words start: after the owner's words, if any
    while True:
        end = start
        while end < min(start + 3, len(toks)) and _role_word(toks[end][0]):
            end += 1
        if end > start and end < len(toks) and is_capitalised(toks[end][0]):
            return end
        word = toks[start][0] if start < len(toks) else ""
        if start - first >= 3 or not (is_capitalised(word) or word[:1].isdigit() or word in ("/", "-")):
            return first
        start += 1


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

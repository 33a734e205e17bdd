"""Whether a cue word is used as a reporting verb where it stands, judged by its neighbours: "the
report" and "three confirmed cases" are no cues, "is stressing" is a verb of its own, "reported on
the trial" reports nothing, "asked not to be identified" is a condition, not a claim."""

from __future__ import annotations

import re

from newsaudit.analyzers.attribution.entities import MONTHS, TIME_WORDS, YEAR
from newsaudit.analyzers.attribution.lexicon import Cue, word_group
from newsaudit.resources import stopwords

NOUN_FOLLOWERS = frozenset(
    {"from", "of", "in", "on", "at", "for", "with", "and", "or", "by", ".", ",", ";", ":", ")", "—", "–", "about"}
    | {"are", "were", "is", "was", "have", "had", "will", "would", "can", "could", "should", "may", "might"}
    # a finite reporting verb: "Wire reports said …", "the notes show …" (two verbs never stand side by side)
    | {"say", "says", "said", "show", "shows", "showed", "suggest", "suggests", "suggested"}
    | {"indicate", "indicates", "indicated", "reveal", "reveals", "revealed"}
)
PHRASAL_NON_CUES = word_group("phrasal_non_cues")
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "reporters", "journalists", "police", "investigators"})
ADDED_AMOUNT_RE = re.compile(
    r"\s+(?:[$€£]?\d|more\b|less\b|about\b|nearly\b|almost\b|some\b|an?\s+(?:goal|assist|point|run|touchdown)|"
    r"(?:one|two|three|four|five)\s)"
)  # "The stock added 2%", "Bemstrom added a goal"
BE_FORMS = frozenset(["is", "are", "was", "were", "been", "being", "be"])
NOUN_LIKE = word_group("noun_like_cues")
DETERMINERS = word_group("determiners")


# "called the sanctions “economic terrorism”", "calling it a “witch hunt”": a characterisation in
# quotation marks within a few words of the verb.
CHARACTERISED_RE = re.compile(r"\s+(?!for\b|on\b|off\b|up\b|out\b|in\b|back\b)(?:[\w’'-]+\s+){1,6}?[“\"]")


def negated(skipped: list[tuple[str, int, int]]) -> bool:
    """ "have not said what caused the fire", "didn't say whether", "never said": what follows is
    not something the source states."""
    return any(t[0].lower() in ("not", "never") or t[0].lower().replace("’", "'").endswith("n't") for t in skipped)


def progressive(previous: str, skipped: list[tuple[str, int, int]]) -> bool:
    """ "is stressing", "was also saying": a verb of its own, not a participle clause."""
    contracted = previous.lower().replace("’", "'").endswith(("'m", "'re"))  # "I’m telling you"
    return previous in BE_FORMS or contracted or any(t[0].lower() in BE_FORMS for t in skipped)


def reads_as_cue(
    text: str, form: str, cue: Cue, before: list[tuple[str, int, int]], k: int, c_end: int, s_end: int
) -> bool:
    """Whether a cue word is used as a reporting verb here, judged by its neighbours."""
    previous = before[k][0] if k >= 0 else ""
    following = re.match(r"\s*([\w’']+|[^\w\s])", text[c_end:s_end])
    next_word = following.group(1).lower() if following else ""
    modified = previous.lower() in NOUN_MODIFIERS and k >= 1 and _determiner(before[k - 1][0])
    # a capitalised word inside the sentence is part of a name, not a determiner: "the Associated
    # Press show", unlike "press reports" or "Media reports say"
    named = k > 0 and previous[:1].isupper()
    if form in NOUN_LIKE and (
        (previous.lower() in DETERMINERS and not named)  # "the report", "his claims"
        or modified  # "our previous mention", "the latest report"
        or previous.endswith(("’s", "'s"))
        or (k >= 1 and before[k - 1][0].lower() in ("a", "an"))  # "a Tumblr post"
        or not next_word
        or next_word in NOUN_FOLLOWERS  # "movies and TV shows from Marvel"
    ):
        return False
    owned = previous.endswith(("’s", "'s")) or modified  # "Epstein’s alleged sex trafficking ring"
    if form.endswith("ed") and (_adjective_use(previous, next_word) or (owned and _plain(next_word))):
        return False  # "three confirmed cases", "Stadia's current expected lineup": a participle before its noun
    if form.endswith("ing") and previous.lower() in ("a", "an", "the"):
        return False  # "a saying that goes …": a noun
    counted = next_word[:1].isdigit() or next_word in QUANTITY_WORDS
    if cue.lemma == "admit" and (counted or to_hospital(text, c_end, s_end)):
        return False  # "had admitted 1.4 million refugees", "was admitted to hospital": let in, not confessed
    if cue.lemma == "charge" and next_word not in ("that", ",", '"', "“"):
        return False  # "a charging case", "charging him with fraud": not a claim reported
    if form in NOUN_LIKE and previous.lower() in ("tv", "television", "radio", "talk", "game", "news"):
        return False  # "TV shows", "talk shows"
    reporting = cue.tier == "speech" and cue.frame in ("say", "that")
    to_someone = _said_to_someone(text, cue, c_end)  # "“I would,” Melanie said to the crowd"
    if reporting and next_word == "to" and not that_soon(text, c_end, s_end) and not to_someone:
        return False  # "continued to sign up", "added to the list": not a report
    if previous.lower() in ("worth", "without"):
        return False  # "It’s worth noting that …", "It goes without saying": the author's own aside
    if (
        cue.lemma == "write"
        and form == "writing"
        and progressive(previous, before[k + 1 :])
        and _content_word(next_word)
    ):
        return False  # "companies are writing custom apps": the thing written, not a claim
    if cue.lemma in ("ask", "request") and ANONYMITY_RE.match(text, c_end, s_end):
        return False  # "who asked not to be identified because …": a condition of the interview, not a claim
    if cue.lemma == "tell" and re.match(r"\s+(?:him|her|them|me|us|you)\s+to\s+[a-z]", text[c_end:s_end]):
        return False  # "told her to leave": an order, not a claim
    if cue.lemma == "call" and cue.tier == "speech" and not CHARACTERISED_RE.match(text, c_end, s_end):
        return False  # "called for", "a man called John": only "called the sanctions “economic terrorism”"
    where = next_word in ("before", "at", "in", "to", "on", "for", "against", "during")
    if cue.lemma == "testify" and where and not that_soon(text, c_end, s_end):
        return False  # "testified before Congress": where, not what
    if f"{cue.lemma}+{next_word}" in PHRASAL_NON_CUES:
        return False  # "receptors have shown up in …", "she called in to the show"
    if next_word in ("in", "on") and cue.lemma in ("believe", "report", "comment") and not dated(text, c_end, s_end):
        return False  # "believes in sedans", "reported on the trial": not a claim ("reported on Monday" is)
    if next_word == "by" and form.endswith(("ed", "wn", "nd")):
        return False  # "bugs found by you", "a study conducted by": a participle, not a cue
    return not (cue.lemma == "add" and re.match(ADDED_AMOUNT_RE, text[c_end:s_end]))  # "The stock added 2%"


ANONYMITY_RE = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:identified|named|quoted)|to\s+remain\s+anonymous|for\s+anonymity|"
    r"that\s+(?:his|her|their)\s+names?\s+(?:not|be\s+withheld))",
    re.I,
)
COUNTS = frozenset({"a", "an", "the", "two", "three", "four", "five", "six", "several", "many", "few", "more"})


def dated(text: str, position: int, end: int) -> bool:
    """ "on Monday", "in October", "in 2019" right after a cue: when, not what about."""
    words = text[position:end].split()[:2]
    if len(words) < 2:
        return False
    word = words[1].strip(",.").lower()
    return word in TIME_WORDS or word in MONTHS or YEAR.fullmatch(word) is not None


# Adjectives between a determiner and a cue word used as a noun: "our previous mention"
NOUN_MODIFIERS = frozenset(
    {"previous", "recent", "latest", "earlier", "initial", "original", "current", "final", "annual", "own"}
    | {"official", "internal", "preliminary", "new", "first", "last", "public", "private", "formal"}
)


def _determiner(word: str) -> bool:
    return word.lower() in DETERMINERS or word.endswith(("’s", "'s"))


def _plain(next_word: str) -> bool:
    """A plain word that a participle can modify (not "that", "to", a pronoun, …)."""
    plain = next_word.isalpha() and next_word not in DETERMINERS and next_word not in OBJECT_PRONOUNS
    return plain and next_word not in ("that", "to", "by", "in", "on", "at", "for", "with", "and", "or")


def _adjective_use(previous: str, next_word: str) -> bool:
    """A participle between an article or a count and a plain word is an adjective."""
    counted = previous.lower() in COUNTS or previous.replace(",", "").isdigit()
    return counted and _plain(next_word)


HOSPITAL_RE = re.compile(r"\s*(?:in)?to\s+(?:(?:a|the)\s+)?(?:local\s+)?(?:hospital|clinic|intensive care)")
QUANTITY_WORDS = frozenset(
    {"more", "nearly", "about", "over", "some", "around", "roughly", "almost", "hundreds", "thousands"}
)


def to_hospital(text: str, position: int, end: int) -> bool:
    return bool(HOSPITAL_RE.match(text[position:end]))


SAID_TO_RE = re.compile(r"\s+to\s+(?:the|a|an|him|her|them|me|us|you|reporters|[A-Z][a-z])")


def _said_to_someone(text: str, cue: Cue, c_end: int) -> bool:
    """ "“I would,” Melanie said to the TV": "say" with its addressee, not "continued to sign up"."""
    return cue.lemma == "say" and SAID_TO_RE.match(text, c_end) is not None


def _content_word(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in stopwords()


def that_soon(text: str, position: int, end: int) -> bool:
    """ "explained to reporters that ...": a "that" within the next few words."""
    return bool(re.match(r"(?:\W*\w+){0,5}?\W+that\b", text[position:end]))

"""The shape of a sentence around a cue: an opening setting ("In a statement,"), a setting after
the cue ("…, Smith said at a news conference"), a parenthetical cue ("The landers, he said, could
…"), an opening subordinate clause, and a medium closing the content ("… in an email")."""

from __future__ import annotations

import re

from newsaudit.analyzers.attribution.content import MEDIA, trim_end
from newsaudit.analyzers.attribution.entities import adverb, is_time_phrase
from newsaudit.analyzers.attribution.lexicon import cues, word_group

INTRO_OPENERS = word_group("intro_openers")


PARTICIPLE_INTRO_NEXT = frozenset({"to", "in", "on", "at", "with", "about", "after", "before", "from", "during", "the"})


def introduction(lead: str) -> bool:
    """Whether the words before a source open the sentence as a setting, not as content: "In a
    statement,", "Speaking to reporters on Air Force One,", "Asked about the delay,"."""
    words = [w.lower().strip('“"') for w in lead.split()[:2]]
    if words[0] in INTRO_OPENERS:
        return True
    after = words[1] if len(words) > 1 else ""
    participle = words[0].endswith("ing") or words[0] in ("asked", "pressed", "questioned")
    return participle and (after in PARTICIPLE_INTRO_NEXT or after in ("whether", "if", "why", "how", "what"))


def _clause_after_intro(lead: str) -> bool:
    """ "After the iPhone shipped, people used it for work,": an opening clause, then a clause of
    content of its own, all before the source (not "Asked about the delay, which …,")."""
    inner = lead.rstrip(",”’\"' ").find(", ")
    if inner < 0:
        return False
    rest = lead[inner + 2 :].split()
    return len(rest) >= CLAUSE_AFTER_INTRO_WORDS and rest[0].lower() not in RELATIVE_AFTER_INTRO


CLAUSE_AFTER_INTRO_WORDS = 4
RELATIVE_AFTER_INTRO = frozenset({"which", "who", "whose", "where", "when"})
SETTING_PREPOSITIONS = frozenset({"on", "in", "at", "during", "from", "following", "outside", "inside", "before"})
SETTING_CLAUSES = frozenset({"while", "after", "when", "upon"})
PRONOUNS_AFTER_AS = frozenset({"he", "she", "they", "we", "i", "it"})  # "said as he left", not "described as"
SETTING_MAX_WORDS = 8  # "at a news conference in Berlin on Tuesday"


def shaped(
    text: str, lead: str, bounds: tuple[int, int, int], content: tuple[int, int], explicit: bool, *, clause: bool
) -> tuple[int, int, bool]:
    """The content after a cue, (start, end, explicit), corrected for the sentence's shape: cut at the
    end of an opening subordinate clause; empty when what follows says only when or where it was
    said, or is the next cue ("…, he said, adding that"), so the content before the source is taken;
    the whole sentence around a parenthetical cue ("The landers, he said, could …")."""
    s_start, c_end, s_end = bounds
    start, end = content
    end = _subordinate_end(text, lead, start, end)
    after = text[start:end].split()
    first = after[0].lower() if after else ""
    next_cue = lead.endswith(",") and first.endswith("ing") and first in cues()
    clause = explicit and first in SETTING_CLAUSES | {"as"}  # "says that while …": the content
    if (_only_when_where_or_how(lead, after) and not clause) or next_cue:
        return start, start, explicit
    if not clause and _parenthetical(text, lead, c_end, s_end):
        return s_start, trim_end(text, s_start, s_end), True
    medium = TRAILING_MEDIUM_RE.search(text, start, end)  # "confirmed the resignation in an email late Thursday"
    if medium is not None and medium.start() - start >= MIN_CONTENT_CHARS:
        end = trim_end(text, start, medium.start())
    return start, end, explicit


SAID_NOTHING_RE = re.compile(
    r"\s+(?:little|nothing|few\s+details)(?:\s+(?:about|on|of|regarding|publicly|else|more|further)\b|\s*[.,;]|$)"
)
TRAILING_MEDIUM_RE = re.compile(
    r",?\s(?:in|on|via)\s+(?:a|an)\s+(?:" + "|".join(sorted(MEDIA)) + r")\b[^,;:“”\"]{0,40}$"
)
MIN_CONTENT_CHARS = 12


PARENTHETICAL_RE = re.compile(r"(?:\s+[\w.’'-]+){0,4}?,\s+([a-z][\w’'-]*)")


def _parenthetical(text: str, lead: str, c_end: int, s_end: int) -> bool:
    """ "The larger landers, he said, could deliver tools": a cue set off by commas inside its
    content, which runs on after it; the content is the whole sentence (not "In a statement, …")."""
    if not lead.endswith(",") or introduction(lead) or any(m in lead for m in '“”"'):
        return False
    match = PARENTHETICAL_RE.match(text, c_end, s_end)
    if match is None:
        return False
    between = text[c_end : match.start(1)].rstrip(", ").split()  # "said on Tuesday,", "said then,"
    if between and not (is_time_phrase(between) or adverb(between[0].lower()) or _setting_words(between)):
        return False
    following = match.group(1)
    if following.endswith("ing"):
        return False  # "…, he said, adding that", "…, Graham said, offering an example": the source's own act
    # not a new clause ("and …"), nor a setting ("…, the minister said on Tuesday, after years of debate")
    return following not in RELATIVE_AFTER_INTRO | SETTING_CLAUSES and following not in ("and", "but", "or", "before")


def _setting_words(words: list[str]) -> bool:
    """ "in a statement", "at a news conference": where or how something was said."""
    return words[0].lower() in SETTING_PREPOSITIONS and len(words) <= SETTING_MAX_WORDS


def _only_when_where_or_how(lead: str, after: list[str]) -> bool:
    """What follows the cue says when, where or how it was said, not what: "…,” Persson said on
    Tuesday." / "…," the actor said on "DWTS." / "Sales fell, the company said at a news
    conference in Berlin." / "…, Cook said while visiting the conference."."""
    if is_time_phrase(after):
        return True
    first = after[0].lower() if after else ""
    adverbial = (
        (bool(after) and _setting_words(after))
        or first in SETTING_CLAUSES
        or (first == "as" and len(after) > 1 and after[1].lower() in PRONOUNS_AFTER_AS)
    )
    if not adverbial or any(w.lower() == "that" or w[:1] in '“"‘' for w in after):
        return False
    words = lead.split()
    return any(m in lead for m in '”"') or (
        lead.endswith(",") and len(words) >= 2 and (words[0].lower() not in INTRO_OPENERS or _clause_after_intro(lead))
    )


RELATIVE_AFTER_COMMA_RE = re.compile(r"(?:who|whose|whom|which|where)\b")
SUBORDINATORS = frozenset({"while", "although", "though", "whereas", "because", "since", "if", "when", "after"})


def _subordinate_end(text: str, lead: str, content_start: int, content_end: int) -> int:
    """ "While the examiner concluded Epstein hanged himself, his death was shadowed by …": an
    attribution inside a clause that opens the sentence ends at the comma that closes the clause."""
    words = lead.split()
    if not words or words[0].lower().strip('“"') not in SUBORDINATORS or "," in lead:
        return content_end
    comma = text.find(", ", content_start, content_end)
    while comma >= 0 and RELATIVE_AFTER_COMMA_RE.match(text, comma + 2):
        comma = text.find(", ", comma + 2, content_end)  # ", whose support …": still inside the clause
    if comma < 0 or len(text[comma:content_end].split()) < 4 or re.search('["“]', text[content_start:comma]):
        return content_end
    return comma

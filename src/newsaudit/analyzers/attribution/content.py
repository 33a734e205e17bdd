"""Where an attribution's content starts and ends: what stands between a cue and its content
("on Monday that"), a relative clause's closing comma, content before its source, a colon's
next paragraph."""

from __future__ import annotations

import re

from newsaudit.analyzers.attribution.entities import (
    BOUNDARY,
    MONTHS,
    PERIOD_WORDS,
    TIME_PREPOSITIONS,
    TIME_WORDS,
    YEAR,
    adverb,
    is_time_phrase,
    tokens,
)
from newsaudit.analyzers.attribution.lexicon import cues, word_group
from newsaudit.analyzers.attribution.quotes import Quote
from newsaudit.analyzers.attribution.subject import opening_time

CLAUSE_COMMA_RE = re.compile(r",\s")  # a comma that ends a clause, not the one in "2,521"
THAT_WINDOW = 8  # "said on Monday in a statement that ..." — tokens searched for "that"
RELATIVE_PRONOUNS = frozenset({"who", "which"})
INTRO_MAX_CHARS = 45  # "said recently, “...”" — a short adverbial before the content
ADVERBIAL_OPENERS = word_group("adverbial_openers")


TIME_TOKENS = TIME_PREPOSITIONS | {"in", "during", "at", "later"}  # "who in 2010 said", "which late on Monday said"


def pronoun_before_time(before: list[tuple[str, int, int]], k: int) -> int:
    """The index of a relative pronoun just before the cue, past a short time phrase ("who in 2010
    said", "which on Monday said"), or -1."""
    j = k
    while j > k - 4 and j >= 0 and (is_time_phrase([before[j][0]]) or _time_token(before[j][0])):
        j -= 1
    return j if j >= 0 and before[j][0].lower() in RELATIVE_PRONOUNS else -1


def _time_token(word: str) -> bool:
    low = word.lower()
    day = low.isdigit() and len(low) <= 2
    return low in TIME_TOKENS or low in MONTHS or low in PERIOD_WORDS or day or YEAR.fullmatch(low) is not None


def relative_clause_end(text: str, before: list[tuple[str, int, int]], k: int, start: int, end: int) -> int:
    """ "The mayor, who said X, closed it" (or "who in 2010 said X,"): content in a relative clause
    set off by commas ends at the clause's closing comma."""
    k = pronoun_before_time(before, k)
    if k < 1 or before[k - 1][0] != ",":
        return end
    closing = CLAUSE_COMMA_RE.search(text, start, end)
    return trim_end(text, start, closing.start()) if closing and closing.start() > start else end


def start_after_cue(text: str, position: int, s_end: int, *, after_listener: bool = False) -> tuple[int, bool]:
    """Skip what stands between a cue and its content: "on Monday that", "recently,", ":".
    Also says whether the content is explicitly introduced (that, a colon, a quotation). A "that"
    after a lowercase word that cannot open an adverbial ("said the case shows that …") belongs to
    the content, unless a listener may stand there ("told friends that …")."""
    toks = tokens(text, position, s_end)
    for i, (word, w_start, t_end) in enumerate(toks[:THAT_WINDOW]):
        low = word.lower()
        if (i > 0 or after_listener) and low.endswith("ing") and low in cues():
            break  # "…,” Dempsey said, adding that …" / "told reporters, adding that": the next cue's "that"
        if low in ("that", ":") and i > 0 and not after_listener and content_word(toks[0][0]):
            break  # "said the case highlights that …": a clause of the content, not an adverbial before it
        if low in ("that", ":"):
            position = skip_space(text, t_end, s_end)
            while position < s_end and text[position] in ",:":
                position = skip_space(text, position + 1, s_end)
            return position, True
        if word in ("“", '"', "‘"):
            owner = i > 1 and toks[i - 1][0].endswith(("’s", "'s"))  # "said on CNBC's “Trading Nation”"
            if i > 0 and toks[i - 1 - owner][0].lower() in ("on", "in", "at", "from", "to", "of"):
                break  # "said on “DWTS.”": a title after a preposition, not the content
            if i > 0 and content_word(toks[0][0]):
                break  # "said it “deeply regrets” the incident": a partial quote inside the content
            if i > 0 and _named_subject(toks, i):
                return toks[0][1], True  # "said SpaceX would fly Starship “a lot”": quoted words inside it
            return w_start, True
        if word in BOUNDARY and word != ",":
            break
        if word == "," and i > 0 and t_end - position <= INTRO_MAX_CHARS:
            following = skip_space(text, t_end, s_end)
            if following < s_end and (text[following] in '“"‘' or text[following].isupper()):
                return following, True
            if re.match(r"that\b", text[following:s_end]):
                continue  # "claimed, without evidence, that …": the aside ends, "that" opens the content
            break
    setting = _setting(toks)  # "said Tuesday they would appeal", "said in a statement it would"
    if setting and toks[setting][0][:1].isalnum():
        return toks[setting][1], False
    if setting and toks[setting][0] == "," and setting + 1 < len(toks):
        rest = toks[setting + 1 : setting + 1 + THAT_WINDOW]
        aside = next((j for j in range(1, len(rest)) if rest[j][0] == "that" and rest[j - 1][0] == ","), None)
        if aside is not None and aside + 1 < len(rest):  # "said Tuesday, in a filing, that profits fell"
            return skip_space(text, rest[aside][2], s_end), True
        return toks[setting + 1][1], False  # "As the AP reported last week, the company is …"
    position = skip_space(text, position, s_end)
    while position < s_end and text[position] in ",:":
        position = skip_space(text, position + 1, s_end)
    return position, False


MEDIA = frozenset({"statement", "email", "interview", "letter", "post", "tweet", "video", "release", "filing", "memo"})


def _setting(toks: list[tuple[str, int, int]]) -> int:
    """How many words right after a cue say when or how it was said, before content with no "that":
    a time ("Tuesday", "last week", "on Monday") or a medium ("in a statement", "in an email")."""
    words = [t[0].lower() for t in toks[:4]]
    if len(words) >= 4 and words[0] in ("in", "on", "via") and words[1] in ("a", "an") and words[2] in MEDIA:
        return 3
    return opening_time(toks)


def _named_subject(toks: list[tuple[str, int, int]], quote: int) -> bool:
    """ "said SpaceX would fly Starship “a lot”", "said Smith “lied”": a name that is the content's
    subject (not a day: "said Tuesday “…”"), with no comma before the quote."""
    first = toks[0][0]
    between = toks[1:quote]
    return (
        first[:1].isupper()
        and first.lower() not in TIME_WORDS
        and all(t[0] != "," for t in between)
        and (not between or any(t[0][:1].islower() and t[0].isalpha() for t in between))
    )


def content_word(word: str) -> bool:
    """Whether a lowercase word right after a cue starts the content itself ("the", "it", "details")
    rather than an adverbial ("on Monday", "publicly") or a name or date ("Tuesday", "Nov. 18")."""
    low = word.lower()
    return (
        word[:1].isalpha()
        and word[:1].islower()
        and low not in ADVERBIAL_OPENERS
        and low not in TIME_WORDS
        and not adverb(low)
    )


def before_source(text: str, s_start: int, limit: int, quotes: list[Quote]) -> tuple[int, int]:
    """Content that precedes its source and cue; a quote ending here may have begun sentences ago."""
    end = limit
    while end > s_start and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    start = s_start
    for q in quotes:
        if q.start < s_start < q.end <= limit + 1:
            start = q.start
    return start, end


HEADING_MAX_WORDS = 8


def next_paragraph(text: str, position: int) -> tuple[int, int]:
    """The paragraph after "… continued:", or an empty span when it is a heading ("What Does Stadia
    Offer?"): a short line whose words are nearly all capitalised."""
    start = skip_space(text, position, len(text))
    end = text.find("\n\n", start)
    end = len(text) if end == -1 else end
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) <= HEADING_MAX_WORDS and sum(w[0].isupper() for w in words) >= max(2, len(words) - 1):
        return start, start
    return start, trim_end(text, start, end)


def trim_end(text: str, start: int, end: int) -> int:
    """Drop final sentence punctuation but keep a closing quotation mark."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def skip_space(text: str, position: int, end: int) -> int:
    """Past spaces, and a table's cell bar left by extraction ("said: | “…”")."""
    while position < end and (text[position].isspace() or text[position] == "|"):
        position += 1
    return position

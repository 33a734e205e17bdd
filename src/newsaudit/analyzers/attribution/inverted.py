"""Sources after their cue, and content before it.

- ``"CONTENT," CUE SOURCE[, ROLE].`` / ``CONTENT, CUE SOURCE.``: "“…,” said Jane Doe, a former official".
- ``CONTENT, too, CUE SOURCE, ROLE.``: a speech cue right after a comma takes the name after it when
  that name is the whole source ("…, too, said Mary E. Lovely, an economist"), not the subject of a
  clause ("…, said the union expected …").
- A wh-question ending in its cue ("What did prosecutors say?") is not a claim.
"""

from __future__ import annotations

from newsaudit.analyzers.attribution.candidate import Candidate
from newsaudit.analyzers.attribution.content import before_source, content_word, trim_end
from newsaudit.analyzers.attribution.entities import right_phrase
from newsaudit.analyzers.attribution.lexicon import Cue
from newsaudit.analyzers.attribution.quotes import Quote


def inverted_candidate(
    text: str, s_start: int, s_end: int, c_start: int, c_end: int, cue: Cue, quotes: list[Quote]
) -> Candidate | None:
    """ "“CONTENT,” CUE SOURCE[, ROLE]." / "CONTENT, CUE SOURCE.": the source after the cue."""
    phrase, role = right_phrase(text, c_end, s_end)
    if phrase is None or not ends_source(text, phrase.end, s_end):
        return None
    content_start, content_end = before_source(text, s_start, c_start, quotes)
    if content_end - content_start < 3:
        return None
    extent = None
    if role:
        role_end = trim_end(text, phrase.end, s_end)
        extent = (phrase.start, role_end)
    return Candidate(
        c_start,
        c_end,
        cue.lemma,
        cue.tier,
        phrase,
        content_start,
        content_end,
        role=role,
        content_first=True,
        extent=extent,
    )


def question_about_the_source(text: str, content_start: int, content_end: int, s_end: int) -> bool:
    words = text[content_start:content_end].split()
    wh = words[0].lower().strip('“"‘') in ("what", "why", "how", "when", "where", "who", "whom", "which")
    return wh and len(words) <= 3 and text[:s_end].rstrip().endswith("?")


def inverted_after_comma(text: str, cue: Cue, before: list[tuple[str, int, int]], c_end: int, s_end: int) -> bool:
    """ "…, too, said Mary Lovely, an economist": a speech cue right after a comma, then a source
    phrase that ends the sentence or opens an apposition (not "X, a spokesman, said the union expected")."""
    if cue.tier != "speech" or cue.frame != "say" or not before or before[-1][0] != ",":
        return False
    phrase = right_phrase(text, c_end, s_end)[0]
    if phrase is None or phrase.text.lower().startswith("of "):  # "…, said of RT.": the topic
        return False
    return ends_source(text, phrase.end, s_end)


def ends_source(text: str, position: int, s_end: int) -> bool:
    """Whether a source phrase after its cue is whole: no content word follows it ("…, shows U.S.
    states where": the phrase is a clause's subject), only an apposition, a time or place ("on
    Tuesday", "in an interview") or the sentence end."""
    rest = text[position:s_end].split()
    return not rest or not content_word(rest[0].strip(",.;:!?")) or rest[0].lower() in SOURCE_MODIFIERS


SOURCE_MODIFIERS = frozenset(("who", "whose", "familiar", "close", "briefed", "knowledgeable", "involved", "speaking"))
"""Words that open a description of the source after it: "said two people familiar with the talks"."""

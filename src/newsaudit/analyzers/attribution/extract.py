"""Find attributions sentence by sentence: a cue, its source phrase and the content it covers.

Frames handled (cues outside quotation marks only):

- ``SOURCE [adverbs] CUE [that|:] CONTENT``           "Officials said (that) ..."
- ``SOURCE tell-CUE LISTENER (that|of|about) CONTENT`` "Officials told the paper of ..."
- ``CONTENT, SOURCE CUE.`` / ``"CONTENT," SOURCE CUE.``  "..., Human Rights Watch reported."
- ``"CONTENT," CUE SOURCE[, ROLE].``                     "“...,” said Jane Doe, a former ..."
- ``According to SOURCE, CONTENT.`` / ``CONTENT, according to SOURCE.``
- passive and hedged: "it was reported that ...", "X is said to ...", "reportedly".

Chains: when one attribution's content holds another's cue ("X said ..., CNN reported"), the
inner one keeps its source and gains the outer source in ``via``. A listener that is an outlet
("told the paper") is a relay too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newsaudit.analyzers.attribution import learned
from newsaudit.analyzers.attribution.apposition import source_before
from newsaudit.analyzers.attribution.candidate import Candidate
from newsaudit.analyzers.attribution.content import (
    before_source,
    next_paragraph,
    relative_clause_end,
    skip_space,
    start_after_cue,
    trim_end,
)
from newsaudit.analyzers.attribution.entities import (
    AUXILIARIES,
    Phrase,
    tokens,
)
from newsaudit.analyzers.attribution.entities import skippable as _skippable
from newsaudit.analyzers.attribution.inverted import inverted_after_comma, inverted_candidate, question_about_the_source
from newsaudit.analyzers.attribution.kinds import plural_person
from newsaudit.analyzers.attribution.labels import ACCORDING_RE, according_candidate, headline_says, speaker_label
from newsaudit.analyzers.attribution.learned import CueFilter
from newsaudit.analyzers.attribution.lexicon import (
    Cue,
    cue_matches,
    cues,
    source_nouns,
    speech_forms,
    word_group,
)
from newsaudit.analyzers.attribution.quotes import Quote
from newsaudit.analyzers.attribution.shape import SAID_NOTHING_RE, introduction, shaped
from newsaudit.analyzers.attribution.subject import sentence_subject
from newsaudit.analyzers.attribution.usage import (
    BE_FORMS,
    CHARACTERISED_RE,
    NOUN_LIKE,
    OBJECT_PRONOUNS,
    dated,
    negated,
    progressive,
    reads_as_cue,
    to_hospital,
)

PASSIVE_THAT_RE = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been|is\s+being)\s+(?:widely\s+)?(?:reported|said|claimed|alleged|rumou?red|"
    r"understood)\s+that\b",
    re.I,
)
HEDGED_RE = re.compile(r"\breportedly\b|\ballegedly\b", re.I)
PARTICIPLES = word_group("irregular_participles")
NOT_BEFORE_LEARNED_CUE = word_group("not_before_learned_cue")
REDUCED_RELATIVE_NEXT_RE = re.compile(
    r"\s+(?:on|in|at|by|to|for|from|during|last|earlier|worldwide|nationwide|globally|between|since|across)\b"
)
# "the move announced on Monday by Mike Pompeo": a passive with its agent, so the phrase before the
# participle is what was announced, not who announced it ("said by phone" is a manner, not an agent).
PASSIVE_AGENT_RE = re.compile(
    r"\s+(?:(?:on|in|last|earlier|this)\s+[\w.]+\s+)?by\s+(?!(?:phone|telephone|email|e-mail|text|video|letter)\b)"
)
CLAUSE_BREAK_RE = re.compile(
    r"(?:,|;|\s—|\s–)\s+(?:(?:though|although|but|while|and|as|because|even\s+as|whereas|when|after)\s+)?(?=\S)",
)
CONTENT_FIRST_MIN_WORDS = 6  # "In a statement, X said …" is an intro; six words before X are content
ROLE_HEADS = word_group("role_heads")
CONTENT_FIRST_ENDINGS = (",", ",”", "”", ",’", ',"', ",''")
AS_ASIDE_RE = re.compile(r"\S\s*,(?P<quote>[”\"’']?)\s*(?:just\s+|exactly\s+)?as$", re.I)  # "…, as the IMF said"


def sentence_candidates(
    text: str, start: int, end: int, quotes: list[Quote], *, tiers: tuple[str, ...], cue_filter: CueFilter | None = None
) -> list[Candidate]:
    """Attribution candidates of one sentence ``text[start:end]``, chains merged. With a
    ``cue_filter`` (broad scope), cues beyond the speech tier are the words it keeps."""
    inside = [q for q in quotes if q.start < end and start < q.end]
    found: list[Candidate] = []
    broad = "belief" in tiers
    listed = list(cue_matches(text, start, end, ("speech",) if cue_filter else tiers))
    for c_start, c_end, form in listed:
        if _in_quote(c_start, inside) or (form[0].isupper() and _not_sentence_start(text, start, c_start)):
            continue  # a capitalised cue word mid-sentence is a name ("Islamic State"), not a verb
        cue = cues()[" ".join(form.lower().split())]
        candidate = _verb_candidate(text, start, end, c_start, c_end, cue, inside, broad=broad)
        if candidate is not None:
            found.append(candidate)
    if cue_filter is None:  # speech scope: "call" is a belief cue, except for a quoted characterisation
        for m in CALLED_RE.finditer(text, start, end):
            candidate = None if _in_quote(m.start(), inside) else _characterisation(text, start, end, m, inside)
            found.extend([candidate] if candidate is not None else [])
    if cue_filter is not None:
        taken = {c_start for c_start, _, _ in listed}
        learned_found = learned_candidates(text, start, end, inside, cue_filter.lexicon, taken)
        found.extend(c for c, features in learned_found if cue_filter.keeps(features))
    for m in ACCORDING_RE.finditer(text, start, end):
        if not _in_quote(m.start(), inside):
            candidate = according_candidate(text, start, end, m.start(), m.end())
            if candidate is not None:
                found.append(candidate)
    for m in PASSIVE_THAT_RE.finditer(text, start, end):
        if not _in_quote(m.start(), inside):
            content_start = skip_space(text, m.end(), end)
            found.append(_anonymous(m.start(), m.end(), content_start, trim_end(text, content_start, end)))
    if not found and (label := speaker_label(text, start, end) or headline_says(text, start, end)) is not None:
        found.append(label)
    if not found:  # the sentence is hedged as a whole: one attribution, at its first hedge word
        hedge = next((m for m in HEDGED_RE.finditer(text, start, end) if not _in_quote(m.start(), inside)), None)
        if hedge is not None:
            found.append(_anonymous(hedge.start(), hedge.end(), start, trim_end(text, start, end)))
    found = [_join_split_quote(text, c, inside, end) for c in found]
    found = _inherit_participle_sources(text, found)
    return _merge_chains(text, found)


# "called the sanctions “economic terrorism”": the source's words for something, in quotation marks
CHARACTERISING = {
    "call": ("called", "calls", "calling"),
    "dismiss": ("dismissed", "dismisses", "dismissing"),  # "dismissed the allegations as “absurd”"
    "brand": ("branded", "brands", "branding"),
    "label": ("labeled", "labelled", "labels", "labeling", "labelling"),
    "denounce": ("denounced", "denounces", "denouncing"),
    "deride": ("derided", "derides", "deriding"),
}
CHARACTERISE = {form: Cue(lemma, "speech", "say") for lemma, forms in CHARACTERISING.items() for form in forms}
CALLED_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(CHARACTERISE)) + r")\b(?=" + CHARACTERISED_RE.pattern + ")", re.I
)


def _characterisation(text: str, s_start: int, s_end: int, m: re.Match[str], inside: list[Quote]) -> Candidate | None:
    """ "called the sanctions “economic terrorism”": the content runs from the object to the end of
    the quotation; a name right after "called (the)" is no characterisation."""
    match = CHARACTERISED_RE.match(text, m.end(), s_end)
    mark = match.end() - 1 if match else s_end  # the quotation mark that opens the characterisation
    if all(w.lower() in ("a", "an", "the") for w in text[m.end() : mark].split()):
        return None  # "sets called the “Master Builder Series”": a name, not a characterisation
    cue = CHARACTERISE[m.group(0).lower()]
    candidate = _verb_candidate(text, s_start, s_end, m.start(), m.end(), cue, inside)
    if candidate is None or candidate.content_first:
        return None
    candidate.content_start = skip_space(text, m.end(), s_end)  # "the new campaign a “bold …”"
    quote = next((q for q in inside if q.start >= mark and q.balanced), None)
    if quote is not None and len(text[quote.end : candidate.content_end].split()) > 2:
        candidate.content_end = quote.end  # not "… — The Post disagreed with him"
    return candidate


SPLIT_QUOTE_RE = re.compile(r"\s*,\s*(?:[^,;“”\"]{1,40},\s*)?(?=[“\"])")  # ", 54," / ", a spokesman,"


def _join_split_quote(text: str, candidate: Candidate, inside: list[Quote], s_end: int) -> Candidate:
    """ "“There is no evidence,” he added, “that the vaccine causes autism.”": a quote interrupted by
    its cue and source goes on after them; the content runs to the end of the second part."""
    if not candidate.content_first or text[candidate.content_end - 1 : candidate.content_end] not in ("”", '"'):
        return candidate
    listener = candidate.listener.end if candidate.listener else 0  # "…,” Yellen told lawmakers, “…”"
    after = max(
        candidate.cue_end, candidate.source.end if candidate.source else 0, listener, *(candidate.extent or (0,))
    )
    gap = SPLIT_QUOTE_RE.match(text, after, s_end)
    if gap is None or any(w.lower() in cues() for w in re.findall(r"[\w’']+", gap.group(0))):
        return candidate  # "…,” he said, adding, “…”": the second quote is the next cue's
    second = next((q for q in inside if q.start == gap.end() and q.balanced), None)
    if second is not None:
        candidate.content_end = trim_end(text, candidate.content_start, second.end)
    return candidate


def learned_candidates(
    text: str,
    start: int,
    end: int,
    quotes: list[Quote],
    lexicon: dict[str, list[float]],
    taken: set[int] | None = None,
) -> Iterator[tuple[Candidate, list[str]]]:
    """Every word outside the speech tier tried as a cue by the same rules, with the features
    the learned filter judges it by (``training/cue_filter.py`` trains on exactly these).
    ``taken``: where speech-tier cues start, when the caller has already matched them."""
    if taken is None:
        taken = {c_start for c_start, _, _ in cue_matches(text, start, end, ("speech",))}
    sentence = tokens(text, start, end)  # tokenised once: each candidate reads the words before it
    ends = [t[2] for t in sentence]
    for c_start, c_end in learned.candidate_words(text, start, end, speech_forms(), lexicon):
        if c_start in taken or _in_quote(c_start, quotes):
            continue
        form = text[c_start:c_end]
        cue = cues().get(form) or Cue(form, "belief", "say")
        before = sentence[: bisect.bisect_right(ends, c_start)]
        if before and before[-1][0].lower() in NOT_BEFORE_LEARNED_CUE:
            continue  # "the attack", "to attack": a noun or an infinitive
        c = _verb_candidate(text, start, end, c_start, c_end, cue, quotes, broad=True, before=before)
        if c is None or c.source is None or c.source.end <= c.source.start:
            continue
        c.tier = "belief"
        spans = (c.cue_start, c.cue_end), (c.source.start, c.source.end), (c.content_start, c.content_end)
        yield c, learned.features(text, start, end, *spans, lexicon)


def _inherit_participle_sources(text: str, found: list[Candidate]) -> list[Candidate]:
    """A participle cue without a subject of its own ("..., adding that") shares the source of
    the attribution before it in the sentence; without one it is dropped."""
    found.sort(key=lambda c: c.cue_start)
    out: list[Candidate] = []
    for c in found:
        previous = next((p for p in reversed(out) if p.source is not None and p.source.end > p.source.start), None)
        if c.coordinated and previous is not None:
            c.source = previous.source  # "Both men claimed … and asked …": the subject they share
            if previous.content_start < c.cue_start < previous.content_end:
                previous.content_end = _before_and(text, previous.content_start, c.cue_start)
                if previous.content_end - previous.content_start < 3:
                    out.remove(previous)  # "Ford wrote, and wrote, and wrote": nothing left to claim
        elif c.source is not None and c.source.start == c.source.end:
            if previous is None:
                continue
            c.source = previous.source
        out.append(c)
    return out


def _before_and(text: str, start: int, cue_start: int) -> int:
    """Where a content ends before the "and" or "but" of a coordinated cue ("… as ominous, and said")."""
    lead = text[start:cue_start].rstrip()
    for conjunction in (" and", " but"):
        lead = lead[: -len(conjunction)] if lead.endswith(conjunction) else lead
    return start + len(lead.rstrip(" ,;"))


def _not_sentence_start(text: str, s_start: int, position: int) -> bool:
    return bool(text[s_start:position].strip(" “\"‘'("))


def _anonymous(cue_start: int, cue_end: int, content_start: int, content_end: int) -> Candidate:
    return Candidate(
        cue_start, cue_end, "report", "speech", None, content_start, content_end, anonymous="unnamed sources"
    )


def _in_quote(position: int, quotes: list[Quote]) -> bool:
    return any(q.start < position < q.end for q in quotes)


def _be_form(word: str) -> bool:
    """ "is", "were", and the negated "isn’t", "weren't" (one token each)."""
    low = word.lower().replace("’", "'")
    return (low[:-3] if low.endswith("n't") else low) in BE_FORMS


def _verb_candidate(
    text: str,
    s_start: int,
    s_end: int,
    c_start: int,
    c_end: int,
    cue: Cue,
    quotes: list[Quote],
    *,
    broad: bool = False,
    before: list[tuple[str, int, int]] | None = None,
) -> Candidate | None:
    """One cue's attribution: its source and content, or None when the word is not used as a cue.
    ``broad`` (PolNeAR's notion) also takes objects of "that"-frame cues ("cited the delays").
    ``before``: the sentence's tokens before the cue, when the caller has them."""
    if before is None:
        before = tokens(text, s_start, c_start)
    k = len(before) - 1
    while k >= 0 and _skippable(before[k][0]):
        k -= 1
    previous = before[k][0] if k >= 0 else ""
    form = text[c_start:c_end].lower()
    participle = form.endswith("ed") or form in PARTICIPLES
    passive = participle and any(_be_form(t[0]) for t in before[k + 1 :])
    if passive:  # "X is said to ...": a hedged claim about X by unnamed sources
        if not re.match(r"\s+(?:to|that)\b", text[c_end:s_end]) or to_hospital(text, c_end, s_end):
            return None  # "No date has been announced", "was admitted to hospital": an event, not a claim
        content_end = trim_end(text, s_start, s_end)
        return Candidate(c_start, c_end, cue.lemma, cue.tier, None, s_start, content_end, anonymous="unnamed sources")
    said_nothing = SAID_NOTHING_RE.match(text[c_end:s_end])  # "have said little about the cause"
    if not reads_as_cue(text, form, cue, before, k, c_end, s_end) or negated(before[k + 1 :]) or said_nothing:
        return None
    strict = form in NOUN_LIKE
    participle = form.endswith("ing") and not progressive(previous, before[k + 1 :])
    if participle and _gerund(before, k):
        return None
    # "described it as ominous, and said": not a noun-like form ("movies and shows from …")
    coordinated = previous.lower() in ("and", "but") and k >= 1 and not participle and not strict
    if participle or coordinated:  # "Trump attacked Clinton, saying ..." / "“...,” the mayor said, adding ..."
        source, role = _clause_source(text, s_start, before, k, c_start, participle=participle), None
        if source is None:
            return None
    elif inverted_after_comma(text, cue, before, c_end, s_end):
        source, role = None, None  # "…, too, said Mary Lovely, an economist": the source follows
    else:
        source, role = source_before(
            text, s_start, c_start, c_end, s_end, before, k, strict=strict, tell=cue.frame == "tell"
        )
    if source is not None and _reduced_relative(text, source, form, c_end, s_end):
        return None
    if source is not None:
        candidate = Candidate(
            c_start, c_end, cue.lemma, cue.tier, source, c_end, c_end, role=role, coordinated=coordinated
        )
        content_start = c_end
        if cue.frame == "tell":
            candidate.listener, content_start = _listener(text, c_end, s_end)
        content_start, explicit = start_after_cue(text, content_start, s_end, after_listener=cue.frame == "tell")
        needs_that = cue.frame == "that" and cue.tier == "speech" and not broad
        content_end = relative_clause_end(text, before, k, content_start, trim_end(text, content_start, s_end))
        lead = text[s_start : source.start].rstrip()
        content_start, content_end, explicit = shaped(
            text,
            lead,
            (s_start, candidate.listener.end if candidate.listener else c_end, s_end),  # "he told me on Friday,"
            (content_start, content_end),
            explicit,
            clause=participle or coordinated,
        )
        weak = explicit and text[:content_start].rstrip().endswith(",")  # "said at a rally in Monroe, La."
        quoted_first = lead.endswith((",”", ',"', "?”", '?"', "!”", ",’", ",''", "?''", "!''")) and (
            not explicit or weak
        )
        content_first_shape = not (participle or coordinated) and (  # ", saying …" takes what follows
            quoted_first
            or (
                len(lead.split()) >= CONTENT_FIRST_MIN_WORDS
                and lead.endswith(CONTENT_FIRST_ENDINGS)
                and not introduction(lead)
            )
        )
        if content_end - content_start < 3 and text[c_end:s_end].lstrip().startswith(":"):
            content_start, content_end = next_paragraph(text, s_end)  # "Caddell continued:" + a paragraph
        elif (
            (aside := None if participle or coordinated or explicit else _as_aside(text, s_start, lead, c_end, s_end))
            or (content_end - content_start < 3 and not coordinated)
            or (content_first_shape and (not explicit or quoted_first))
        ):  # a coordinated cue takes what follows or nothing ("Ford wrote, and wrote, and wrote.")
            # "“...,” the agency said (on Friday)." -> the content is before the source; so is it
            # before an aside: "Banks are cutting jobs, as one executive told me, and …"
            content_start, content_end = before_source(text, s_start, aside or source.start, quotes)
            candidate.content_first = True
        if content_end - content_start < 3 or (needs_that and not explicit and not candidate.content_first):
            return None
        words = text[content_start:content_end].split()
        if (
            (len(words) < 2 and text[content_start] not in '“"‘')
            or all(w.lower().strip(",.") in ("and", "but", "or") or w.lower().strip(",.") in cues() for w in words)
            or (len(words) == 2 and dated(text, content_start, content_end))  # "a finding she reported in 2009"
            or (candidate.content_first and question_about_the_source(text, content_start, content_end, s_end))
        ):
            return None  # no content; "What did the prosecutors say?": a question, not a claim
        candidate.content_start, candidate.content_end = content_start, content_end
        return candidate
    if (previous not in (",", "”", "’", '"', "'") and k >= 0) or cue.frame == "tell":
        return None  # no "“…,” told X": a tell cue needs its source before it
    return inverted_candidate(text, s_start, s_end, c_start, c_end, cue, quotes)


def _clause_subject(
    text: str, s_start: int, before: list[tuple[str, int, int]], k: int, c_start: int, *, participle: bool
) -> Phrase:
    """Who speaks in a participle or coordinated clause: the subject of ", with economists warning",
    else the sentence's subject, else an empty phrase that the sentence's previous attribution fills."""
    absolute = _with_subject(text, before, k) if participle else None
    if absolute is not None:
        return absolute
    subject = sentence_subject(text, s_start, before[k][1] if k >= 0 else c_start, first_clause=not participle)
    return subject if subject is not None else Phrase(c_start, c_start, "")


DOCUMENT_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "another"})
# Evidence someone cites, not the subject's own words: "issued a statement saying" stays the subject's
EVIDENCE_HEADS = frozenset(
    {"study", "studies", "survey", "surveys", "poll", "polls", "report", "reports", "analysis", "research"}
    | {"data", "findings", "review", "audit", "investigation", "paper", "estimate", "figures", "statistics"}
)


def _document_before(text: str, before: list[tuple[str, int, int]], k: int) -> Phrase | None:
    """A piece of evidence right before a participle cue, opened by a determiner at most three words
    back: "cited a study showing …" -> "a study", "pointed to a new survey suggesting …"."""
    if k < 1 or before[k][0] not in EVIDENCE_HEADS:
        return None
    for j in range(k - 1, max(-1, k - 4), -1):
        word = before[j][0]
        if word.lower() in DOCUMENT_DETERMINERS:
            return Phrase(before[j][1], before[k][2], text[before[j][1] : before[k][2]])
        if not (word.isalpha() and word.islower()):
            return None
    return None


def _as_aside(text: str, s_start: int, lead: str, c_end: int, s_end: int) -> int | None:
    """Where a clause ends that an "as" aside then attributes ("Banks are cutting jobs, as one
    executive told me, and …"), or None; not when the clause goes on after the aside ("The bridge,
    as the mayor said, will reopen"). The caller skips an "as" that gives a reason: "…, as NASA's
    scientists have confirmed that …" has its content after the cue."""
    aside = AS_ASIDE_RE.search(lead)
    if aside is None:
        return None
    goes_on = re.match(r"[^,]*,\s*([a-z]+)", text[c_end:s_end])
    end = aside.end("quote") if aside.group("quote") else aside.start() + 1  # "… “financial health,” as …"
    return None if goes_on and goes_on.group(1) in AUXILIARIES else s_start + end


NO_ONE_RE = re.compile(r"(?:No\s+one|Nobody|None|Neither)\b")


def _gerund(before: list[tuple[str, int, int]], k: int) -> bool:
    """An "-ing" cue used as a noun: "rather than responding to alerts", "accused of saying", "such as
    suggesting"."""
    previous = before[k][0].lower() if k >= 0 else ""
    return previous in ("than", "of") or (previous == "as" and k >= 1 and before[k - 1][0].lower() == "such")


def _clause_source(
    text: str, s_start: int, before: list[tuple[str, int, int]], k: int, c_start: int, *, participle: bool
) -> Phrase | None:
    """Who speaks in a participle or coordinated clause: evidence right before the participle ("cited a
    study showing …"), else ``_clause_subject``; None when that subject is nobody ("No one bothered
    mentioning that …")."""
    document = _document_before(text, before, k) if participle else None
    if document is not None:
        return document
    source = _clause_subject(text, s_start, before, k, c_start, participle=participle)
    return None if NO_ONE_RE.match(text, source.start if source.text else s_start) else source


def _with_subject(text: str, before: list[tuple[str, int, int]], k: int) -> Phrase | None:
    """The subject of an absolute "with" clause ending at a participle cue: ", with forecasters
    warning", ", with some officials saying"; None unless ", with" opens at most five plain words."""
    for j in range(k, max(-1, k - 6), -1):
        word = before[j][0]
        if word.lower() == "with":
            if j < 1 or before[j - 1][0] != "," or j == k:
                return None
            start, end = before[j + 1][1], before[k][2]
            return Phrase(start, end, text[start:end])
        if not word.isalpha() or word.lower() in AUXILIARIES:  # a cue form here is a noun: "some reports"
            return None
    return None


def _reduced_relative(text: str, source: Phrase, form: str, c_end: int, s_end: int) -> bool:
    """ "a letter posted on Twitter", "a deal announced at the start": a participle after a
    plain noun, not a cue with a source."""
    words = source.text.split()
    if not form.endswith("ed") or not words:
        return False
    if PASSIVE_AGENT_RE.match(text, c_end, s_end):
        return True
    indefinite = words[0].lower() in ("a", "an") or words[0][:1].isdigit()  # "3,248 cases reported worldwide"
    if not (indefinite or (len(words) > 2 and words[-2].lower() in ("a", "an"))):
        return False
    head = words[-1].lower()
    if head in source_nouns() or head in ROLE_HEADS or words[-1][:1].isupper():
        return False
    return bool(REDUCED_RELATIVE_NEXT_RE.match(text, c_end, s_end))


LISTENER_NOUNS = frozenset(
    {"lawmakers", "legislators", "senators", "supporters", "voters", "officials", "colleagues", "employees", "staff"}
    | {"students", "viewers", "listeners", "readers", "jurors", "investors", "analysts", "shareholders", "members"}
    | {"residents", "parents", "customers", "friends", "followers", "attendees", "delegates", "congress", "parliament"}
)


def _listener(text: str, position: int, s_end: int) -> tuple[Phrase | None, int]:
    """The object of a tell-verb ("told the paper", "told The Associated Press", "told him") and
    where the content starts after it."""
    toks = tokens(text, position, s_end)
    if not toks:
        return None, position
    first = toks[0][0]
    end = 0
    if (
        first.lower() in OBJECT_PRONOUNS
        or first.lower() in LISTENER_NOUNS
        or (first.islower() and plural_person(first))
    ):
        end = 1  # "told him", "told lawmakers", "told executives he wants"
    elif first.lower() in ("the", "a", "an") or first[:1].isupper():
        end = 1
        while (
            end < len(toks)
            and end < 6
            and (
                toks[end][0][:1].isupper()
                or (
                    first.lower() in ("the", "a", "an")
                    and end < 3
                    and toks[end][0].isalpha()
                    and toks[end][0].lower() not in ("that", "of", "about", "in", "on", "at", "the", "a")
                    and toks[end][0].lower() not in ("i", "you", "he", "she", "it", "we", "they")
                )
            )
        ):
            end += 1
    if end == 0:
        return None, position
    phrase = Phrase(toks[0][1], toks[end - 1][2], text[toks[0][1] : toks[end - 1][2]])
    rest = toks[end:]
    if rest and rest[0][0].lower() in ("that", "of", "about", ",", ":"):
        return phrase, rest[0][2]
    return phrase, rest[0][1] if rest else s_end


def _merge_chains(text: str, found: list[Candidate]) -> list[Candidate]:
    """Nest attributions. A relay frame ("..., CNN reported", "..., according to X") whose
    content holds another cue becomes that inner attribution's ``via``. Any other attribution
    whose content runs into a second one ("X said ..., though she acknowledged ...") is cut
    at the clause boundary before it, unless that clause is an absolute "with" clause, part of
    what it says ("X believes the toll is higher, with some reports suggesting 200 died")."""
    found.sort(key=lambda c: c.cue_start)
    outer_ids: set[int] = set()
    for inner in found:
        for outer in found:
            if outer is inner or id(inner) in outer_ids:
                continue
            covers = outer.content_start <= inner.cue_start < outer.content_end
            if not covers:
                continue
            inner_start = inner.cue_start
            if inner.source is not None and inner.source.start >= outer.content_start:
                inner_start = min(inner_start, inner.source.start)  # else a shared subject: "…, adding that"
            if outer.content_first and outer.cue_start > inner.cue_start:
                inner.via.append(outer)
                outer_ids.add(id(outer))
                relay_start = min(outer.cue_start, outer.source.start if outer.source else outer.cue_start)
                if inner.content_start < relay_start < inner.content_end:
                    inner.content_end = trim_end(text, inner.content_start, relay_start)
            elif outer.content_start < inner_start:
                breaks = list(CLAUSE_BREAK_RE.finditer(text, outer.content_start, inner_start + 1))
                absolute = breaks and text[breaks[-1].end() : inner_start].lower().startswith("with ")
                if breaks and not absolute and not _in_quote_text(text, outer.content_start, breaks[0].start()):
                    cut = trim_end(text, outer.content_start, breaks[-1].start())
                    outer.content_end = min(outer.content_end, cut)
    return [c for c in found if id(c) not in outer_ids]


def _in_quote_text(text: str, start: int, end: int) -> bool:
    """An odd number of opening marks before ``end``: the position is inside a quotation."""
    segment = text[start:end]
    return segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1

"""``attribution.v6``: who says what — quotes, reported claims, their sources, cues and chains.

A pure function of the document. Rules over a light tokenizer (no parser can be downloaded
at run time), with word lists in ``newsaudit/data``: reporting verbs by tier and frame,
source nouns, titles and news outlets. See ``extract`` for the frames, ``usage`` for when a cue
word is a reporting verb, ``entities`` for source phrases and kinds, ``resolve`` for aliases across
the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.analyzers.attribution import learned
from newsaudit.analyzers.attribution.candidate import Candidate
from newsaudit.analyzers.attribution.extract import sentence_candidates
from newsaudit.analyzers.attribution.kinds import Parsed, parse
from newsaudit.analyzers.attribution.labels import as_speaker, credit_candidates
from newsaudit.analyzers.attribution.lexicon import word_group
from newsaudit.analyzers.attribution.quotes import Quote, find_quotes
from newsaudit.analyzers.attribution.resolve import Entity, Resolver
from newsaudit.model import AttributedSource, Attribution, Document, Source, SourceRef, TextSpan
from newsaudit.options import Options

ORGANISATION_ROLE_HEADS = word_group("organisation_role_heads")  # "Acme, a maker of …"
VOICE_MIN_SHARE = 0.5  # a sentence at least half inside attributed content is "attributed"
SCORES = {"named": 0.9, "anonymous": 0.7, "unresolved": 0.5, "belief": 0.6}


@register
class AttributionAnalyzer:
    name = "attribution"
    version = 6
    requires: tuple[str, ...] = ()
    english_only = True

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        return attribute(doc, broad=options.attribution_scope == "broad")


def attribute(doc: Document, *, broad: bool = False) -> AnalyzerOutput:
    text = doc.text
    quotes = find_quotes(text, doc.paragraphs)
    tiers = ("speech", "belief") if broad else ("speech",)
    candidates: list[Candidate] = []
    cue_filter = learned.cue_filter() if broad else None
    for sentence in doc.sentences:
        candidates.extend(
            sentence_candidates(text, sentence.start, sentence.end, quotes, tiers=tiers, cue_filter=cue_filter)
        )
    candidates.extend(credit_candidates(text, quotes, candidates))
    candidates.sort(key=lambda c: c.cue_start)
    resolver = Resolver(text)
    resolved: list[tuple[Candidate, Entity, Parsed, list[tuple[Entity, Candidate | None]]]] = []
    for c in candidates:
        parsed, start, end = _source_of(c, text)
        entity = resolver.resolve(parsed, text[start:end], start, end)
        entity.claims += 1
        relays: list[tuple[Entity, Candidate | None]] = []
        for outer in c.via:
            o_parsed, o_start, o_end = _source_of(outer, text)
            relay = resolver.resolve(o_parsed, text[o_start:o_end], o_start, o_end)
            relay.relayed += 1
            relays.append((relay, outer))
        if c.listener is not None:
            listener = parse(c.listener.text)
            if listener.kind == "outlet":
                relay = resolver.resolve(listener, c.listener.text, c.listener.start, c.listener.end)
                if not (listener.generic and relay.name == listener.name):  # "told the outlet", none named
                    relay.relayed += 1
                    relays.append((relay, None))
        resolved.append((c, entity, parsed, relays))
    # a headline may name them in full
    merged = resolver.complete_names(f"{doc.title}\n\n{text}" if doc.title else text)
    if merged:  # "Elise told" is the Elise Matthesen quoted before
        resolved = [
            (c, merged.get(id(e), e), p, [(merged.get(id(r), r), o) for r, o in relays]) for c, e, p, relays in resolved
        ]
    resolver.add_text_mentions(text)
    attributions = tuple(_attribution(text, c, e, p, relays, quotes) for c, e, p, relays in resolved)
    sources = tuple(_source(text, e) for e in resolver.entities if e.claims or e.relayed)
    return AnalyzerOutput(
        attributions=attributions,
        sources=sources,
        sentence_labels=_voices(doc, attributions, quotes),
    )


def _source_of(c: Candidate, text: str) -> tuple[Parsed, int, int]:
    if c.source is None:
        description = c.anonymous or "unnamed sources"
        return Parsed(description, "anonymous", None), c.cue_start, c.cue_end
    start, end = c.source.core or (c.source.start, c.source.end)
    parsed = parse(text[start:end])
    if text[c.cue_start : c.cue_end] == ":":
        parsed = as_speaker(parsed, text[start:end])
    if c.role and not parsed.role:
        kind = parsed.kind
        if kind in ("person", "unknown") and _organisation_role(c.role):
            kind = "organization"  # "Ascom, a global solutions provider, said"
        parsed = Parsed(parsed.name, kind, c.role, parsed.generic, parsed.outlet_domain)
    return parsed, start, end


def _organisation_role(role: str) -> bool:
    """Whether an apposition's head noun names an organisation ("a global solutions provider focused
    on …" → provider): the last word before a preposition, participle or clause word."""
    words = role.lower().replace(",", " ").split()
    head = None
    for word in words:
        if word in ("of", "for", "in", "at", "based", "focused", "that", "which", "with", "whose", "from", "on"):
            break
        head = word
    return head in ORGANISATION_ROLE_HEADS


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, text[start:end])


def _relay(text: str, entity: Entity, outer: Candidate | None) -> SourceRef:
    if outer is None:  # a listener: "told the paper"
        return SourceRef(entity.name, entity.kind)  # type: ignore[arg-type]
    start, end = outer.extent or ((outer.source.start, outer.source.end) if outer.source else (0, 0))
    return SourceRef(
        entity.name,
        entity.kind,  # type: ignore[arg-type]
        cue=_span(text, outer.cue_start, outer.cue_end),
        source_span=_span(text, start, end) if end > start else None,
        content=_span(text, outer.content_start, outer.content_end),
    )


def _attribution(
    text: str,
    c: Candidate,
    entity: Entity,
    parsed: Parsed,
    relays: list[tuple[Entity, Candidate | None]],
    quotes: list[Quote],
) -> Attribution:
    content = TextSpan(c.content_start, c.content_end, text[c.content_start : c.content_end])
    is_quote = any(q.start <= c.content_start + 1 and c.content_end - 1 <= q.end for q in quotes) or any(
        c.content_start <= q.start and q.end <= c.content_end + 1 for q in quotes
    )
    unresolved = parsed.generic and entity.name.lower() == parsed.name.lower()
    if c.tier == "belief":
        score = SCORES["belief"]
    elif unresolved:
        score = SCORES["unresolved"]
    elif entity.kind == "anonymous":
        score = SCORES["anonymous"]
    else:
        score = SCORES["named"]
    source_span = None
    if c.source is not None:
        start, end = c.extent or (c.source.start, c.source.end)
        source_span = TextSpan(start, end, text[start:end])
    return Attribution(
        source=AttributedSource(entity.name, entity.kind, parsed.role or entity.role, tuple(entity.aliases)),  # type: ignore[arg-type]
        cue=TextSpan(c.cue_start, c.cue_end, text[c.cue_start : c.cue_end]),
        content=content,
        quote=is_quote,
        via=tuple(_relay(text, r, outer) for r, outer in relays),
        source_span=source_span,
        score=score,
    )


def _source(text: str, e: Entity) -> Source:
    return Source(
        name=e.name,
        kind=e.kind,  # type: ignore[arg-type]
        role=e.role,
        aliases=tuple(e.aliases),
        mentions=tuple(TextSpan(s, t, text[s:t]) for s, t in e.mentions),
        claims=e.claims,
        relayed=e.relayed,
    )


def _voices(doc: Document, attributions: tuple[Attribution, ...], quotes: list[Quote]) -> dict[int, dict[str, object]]:
    """A sentence is the author's unless it carries an attribution's cue or is mostly attributed
    content or quotation ("“It's over,” she said. “We lost.”": the second sentence is hers too)."""
    labels: dict[int, dict[str, object]] = {}
    quoted = [(q.start, q.end) for q in quotes if q.balanced]
    spans = sorted([(a.content.start, a.content.end) for a in attributions] + quoted)
    cues = sorted(a.cue.start for a in attributions)
    active: list[tuple[int, int]] = []  # spans that start before the sentence ends (a sweep: sentences are in order)
    next_span = 0
    for index, s in enumerate(doc.sentences):
        while next_span < len(spans) and spans[next_span][0] < s.end:
            active.append(spans[next_span])
            next_span += 1
        active = [(b, e) for b, e in active if e > s.start]
        covered = sum(min(s.end, e) - max(s.start, b) for b, e in active)
        has_cue = bisect.bisect_left(cues, s.start) < bisect.bisect_left(cues, s.end)
        attributed = has_cue or covered >= VOICE_MIN_SHARE * (s.end - s.start)
        labels[index] = {"voice": "attributed" if attributed else "author"}
    return labels

"""One attribution as the rules find it, before its source is resolved across the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsaudit.analyzers.attribution.entities import Phrase


@dataclass(slots=True)
class Candidate:
    cue_start: int
    cue_end: int
    lemma: str
    tier: str
    source: Phrase | None
    content_start: int
    content_end: int
    role: str | None = None
    listener: Phrase | None = None
    anonymous: str | None = None  # passive/hedged: no source phrase, a description instead
    via: list[Candidate] = field(default_factory=list)
    content_first: bool = False  # "CONTENT, SOURCE CUE" / "CONTENT, according to SOURCE": can relay
    extent: tuple[int, int] | None = None  # the source as written, apposition included
    coordinated: bool = False  # "… and said": shares the subject of the attribution before it, if any

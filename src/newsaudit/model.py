"""The records everything in newsaudit points into.

There is one canonical text per article (``Document.text``). Every span below
is a pair of character offsets into that text: ``text[start:end]``. Records are
frozen dataclasses so that analyzers cannot change what another one produced;
an analyzer returns new records and the pipeline assembles the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputKind = Literal["url", "html", "text"]
SourceKind = Literal["outlet", "person", "organization", "anonymous", "document", "unknown"]
Voice = Literal["author", "attributed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating of a web domain from one open rating set, as published (never averaged)."""

    rating: float
    label: str
    scale: str
    source: str
    license: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str | None = None
    domain: str | None = None
    reliability: tuple[Rating, ...] = ()
    resolution: str | None = None
    """How the domain was found, or why there is no rating."""


@dataclass(frozen=True, slots=True)
class InputInfo:
    """Where the article came from: ``kind`` is what the content was detected as."""

    kind: InputKind
    url: str | None
    sha256: str
    content_type: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the page that is not part of the story, and why it was dropped."""

    text: str
    kind: str  # teaser, poll, call_to_action, footer, residue, navigation, boilerplate, title, byline
    reason: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """The cleaned article: the one text every analyzer reads and points into."""

    text: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    author: str | None = None
    date: str | None = None
    outlet: Outlet = field(default_factory=Outlet)
    language: str | None = None

    def span_text(self, span: Span | Sentence | Paragraph) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True, slots=True)
class Finding:
    """One signal: a label on a span of the text, with a score and a short reason."""

    analyzer: str
    label: str
    start: int
    end: int
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A relay in a chain ("…, CNN reported"): who passes the claim on, and where it says so."""

    name: str
    kind: SourceKind
    cue: TextSpan | None = None
    source_span: TextSpan | None = None
    content: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class AttributedSource:
    name: str
    kind: SourceKind
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: a source, the cue that attributes, and the content attributed."""

    source: AttributedSource
    cue: TextSpan
    content: TextSpan
    quote: bool
    via: tuple[SourceRef, ...] = ()
    source_span: TextSpan | None = None
    score: float = 1.0
    """How sure the analyzer is (named speech cue high, hedged or anonymous lower)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source cited in the article, with all its mentions."""

    name: str
    kind: SourceKind
    role: str | None
    aliases: tuple[str, ...]
    mentions: tuple[TextSpan, ...]
    claims: int
    """Attributed claims resting on this source."""
    relayed: int = 0
    """Claims of others this source passes on (the CNN in "X said ..., CNN reported")."""
    domain: str | None = None
    """The source's web domain, for outlets and organisations (set by ``sources.v1``)."""
    reliability: tuple[Rating, ...] = ()
    resolution: str | None = None
    """How the domain was found, or why there is no rating."""


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """What ingest and extraction produce before analysis: raw story text plus metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: Outlet = field(default_factory=Outlet)
    language: str | None = None


SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Report:
    """The audit of one article. ``to_dict`` is exactly what ``--format json`` prints."""

    input: InputInfo
    document: Document
    removed: tuple[Removal, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    findings: tuple[Finding, ...] = ()
    sources: tuple[Source, ...] = ()
    headline: dict[str, object] = field(default_factory=dict)
    signals: dict[str, object] = field(default_factory=dict)
    """Article-level signals (``hyperpartisan``), each with a score and evidence spans."""
    sentence_labels: tuple[dict[str, object], ...] = ()
    analyzers: dict[str, str] = field(default_factory=dict)
    warnings: tuple[Warning, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, object]:
        from newsaudit.report import report_to_dict

        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

"""The analyzer interface and registry.

Two kinds of component are registered under versioned names (``"noise.v2"``):

- a *cleaner* reads the raw text of a page before the canonical text exists and says which
  blocks are not part of the story (``Cleaner.clean``);
- an *analyzer* reads the finished ``Document`` (and what earlier analyzers produced) and
  returns an ``AnalyzerOutput``: findings, attributions, sources, headline data and
  per-sentence labels. It never changes the document; the pipeline assembles the report.

Analyzers are pure functions of their inputs, so they can run in any process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, runtime_checkable

from newsaudit.model import Attribution, Document, Finding, Outlet, Removal, Source
from newsaudit.options import Options


@dataclass(frozen=True, slots=True)
class AnalyzerOutput:
    findings: tuple[Finding, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sources: tuple[Source, ...] = ()
    """Distinct sources; a later analyzer's record of the same (name, kind) replaces an earlier one."""
    outlet: Outlet | None = None
    """The article's own outlet, when an analyzer adds to it (``sources.v1``: domain and ratings)."""
    headline: Mapping[str, object] = field(default_factory=dict)
    sentence_labels: Mapping[int, Mapping[str, object]] = field(default_factory=dict)
    """Per-sentence labels keyed by sentence index, merged into the report's ``sentences``."""
    signals: Mapping[str, object] = field(default_factory=dict)
    """Article-level signals by name (``hyperpartisan``), each with its evidence spans."""


@runtime_checkable
class Analyzer(Protocol):
    name: str
    version: int
    requires: tuple[str, ...]
    """Names (without version) of analyzers whose output this one reads."""
    english_only: bool

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput: ...


@runtime_checkable
class Cleaner(Protocol):
    name: str
    version: int

    def clean(
        self, text: str, *, options: Options, title_hint: str | None = None, whole_text_is_story: bool = False
    ) -> CleanResult: ...


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What a cleaner decided about a raw page text: story blocks kept, the rest removed."""

    title: str | None
    blocks: tuple[str, ...]
    removed: tuple[Removal, ...]
    author: str | None = None
    date: str | None = None


_REGISTRY: dict[str, Analyzer] = {}
_CLEANERS: dict[str, Cleaner] = {}
C = TypeVar("C", bound=type)


def register(cls: C) -> C:
    """Class decorator: register one instance under ``name.vN``."""
    instance = cls()
    key = f"{instance.name}.v{instance.version}"
    if key in _REGISTRY or key in _CLEANERS:
        raise ValueError(f"analyzer {key} is registered twice")
    if isinstance(instance, Cleaner):
        _CLEANERS[key] = instance
    else:
        _REGISTRY[key] = instance
    return cls


def registered() -> dict[str, Analyzer | Cleaner]:
    """Every registered component by versioned name."""
    _load_builtin()
    return {**_CLEANERS, **_REGISTRY}


def cleaner(key: str = "noise.v2") -> Cleaner:
    _load_builtin()
    return _CLEANERS[key]


def pipeline(names: tuple[str, ...] | None) -> list[Analyzer]:
    """The analyzers to run, in dependency order. ``names`` without version take the newest."""
    _load_builtin()
    latest: dict[str, Analyzer] = {}
    for analyzer in _REGISTRY.values():
        if analyzer.name not in latest or analyzer.version > latest[analyzer.name].version:
            latest[analyzer.name] = analyzer
    wanted = set(latest) if names is None else {n.split(".v")[0] for n in names}
    unknown = wanted - set(latest)
    if unknown:
        raise KeyError(f"unknown analyzer(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(latest))}")
    ordered: list[Analyzer] = []

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in chain:
            raise ValueError(f"analyzer dependency cycle: {' -> '.join((*chain, name))}")
        analyzer = latest[name]
        for dep in analyzer.requires:
            visit(dep, (*chain, name))
        if analyzer not in ordered:
            ordered.append(analyzer)

    for name in sorted(wanted):
        visit(name, ())
    return ordered


def _load_builtin() -> None:
    """Import the built-in analyzer modules (they register themselves; imports are cached)."""
    from newsaudit.analyzers import attribution, claims, framing, headline, noise, partisan, sources  # noqa: F401

"""The one options object passed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for one audit. Every field has a safe default; override with ``Options(x=...)``
    or ``options.with_(x=...)``."""

    # fetching
    timeout: float = 15.0
    """Seconds for connecting and for each read when fetching a URL."""
    max_redirects: int = 5
    allow_private: bool = False
    """Allow URLs that resolve to private, loopback or link-local addresses (off: SSRF guard)."""
    user_agent: str = "newsaudit/0.1 (+https://github.com/newsaudit/newsaudit)"

    # input
    max_bytes: int = 8 * MB
    """Largest input accepted, in bytes (HTML or text). Larger input is refused, not truncated."""
    input_kind: str | None = None
    """Force the input kind: 'html' or 'text'. None detects it from the content."""

    # extraction
    clean_text: bool = True
    """Remove page noise (teasers, polls, calls to action, footers) from the text path."""
    clean_html: bool = True
    """Also run the noise cleaner on the text trafilatura extracts from HTML."""
    require_english: bool = False
    """Refuse non-English articles instead of auditing them with a warning."""

    # analysis
    attribution_scope: str = "speech"
    """'speech': claims someone states or reports; 'broad': also beliefs, intentions and stances
    (PolNeAR's notion of attribution)."""
    propaganda_min_precision: float = 0.7
    """Show a propaganda technique only if its precision on PTC dev reaches this (0 shows all)."""
    profile: str = "full"
    """'full': every model, transformer heads included; 'fast': linear heads only (bias,
    subjectivity and check-worthiness by TF-IDF heads stacked with static token vectors, headline
    stance by word overlap alone) — for large corpora."""
    analyzers: tuple[str, ...] | None = None
    """Names of analyzers to run (e.g. ('attribution',)); None runs every registered one."""
    threads: int = 1
    """Threads one audit may use to run the sentence transformer over its sentences. Scores do not
    depend on it (each sentence runs alone either way), only the wall-clock time does. Batch workers
    keep 1 (they are one process per core); ``newsaudit audit`` and ``serve`` use every core."""

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

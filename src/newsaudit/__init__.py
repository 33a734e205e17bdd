"""newsaudit: audit news articles — who says what, how it is framed, what to check first.

Signals with evidence, never a bare verdict: every finding carries its character span in
the article's canonical text, a label, a score and a short reason.

    >>> import newsaudit
    >>> report = newsaudit.audit("article.html")          # a path, URL, HTML or text
    >>> report.to_json()                                   # what `newsaudit audit --format json` prints
"""

from __future__ import annotations

from newsaudit.errors import FetchError, InputError, InternalError, NewsauditError
from newsaudit.model import (
    Attribution,
    Document,
    Finding,
    Removal,
    Report,
    Source,
    Span,
)
from newsaudit.options import Options
from newsaudit.pipeline import audit
from newsaudit.report import schema
from newsaudit.scoring import score_sentences

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Document",
    "FetchError",
    "Finding",
    "InputError",
    "InternalError",
    "NewsauditError",
    "Options",
    "Removal",
    "Report",
    "Source",
    "Span",
    "__version__",
    "audit",
    "schema",
    "score_sentences",
]

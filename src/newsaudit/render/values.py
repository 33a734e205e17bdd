"""Reading the loosely typed parts of a report (``headline``, ``signals``, sentence labels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsaudit.model import Report


def number(value: object, default: float = 0.0) -> float:
    """A score stored as ``object`` in the report, as a float."""
    return float(value) if isinstance(value, (int, float)) else default


def items(value: object) -> list[dict[str, object]]:
    """The dict items of a list stored as ``object`` (e.g. the headline's evidence)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def no_headline_reason(report: Report) -> str:
    """Why a report has no headline signals: no title, or the analyzer did not run (a warning says why)."""
    if not report.document.title:
        return "no title found"
    return "the headline analyzer did not run on this article (see the warnings)"

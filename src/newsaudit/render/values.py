"""Reading the loosely typed parts of a report (``headline``, ``signals``, sentence labels)."""

from __future__ import annotations


def number(value: object, default: float = 0.0) -> float:
    """A score stored as ``object`` in the report, as a float."""
    return float(value) if isinstance(value, (int, float)) else default


def items(value: object) -> list[dict[str, object]]:
    """The dict items of a list stored as ``object`` (e.g. the headline's evidence)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

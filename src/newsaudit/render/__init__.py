"""Output at the edge: a report rendered as JSON, Markdown or terminal text."""

from __future__ import annotations

from newsaudit.model import Report
from newsaudit.render.markdown import to_markdown
from newsaudit.render.text import to_text

FORMATS = ("text", "json", "md")


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    if fmt == "md":
        return to_markdown(report)
    if fmt == "text":
        return to_text(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")

"""Output at the edge: a report rendered as JSON, Markdown, terminal text or HTML."""

from __future__ import annotations

from newsaudit.model import Report
from newsaudit.render.markdown import to_markdown
from newsaudit.render.text import to_text

FORMATS = ("text", "json", "md", "html")


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    if fmt == "md":
        return to_markdown(report)
    if fmt == "text":
        return to_text(report)
    if fmt == "html":
        from newsaudit.render.html import to_html

        return to_html(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")

"""A report as terminal text (rich): the first screen a reviewer reads."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.table import Table

from newsaudit.model import Report


def to_text(report: Report, *, width: int = 100, color: bool = False) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False)
    doc = report.document
    console.print(f"[bold]{doc.title or '(no title found)'}[/bold]")
    meta = " · ".join(str(v) for v in (doc.outlet.name or doc.outlet.domain, doc.author, doc.date, doc.language) if v)
    if meta:
        console.print(meta)
    words = len(doc.text.split())
    console.print(
        f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, {words} words; "
        f"{len(report.removed)} page-noise items removed"
    )
    for w in report.warnings:
        console.print(f"[yellow]warning[/yellow] {w.code}: {w.message}")
    if report.attributions:
        table = Table(title="Who says what", show_lines=False, expand=True)
        for column in ("source", "kind", "cue", "claim", "via"):
            table.add_column(column, overflow="fold")
        for a in report.attributions:
            claim = a.content.text if len(a.content.text) < 120 else a.content.text[:117] + "…"
            table.add_row(a.source.name, a.source.kind, a.cue.text, claim, ", ".join(v.name for v in a.via))
        console.print(table)
    if report.findings:
        table = Table(title="Findings", expand=True)
        for column in ("label", "text", "score", "reason"):
            table.add_column(column, overflow="fold")
        for f in report.findings:
            table.add_row(f.label, doc.text[f.start : f.end][:100], f"{f.score:.2f}", f.reason)
        console.print(table)
    if report.removed:
        table = Table(title="Removed from the page", expand=True)
        table.add_column("kind")
        table.add_column("text", overflow="fold")
        table.add_column("reason", overflow="fold")
        for r in report.removed:
            text = r.text if len(r.text) < 160 else r.text[:157] + "…"
            table.add_row(r.kind, text, r.reason)
        console.print(table)
    console.print("analyzers: " + ", ".join(report.analyzers.values()))
    return buffer.getvalue()

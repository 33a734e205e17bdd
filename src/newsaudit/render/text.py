"""A report as terminal text (rich): the first screen a reviewer reads."""

from __future__ import annotations

from collections import defaultdict
from io import StringIO

from rich.console import Console
from rich.table import Table

from newsaudit.model import Finding, Report
from newsaudit.render.values import number

EXAMPLES_PER_LABEL = 5


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_text(report: Report, *, width: int = 100, color: bool = False) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False)
    doc = report.document
    console.print(f"[bold]{doc.title or '(no title found)'}[/bold]")
    meta = " · ".join(str(v) for v in (doc.outlet.name or doc.outlet.domain, doc.author, doc.date, doc.language) if v)
    if meta:
        console.print(meta)
    voices = [labels.get("voice") for labels in report.sentence_labels]
    author = sum(1 for v in voices if v == "author")
    console.print(
        f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, {len(doc.text.split())} words; "
        f"{len(report.removed)} page-noise items removed"
        + (f"; {author} of {len(doc.sentences)} sentences in the author's own voice" if any(voices) else "")
    )
    for w in report.warnings:
        console.print(f"[yellow]warning[/yellow] {w.code}: {w.message}")
    h = report.headline
    if h and h.get("text") is not None:
        partisan = report.signals.get("hyperpartisan")
        extra = f"; hyperpartisan {float(partisan['score']):.2f}" if isinstance(partisan, dict) else ""
        console.print(
            f"headline: clickbait {number(h.get('clickbait')):.2f} — {h.get('clickbait_reason', '')}; body support "
            f"[bold]{h.get('support')}[/bold] ({h.get('reason')}){extra}"
        )
    if report.attributions:
        table = Table(title="Who says what", expand=True)
        for column in ("source", "kind", "cue", "claim", "via"):
            table.add_column(column, overflow="fold")
        for a in report.attributions:
            via = ", ".join(v.name for v in a.via)
            table.add_row(a.source.name, a.source.kind, a.cue.text, _clip(a.content.text, 110), via)
        console.print(table)
    if report.sources:
        table = Table(title="Sources", expand=True)
        for column in ("source", "kind", "claims", "relayed", "also written as", "reliability"):
            table.add_column(column, overflow="fold")
        for s in report.sources:
            rating = "; ".join(f"{r.label} ({r.source.split(',')[0].split(':')[0]})" for r in s.reliability)
            table.add_row(s.name, s.kind, str(s.claims), str(s.relayed), ", ".join(s.aliases), rating or "no rating")
        console.print(table)
    by_label: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_label[f.label].append(f)
    if by_label:
        table = Table(title="Signals (strongest first; all in the JSON report)", expand=True)
        for column in ("signal", "count", "text", "score", "reason"):
            table.add_column(column, overflow="fold")
        for label, items in sorted(by_label.items()):
            for n, f in enumerate(sorted(items, key=lambda f: -f.score)[:EXAMPLES_PER_LABEL]):
                table.add_row(
                    label if n == 0 else "",
                    str(len(items)) if n == 0 else "",
                    _clip(doc.text[f.start : f.end], 90),
                    f"{f.score:.2f}",
                    _clip(f.reason, 80),
                )
        console.print(table)
    if report.removed:
        table = Table(title="Removed from the page", expand=True)
        table.add_column("kind")
        table.add_column("text", overflow="fold")
        table.add_column("reason", overflow="fold")
        for r in report.removed:
            table.add_row(r.kind, _clip(r.text, 160), r.reason)
        console.print(table)
    console.print("analyzers: " + ", ".join(report.analyzers.values()))
    return buffer.getvalue()

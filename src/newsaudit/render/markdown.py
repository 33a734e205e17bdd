"""A report as Markdown: for pasting into an editor's ticket or a notebook."""

from __future__ import annotations

from newsaudit.model import Report


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    doc = report.document
    out = [f"# {doc.title or '(no title found)'}", ""]
    meta = [
        ("Outlet", doc.outlet.name or doc.outlet.domain),
        ("Domain", doc.outlet.domain),
        ("Author", doc.author),
        ("Date", doc.date),
        ("Language", doc.language),
        ("Input", f"{report.input.kind} · sha256 {report.input.sha256[:12]}…"),
    ]
    out += [f"- **{k}:** {v}" for k, v in meta if v]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- `{w.code}`: {w.message}" for w in report.warnings]
    if report.attributions:
        out += ["", "## Who says what", "", "| Source | Kind | Cue | Claim | Via |", "|---|---|---|---|---|"]
        for a in report.attributions:
            via = ", ".join(v.name for v in a.via)
            cells = (_escape(a.source.name), a.source.kind, _escape(a.cue.text), _escape(a.content.text), via)
            out.append("| " + " | ".join(cells) + " |")
    if report.findings:
        out += ["", "## Findings", "", "| Label | Text | Score | Reason |", "|---|---|---|---|"]
        for f in report.findings:
            out.append(f"| {f.label} | {_escape(doc.text[f.start : f.end])} | {f.score:.2f} | {_escape(f.reason)} |")
    out += ["", "## Article", ""]
    out += [doc.text[p.start : p.end] + "\n" for p in doc.paragraphs]
    if report.removed:
        out += ["## Removed from the page", "", "| Kind | Text | Reason |", "|---|---|---|"]
        out += [f"| {r.kind} | {_escape(r.text[:200])} | {_escape(r.reason)} |" for r in report.removed]
    out += ["", "---", "", "Analyzers: " + ", ".join(f"`{v}`" for v in report.analyzers.values())]
    return "\n".join(out) + "\n"

"""A report as Markdown: the HTML report's sections, for pasting into an editor's ticket or a notebook."""

from __future__ import annotations

from newsaudit.model import Rating, Report
from newsaudit.render.values import items, no_headline_reason, number


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _ratings(ratings: tuple[Rating, ...], note: str | None) -> str:
    if not ratings:
        return _escape(note or "no rating")
    return "; ".join(f"{r.label} ({r.source.split(',')[0].split(':')[0]}, {r.license})" for r in ratings)


def to_markdown(report: Report) -> str:
    doc = report.document
    out = [f"# {doc.title or '(no title found)'}", ""]
    meta = [
        ("Outlet", doc.outlet.name or doc.outlet.domain),
        ("Domain", doc.outlet.domain),
        ("Outlet reliability", _ratings(doc.outlet.reliability, doc.outlet.resolution)),
        ("Author", doc.author),
        ("Date", doc.date),
        ("Language", doc.language),
        ("Input", f"{report.input.kind} · sha256 {report.input.sha256[:12]}…"),
    ]
    out += [f"- **{k}:** {v}" for k, v in meta if v]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- `{w.code}`: {w.message}" for w in report.warnings]
    out += _headline(report)
    out += _makeup(report)
    if report.attributions:
        out += ["", "## Who says what", "", "| Source | Kind | Cue | Claim | Via |", "|---|---|---|---|---|"]
        for a in report.attributions:
            via = ", ".join(v.name for v in a.via)
            row = (_escape(a.source.name), a.source.kind, _escape(a.cue.text), _escape(a.content.text), via)
            out.append("| " + " | ".join(row) + " |")
    if report.sources:
        out += ["", "## Sources", "", "| Source | Kind | Role | Claims | Relayed | Domain | Reliability |"]
        out.append("|---|---|---|---|---|---|---|")
        for s in sorted(report.sources, key=lambda s: (-s.claims, s.name)):
            cells = (
                _escape(s.name),
                s.kind,
                _escape(s.role or ""),
                str(s.claims),
                str(s.relayed),
                s.domain or "",
                _ratings(s.reliability, s.resolution),
            )
            out.append("| " + " | ".join(cells) + " |")
    if report.findings:
        out += ["", "## Signals", "", "| Label | Text | Score | Reason |", "|---|---|---|---|"]
        for f in sorted(report.findings, key=lambda f: (f.label, -f.score)):
            out.append(f"| {f.label} | {_escape(doc.text[f.start : f.end])} | {f.score:.2f} | {_escape(f.reason)} |")
    out += ["", "## Article", ""]
    out += [doc.text[p.start : p.end] + "\n" for p in doc.paragraphs]
    if report.removed:
        out += ["## Removed from the page", "", "| Kind | Text | Reason |", "|---|---|---|"]
        out += [f"| {r.kind} | {_escape(r.text[:200])} | {_escape(r.reason)} |" for r in report.removed]
    timings = ", ".join(f"{k} {v:.0f} ms" for k, v in report.timings_ms.items())
    out += ["", "---", "", "Analyzers: " + ", ".join(f"`{v}`" for v in report.analyzers.values())]
    out += ["", f"Timings: {timings}"]
    return "\n".join(out) + "\n"


def _headline(report: Report) -> list[str]:
    h = report.headline
    out = ["", "## Headline", ""]
    if not h or h.get("text") is None:
        return [*out, f"No headline signals: {no_headline_reason(report)}."]
    out.append(f"- **Clickbait:** {number(h.get('clickbait')):.2f} — {_escape(str(h.get('clickbait_reason', '')))}")
    out.append(f"- **Body support:** {h.get('support')} — {_escape(str(h.get('reason', '')))}")
    for item in items(h.get("evidence")):
        out.append(f"  - evidence: “{_escape(str(item['text']))}”")
    partisan = report.signals.get("hyperpartisan")
    if isinstance(partisan, dict):
        out.append(f"- **Hyperpartisan (whole article):** {float(partisan.get('score', 0.0)):.2f}")
    return out


def _makeup(report: Report) -> list[str]:
    labels = report.sentence_labels
    if not labels or not any("voice" in s for s in labels):
        return []
    total = len(labels)
    attributed = sum(1 for s in labels if s.get("voice") == "attributed")
    opinion = sum(1 for s in labels if s.get("voice") != "attributed" and number(s.get("subjective")) >= 0.5)
    author = total - attributed - opinion
    return [
        "",
        "## Make-up of the article",
        "",
        f"{total} sentences: attributed to a source {attributed} ({attributed / total:.0%}), the author reporting "
        f"{author} ({author / total:.0%}), the author's opinion {opinion} ({opinion / total:.0%}).",
    ]

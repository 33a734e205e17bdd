"""A report as one self-contained HTML page: inline CSS, inline SVG, no script, no external request.

Every piece of article text goes through ``html.escape`` (``_e``) before it reaches the page, and
nothing in the page is built from unescaped input: a page whose text holds ``<script>`` or
``onerror=`` shows those characters as text. Highlights are built from the report's offsets: the
text is cut at every span boundary and each piece carries the classes of the spans over it, so
overlapping spans need no nesting.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from newsaudit.model import Attribution, Rating, Report, Source
from newsaudit.render.values import items, no_headline_reason, number

PALETTE = ("#cfe3ff", "#ffe0b3", "#d9f2d0", "#f6d0e8", "#e3d7ff", "#fff2a8", "#c9f0ef", "#f5d5c8")
FRAMING_LABELS = ("loaded_language", "speculative", "propaganda")
MAX_FINDINGS_LISTED = 60

CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#e3e3e3}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,serif;color:var(--ink);margin:0;background:#fafafa}
header,main,footer{max-width:1180px;margin:0 auto;padding:16px 24px}
h1{font-size:1.6em;margin:.2em 0}
h2{font:600 1.05em system-ui,sans-serif;margin:1.2em 0 .4em;text-transform:uppercase;letter-spacing:.04em}
.meta,.small,table,details,footer,.legend,.badge,aside{font-family:system-ui,sans-serif;font-size:.86em}
.meta{color:var(--muted)}
.grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:28px}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
article p{margin:0 0 1em}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;margin-right:6px;background:#eee}
.b-bad{background:#ffd6d6}.b-mid{background:#ffefc2}.b-good{background:#d8f3d8}
.author{background:#f1f1f1}
.claim{border-radius:2px}
.cue{font-weight:bold}
.srcmention{text-decoration:underline;text-decoration-thickness:2px}
.loaded_language,.propaganda{text-decoration:underline wavy #d93025;text-decoration-skip-ink:none}
.speculative{text-decoration:underline dotted #e37400;text-decoration-thickness:2px}
.checkworthy{box-shadow:inset 0 -2px 0 #1a73e8}
span[title]{cursor:help}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:4px}
aside ol{padding-left:1.3em}
aside li{margin-bottom:.35em}
details{margin:.5em 0}
.legend span{margin-right:12px;white-space:nowrap}
"""


@dataclass
class _Layer:
    """The classes and hover notes of one piece of text."""

    classes: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    style: str | None = None
    anchor: str | None = None


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def to_html(report: Report) -> str:
    doc = report.document
    colours = _source_colours(report)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">',
        f"<title>newsaudit · {_e(doc.title or 'article')}</title>",
        f"<style>{CSS}</style></head><body>",
        "<header>",
        f"<h1>{_e(doc.title or '(no title found)')}</h1>",
        _meta(report),
        _headline(report),
        "</header><main>",
        _legend(),
        '<div class="grid"><div>',
        _composition(report),
        "<h2>Article</h2>",
        _article(report, colours),
        _removed(report),
        "</div><aside>",
        _sources(report, colours),
        _findings(report),
        "</aside></div></main>",
        _footer(report),
        "</body></html>",
    ]
    return "\n".join(part for part in out if part)


def _source_colours(report: Report) -> dict[str, str]:
    names = [s.name for s in report.sources if s.claims]
    for a in report.attributions:
        if a.source.name not in names:
            names.append(a.source.name)
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _meta(report: Report) -> str:
    doc = report.document
    outlet = doc.outlet
    parts = [
        _e(v) for v in (outlet.name or outlet.domain, outlet.domain if outlet.name else None, doc.author, doc.date) if v
    ]
    rating = _ratings(outlet.reliability) if outlet.reliability else _e(outlet.resolution or "no rating")
    return (
        f'<p class="meta">{" · ".join(parts) or "outlet unknown"} — outlet reliability: {rating}<br>'
        f"input: {_e(report.input.kind)} · sha256 {_e(report.input.sha256[:16])}…</p>"
    )


def _headline(report: Report) -> str:
    h = report.headline
    if not h or h.get("text") is None:
        return f'<p class="meta">No headline signals: {escape(no_headline_reason(report))}.</p>'
    clickbait = number(h.get("clickbait"))
    support = str(h.get("support", "unknown"))
    cb_class = "b-bad" if clickbait >= 0.5 else "b-good"
    sup_class = {"supported": "b-good", "partly": "b-mid"}.get(support, "b-bad")
    links = ", ".join(
        f'<a href="#s{int(number(item["start"]))}">“{_e(_clip(str(item["text"]), 70))}”</a>'
        for item in items(h.get("evidence"))
    )
    evidence_html = f"<br>evidence: {links}" if links else ""
    partisan = report.signals.get("hyperpartisan")
    if isinstance(partisan, dict):
        score = float(partisan.get("score", 0.0))
        evidence_html += (
            f'<br><span class="badge {"b-bad" if score >= 0.5 else "b-good"}">hyperpartisan {score:.2f}</span>'
            "whole-article framing signal (SemEval-2019 model); its strongest sentences are in the signal list"
        )
    return (
        f'<p class="meta"><span class="badge {cb_class}" title="{_e(h.get("clickbait_reason", ""))}">'
        f"clickbait {clickbait:.2f}</span>"
        f'<span class="badge {sup_class}">body support: {_e(support)}</span>{_e(h.get("reason", ""))}'
        f"{evidence_html}</p>"
    )


def _legend() -> str:
    return (
        '<p class="legend"><span><span class="swatch" style="background:#cfe3ff"></span>claim attributed to a source '
        "(one colour per source)</span><span><b>bold</b>: reporting cue</span>"
        '<span><span class="swatch" style="background:#f1f1f1"></span>author\'s own voice</span>'
        '<span class="loaded_language">loaded language / technique</span> '
        '<span class="speculative">hedge or speculation</span> '
        '<span class="checkworthy">check-worthy claim</span></p>'
    )


def _composition(report: Report) -> str:
    labels = report.sentence_labels
    total = len(labels)
    if not total:
        return ""
    attributed = sum(1 for s in labels if s.get("voice") == "attributed")
    opinion = sum(1 for s in labels if s.get("voice") != "attributed" and number(s.get("subjective")) >= 0.5)
    author = total - attributed - opinion
    parts = [
        ("attributed", attributed, "#8ab4f8"),
        ("author, reporting", author, "#c6c6c6"),
        ("author, opinion", opinion, "#f28b82"),
    ]
    x = 0.0
    bars, keys = [], []
    for name, count, colour in parts:
        width = 600 * count / total
        bars.append(
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="22" fill="{colour}">'
            f"<title>{name}: {count}</title></rect>"
        )
        keys.append(
            f'<span><span class="swatch" style="background:{colour}"></span>{name} {count} ({count / total:.0%})</span>'
        )
        x += width
    return (
        "<h2>Make-up of the article</h2>"
        f'<svg role="img" aria-label="share of sentences by voice" width="100%" viewBox="0 0 600 22" '
        f'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'
        f'<p class="legend">{"".join(keys)} of {total} sentences</p>'
    )


def _article(report: Report, colours: dict[str, str]) -> str:
    doc = report.document
    text = doc.text
    layers: list[tuple[int, int, _Layer]] = []
    for i, s in enumerate(doc.sentences):
        labels = report.sentence_labels[i] if i < len(report.sentence_labels) else {}
        if labels.get("voice") == "author":
            layers.append((s.start, s.end, _Layer({"author"}, ["author's own voice"])))
        layers.append((s.start, s.start, _Layer(anchor=f"s{s.start}")))
    for a in report.attributions:
        colour = colours.get(a.source.name, PALETTE[0])
        via = f" via {', '.join(v.name for v in a.via)}" if a.via else ""
        note = f"claim by {a.source.name} ({a.source.kind}){via}, score {a.score:.2f}"
        layers.append((a.content.start, a.content.end, _Layer({"claim"}, [note], style=f"background:{colour}")))
        layers.append((a.cue.start, a.cue.end, _Layer({"cue"}, [f"cue: {a.cue.text}"])))
        if a.source_span:
            layers.append((a.source_span.start, a.source_span.end, _source_layer(a, colour)))
    for n, f in enumerate(report.findings):
        if f.end <= f.start:
            continue
        label = "checkworthy" if f.label == "checkworthy" else f.label if f.label in FRAMING_LABELS else None
        if label is None:
            continue
        layers.append((f.start, f.end, _Layer({label}, [f"{f.label} {f.score:.2f}: {f.reason}"], anchor=f"f{n}")))
    parts = []
    for p in doc.paragraphs:
        parts.append("<p>" + _highlight(text, p.start, p.end, layers) + "</p>")
    return "<article>" + "".join(parts) + "</article>"


def _source_layer(a: Attribution, colour: str) -> _Layer:
    role = f", {a.source.role}" if a.source.role else ""
    return _Layer(
        {"srcmention"}, [f"source: {a.source.name} ({a.source.kind}{role})"], style=f"text-decoration-color:{colour}"
    )


def _highlight(text: str, start: int, end: int, layers: list[tuple[int, int, _Layer]]) -> str:
    inside = [(s, e, layer) for s, e, layer in layers if (s < end and e > start) or (s == e and start <= s < end)]
    anchors: dict[int, list[str]] = {}
    for s, _, layer in inside:
        if layer.anchor:
            anchors.setdefault(max(s, start), []).append(layer.anchor)
    cuts = sorted({start, end, *(max(start, min(end, x)) for s, e, _ in inside for x in (s, e))})
    out: list[str] = []
    for left, right in itertools.pairwise(cuts):
        out.extend(f'<a id="{_e(anchor)}"></a>' for anchor in anchors.get(left, ()))
        piece = text[left:right]
        active = [layer for s, e, layer in inside if s <= left and right <= e and s < e]
        if not active:
            out.append(_e(piece))
            continue
        classes = sorted(set().union(*(layer.classes for layer in active)))
        notes = [note for layer in active for note in layer.notes]
        styles = [layer.style for layer in active if layer.style]
        attrs = f' class="{_e(" ".join(classes))}" title="{_e(" | ".join(notes))}"'
        if styles:
            attrs += f' style="{_e(";".join(styles))}"'
        out.append(f"<span{attrs}>{_e(piece)}</span>")
    return "".join(out)


def _sources(report: Report, colours: dict[str, str]) -> str:
    if not report.sources:
        return '<h2>Sources</h2><p class="small">No attributed sources found: everything is in the author\'s voice.</p>'
    chains = _chains(report.attributions)
    rows = []
    for s in sorted(report.sources, key=lambda s: (-s.claims, -s.relayed, s.name)):
        colour = colours.get(s.name)
        swatch = f'<span class="swatch" style="background:{colour}"></span>' if colour else ""
        role = f'<br><span class="meta">{_e(s.role)}</span>' if s.role else ""
        aliases = f'<br><span class="meta">also: {_e(", ".join(s.aliases))}</span>' if s.aliases else ""
        chain = "".join(f"<br>{_e(c)}" for c in chains.get(s.name, ()))
        rows.append(
            f"<tr><td>{swatch}<b>{_e(s.name)}</b>{role}{aliases}{chain}</td><td>{_e(s.kind)}</td>"
            f"<td>{s.claims}{f' (+{s.relayed} relayed)' if s.relayed else ''}</td><td>{_source_rating(s)}</td></tr>"
        )
    return (
        "<h2>Sources</h2><table><thead><tr><th>source</th><th>kind</th><th>claims</th><th>reliability</th></tr>"
        "</thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _chains(attributions: Iterable[Attribution]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in attributions:
        if a.via:
            chain = " → ".join([a.source.name, *(v.name for v in a.via)])
            if chain not in out.setdefault(a.source.name, []):
                out[a.source.name].append(chain)
    return out


def _source_rating(s: Source) -> str:
    domain = f"{_e(s.domain)}<br>" if s.domain else ""
    if s.reliability:
        return domain + _ratings(s.reliability)
    return domain + f'<span class="meta">{_e(s.resolution or "no rating")}</span>'


def _ratings(ratings: Iterable[Rating]) -> str:
    return "; ".join(
        f'<span title="{_e(r.source)} · scale {_e(r.scale)} · licence {_e(r.license)}">'
        f'{_e(r.label)} <span class="meta">({_e(r.source.split(",")[0].split(":")[0])})</span></span>'
        for r in ratings
    )


def _findings(report: Report) -> str:
    items = []
    for n, f in enumerate(report.findings):
        if f.end <= f.start:
            continue
        text = report.document.text[f.start : f.end]
        items.append(
            (
                f.score,
                f'<li><a href="#f{n}">{_e(f.label)}</a> {f.score:.2f} — “{_e(_clip(text, 90))}”'
                f'<br><span class="meta">{_e(f.reason)}</span></li>',
            )
        )
    if not items:
        return ""
    items.sort(key=lambda x: -x[0])
    shown = items[:MAX_FINDINGS_LISTED]
    more = f'<p class="meta">{len(items) - len(shown)} more in the JSON report.</p>' if len(items) > len(shown) else ""
    return "<h2>Signals</h2><ol>" + "".join(html for _, html in shown) + "</ol>" + more


def _removed(report: Report) -> str:
    if not report.removed:
        return ""
    rows = "".join(
        f"<tr><td>{_e(r.kind)}</td><td>{_e(_clip(r.text, 240))}</td><td>{_e(r.reason)}</td></tr>"
        for r in report.removed
    )
    return (
        f"<details><summary>Removed from the page: {len(report.removed)} items</summary>"
        f"<table><thead><tr><th>kind</th><th>text</th><th>reason</th></tr></thead><tbody>{rows}</tbody></table>"
        "</details>"
    )


def _footer(report: Report) -> str:
    versions = ", ".join(_e(v) for v in report.analyzers.values())
    timings = ", ".join(f"{_e(k)} {v:.0f} ms" for k, v in report.timings_ms.items())
    warnings = "".join(f"<br>warning {_e(w.code)}: {_e(w.message)}" for w in report.warnings)
    return (
        f'<footer class="meta">schema {_e(report.schema_version)} · analyzers: {versions}<br>timings: {timings}'
        f"{warnings}<br>Signals with evidence, not verdicts.</footer>"
    )


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The report as plain data (what ``--format json`` prints) and its JSON Schema."""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from importlib import resources
from typing import Any

from newsaudit.model import Attribution, Report, Source, SourceRef

_FIELDS: dict[type, tuple[str, ...]] = {}


def _flat(record: Any) -> dict[str, Any]:
    """A record of scalar fields as a dict: ``dataclasses.asdict`` without its recursive deep copy."""
    kind = type(record)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


def report_to_dict(report: Report) -> dict[str, Any]:
    doc = report.document
    labels = report.sentence_labels
    sentences = []
    for i, s in enumerate(doc.sentences):
        entry: dict[str, Any] = {"start": s.start, "end": s.end, "paragraph": s.paragraph}
        if i < len(labels):
            entry.update(labels[i])
        sentences.append(entry)
    return {
        "schema_version": report.schema_version,
        "input": {
            "kind": report.input.kind,
            "url": report.input.url,
            "sha256": report.input.sha256,
            "content_type": report.input.content_type,
            "encoding": report.input.encoding,
        },
        "article": {
            "title": doc.title,
            "text": doc.text,
            "author": doc.author,
            "date": doc.date,
            "outlet": {
                "name": doc.outlet.name,
                "domain": doc.outlet.domain,
                "reliability": [_flat(r) for r in doc.outlet.reliability],
                "resolution": doc.outlet.resolution,
            },
            "language": doc.language,
        },
        "removed": [{"text": r.text, "kind": r.kind, "reason": r.reason, "score": r.score} for r in report.removed],
        "paragraphs": [{"start": p.start, "end": p.end} for p in doc.paragraphs],
        "sentences": sentences,
        "attributions": [_attribution(a) for a in report.attributions],
        "findings": [_flat(f) for f in report.findings],
        "headline": dict(report.headline),
        "signals": dict(report.signals),
        "sources": [_source(s) for s in report.sources],
        "analyzers": dict(report.analyzers),
        "warnings": [{"code": w.code, "message": w.message} for w in report.warnings],
        "timings_ms": {k: round(v, 3) for k, v in report.timings_ms.items()},
    }


def _attribution(a: Attribution) -> dict[str, Any]:
    return {
        "source": {
            "name": a.source.name,
            "kind": a.source.kind,
            "role": a.source.role,
            "aliases": list(a.source.aliases),
        },
        "source_span": _flat(a.source_span) if a.source_span else None,
        "cue": _flat(a.cue),
        "content": _flat(a.content),
        "quote": a.quote,
        "via": [_relay(v) for v in a.via],
        "score": a.score,
    }


def _relay(v: SourceRef) -> dict[str, Any]:
    return {
        "name": v.name,
        "kind": v.kind,
        "cue": _flat(v.cue) if v.cue else None,
        "source_span": _flat(v.source_span) if v.source_span else None,
        "content": _flat(v.content) if v.content else None,
    }


def _source(s: Source) -> dict[str, Any]:
    return {
        "name": s.name,
        "kind": s.kind,
        "role": s.role,
        "aliases": list(s.aliases),
        "mentions": [_flat(m) for m in s.mentions],
        "claims": s.claims,
        "relayed": s.relayed,
        "domain": s.domain,
        "reliability": [_flat(r) for r in s.reliability],
        "resolution": s.resolution,
    }


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema every report validates against (``newsaudit schema`` prints it)."""
    text = resources.files("newsaudit.data").joinpath("report.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result

"""The one place that wires ingest → extraction → document → analyzers → report."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from newsaudit import analyzers as registry
from newsaudit import errors, extract, ingest, segment
from newsaudit.analyzers import AnalyzerOutput
from newsaudit.language import detect_language
from newsaudit.model import Attribution, Document, Finding, InputInfo, Removal, Report, Warning
from newsaudit.model import Source as CitedSource
from newsaudit.options import Options

Source = str | bytes | os.PathLike[str]
MIN_WORDS_WARNING = 50  # shorter stories are audited, with a warning that signals will be thin
SEGMENT_VERSION = "segment.v1"


def audit(source: Source, *, url: str | None = None, options: Options | None = None) -> Report:
    """Audit one article.

    ``source`` is a path, a URL (http/https), HTML (``str`` or ``bytes``) or plain text; what
    it is is detected from the content. ``url`` tells where HTML or text came from (it sets
    the outlet domain) and is not fetched. Raises ``errors.InputError`` for input that cannot
    be audited.
    """
    options = options or Options()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    raw, fetched = load(source, url=url, options=options)
    timings["ingest"] = _ms(clock)

    clock = time.perf_counter()
    if raw.kind == "html":
        extracted = extract.from_html(raw.content, url=raw.url, options=options)
    else:
        extracted = extract.from_text(raw.content, url=raw.url, options=options)
    timings["extract"] = _ms(clock)

    clock = time.perf_counter()
    document = build_document(extracted)
    timings["segment"] = _ms(clock)
    warnings = [Warning(code, message) for code, message in raw.warnings]
    warnings += _document_warnings(document, options)

    versions: dict[str, str] = {}
    for component in extracted.components:
        versions[component] = _component_version(component)
    versions["segment"] = SEGMENT_VERSION
    outputs = run_analyzers(document, options=options, timings=timings, versions=versions, warnings=warnings)
    return assemble(
        document,
        outputs,
        info=InputInfo(
            kind="url" if fetched else raw.kind,  # type: ignore[arg-type]
            url=raw.url,
            sha256=raw.sha256,
            content_type=raw.content_type,
            encoding=raw.encoding,
        ),
        removed=extracted.removed,
        versions=versions,
        warnings=warnings,
        timings=timings,
    )


def load(source: Source, *, url: str | None, options: Options) -> tuple[ingest.RawInput, bool]:
    """Read ``source`` into decoded content. Returns the input and whether it was fetched."""
    if isinstance(source, bytes | bytearray):
        return ingest.from_bytes_input(bytes(source), options, url=url), False
    if isinstance(source, os.PathLike):
        return ingest.from_bytes_input(ingest.read_path(source, options), options, url=url), False
    if not isinstance(source, str):
        raise errors.InputError(f"cannot audit a {type(source).__name__}; pass a path, URL, HTML or text")
    if ingest.looks_like_url(source):
        from newsaudit.fetch import fetch  # httpx (0.1 s) is only imported when a URL is audited

        return fetch(source.strip(), options), True
    if _is_existing_path(source):
        return ingest.from_bytes_input(ingest.read_path(source, options), options, url=url), False
    if _looks_like_missing_path(source):
        raise errors.InputError(f"no such file: {source}", code=errors.NOT_FOUND)
    return ingest.from_str_input(source, options, url=url), False


def _is_existing_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024 or not value.strip():
        return False
    try:
        return Path(value).exists()
    except OSError:
        return False


def _looks_like_missing_path(value: str) -> bool:
    """One 'word' with a slash or a file extension: a path that does not exist, not an article."""
    value = value.strip()
    return (
        " " not in value
        and "\n" not in value
        and ("/" in value or Path(value).suffix.lower() in (".html", ".htm", ".txt"))
    )


def build_document(extracted: extract.Extracted) -> Document:
    """The canonical text: the story's blocks separated by blank lines; offsets point into it."""
    text = "\n\n".join(extracted.blocks)
    paragraphs = segment.paragraphs(text)
    if not text.strip():
        raise errors.InputError("no story text left after removing page noise", code=errors.NO_TEXT)
    return Document(
        text=text,
        title=extracted.title,
        paragraphs=paragraphs,
        sentences=segment.sentences(text, paragraphs),
        author=extracted.author,
        date=extracted.date,
        outlet=extracted.outlet,
        language=detect_language(text),
    )


def _document_warnings(document: Document, options: Options) -> list[Warning]:
    out = []
    if document.language and document.language != "en":
        message = f"article language is '{document.language}'; newsaudit's analyzers are built for English"
        if options.require_english:
            raise errors.InputError(message, code=errors.NOT_ENGLISH)
        out.append(Warning("not_english", message + ", so English-only analyzers were skipped"))
    words = len(document.text.split())
    if words < MIN_WORDS_WARNING:
        out.append(Warning("short_text", f"only {words} words of story text; signals will be thin"))
    if document.title is None:
        out.append(Warning("no_title", "no title found"))
    return out


def run_analyzers(
    document: Document,
    *,
    options: Options,
    timings: dict[str, float],
    versions: dict[str, str],
    warnings: list[Warning],
) -> dict[str, AnalyzerOutput]:
    outputs: dict[str, AnalyzerOutput] = {}
    english = document.language in (None, "en")
    for analyzer in registry.pipeline(options.analyzers):
        if analyzer.english_only and not english:
            continue
        clock = time.perf_counter()
        upstream: Mapping[str, AnalyzerOutput] = {name: outputs[name] for name in analyzer.requires if name in outputs}
        outputs[analyzer.name] = analyzer.analyze(document, upstream=upstream, options=options)
        timings[analyzer.name] = _ms(clock)
        versions[analyzer.name] = f"{analyzer.name}.v{analyzer.version}"
    return outputs


def assemble(
    document: Document,
    outputs: Mapping[str, AnalyzerOutput],
    *,
    info: InputInfo,
    removed: tuple[Removal, ...],
    versions: dict[str, str],
    warnings: list[Warning],
    timings: dict[str, float],
) -> Report:
    labels: list[dict[str, object]] = [{} for _ in document.sentences]
    findings: list[Finding] = []
    attributions: list[Attribution] = []
    sources: dict[tuple[str, str], CitedSource] = {}
    headline: dict[str, object] = {}
    signals: dict[str, object] = {}
    for output in outputs.values():
        signals.update(output.signals)
        findings.extend(output.findings)
        attributions.extend(output.attributions)
        sources.update({(s.name, s.kind): s for s in output.sources})
        if output.outlet is not None:
            document = replace(document, outlet=output.outlet)
        headline.update(output.headline)
        for index, values in output.sentence_labels.items():
            labels[index].update(values)
    findings.sort(key=lambda f: (f.start, f.end, f.analyzer, f.label))
    timings["total"] = sum(timings.values())
    return Report(
        input=info,
        document=document,
        removed=tuple(removed),
        attributions=tuple(sorted(attributions, key=lambda a: a.content.start)),
        findings=tuple(findings),
        sources=tuple(sources.values()),
        headline=headline,
        signals=signals,
        sentence_labels=tuple(labels),
        analyzers=versions,
        warnings=tuple(warnings),
        timings_ms=timings,
    )


def _component_version(name: str) -> str:
    if name == "trafilatura":
        import trafilatura

        return f"trafilatura-{trafilatura.__version__}"
    component = registry.registered()
    matches = sorted(k for k in component if k.startswith(name + ".v"))
    return matches[-1] if matches else name


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


_WARMED: set[Options] = set()


def warm(options: Options) -> None:
    """Import and load everything an audit needs (the HTML path included) by auditing a small text;
    once per process (workers forked after the parent warmed up find it done)."""
    if options in _WARMED:
        return

    text = "Warm-up\n\n" + "The council said on Monday that the bridge would close, Reuters reported. " * 8
    html = f"<html><head><title>Warm-up</title></head><body><article><p>{text}</p></article></body></html>"
    for content, kind in ((text, "text"), (html, "html")):
        with contextlib.suppress(errors.InputError):
            audit(content.encode(), options=options.with_(input_kind=kind))
    _WARMED.add(options)

"""The command line: a thin layer over the library. Exit codes: 0 ok, 1 internal error, 2 bad input."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from newsaudit import errors
from newsaudit.options import MB, Options

if TYPE_CHECKING:
    from newsaudit.batch import Summary

app = typer.Typer(
    name="newsaudit",
    help="Audit news articles: clean text, who says what, framing and sources — signals with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
DEFAULTS = Options()


def _fail(exc: BaseException) -> NoReturn:
    if isinstance(exc, errors.InputError):
        typer.echo(exc.one_line(), err=True)
        raise typer.Exit(EXIT_INPUT)
    if os.environ.get("NEWSAUDIT_DEBUG"):
        raise exc
    message = " ".join(str(exc).split())[:300]
    typer.echo(
        f"error[E900]: internal error ({type(exc).__name__}: {message}); "
        "set NEWSAUDIT_DEBUG=1 for a traceback and please report it",
        err=True,
    )
    raise typer.Exit(EXIT_INTERNAL)


PROFILE_HELP = "full (every model) or fast (linear heads only: for corpora, see BENCHMARKS.md)."
CORES = max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))
THREADS_HELP = (
    "Sentences the transformer scores at once (default: the cores this process may use, up to 8). "
    "Scores do not depend on it."
)


def _check_threads(threads: int) -> None:
    if threads < 1:
        typer.echo(f"error[E100]: --threads must be 1 or more, not {threads}", err=True)
        raise typer.Exit(EXIT_INPUT)


def _check_profile(profile: str) -> None:
    if profile not in ("full", "fast"):
        typer.echo(f"error[E100]: unknown profile {profile!r}: full or fast", err=True)
        raise typer.Exit(EXIT_INPUT)


@app.command()
def audit(
    source: Annotated[str, typer.Argument(help="A URL, a file (HTML or text), or - for standard input.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, md or html.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    url: Annotated[str | None, typer.Option(help="Where a file or stdin came from (not fetched).")] = None,
    kind: Annotated[str | None, typer.Option(help="Force the input kind: html or text.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait when fetching.")] = DEFAULTS.timeout,
    max_mb: Annotated[float, typer.Option(help="Largest input accepted, in MB.")] = DEFAULTS.max_bytes / MB,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on private, loopback or link-local addresses.")
    ] = False,
    require_english: Annotated[bool, typer.Option(help="Refuse non-English articles (exit 2).")] = False,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Keep every line of a text input.")] = False,
    profile: Annotated[str, typer.Option(help=PROFILE_HELP)] = "full",
    threads: Annotated[int, typer.Option(help=THREADS_HELP)] = CORES,
) -> None:
    """Audit one article and print the report."""
    from newsaudit.pipeline import audit as run_audit
    from newsaudit.render import FORMATS, render

    if fmt not in FORMATS:
        typer.echo(f"error[E100]: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(EXIT_INPUT)
    if kind not in (None, "html", "text"):
        typer.echo(f"error[E100]: unknown kind {kind!r}; choose html or text", err=True)
        raise typer.Exit(EXIT_INPUT)
    _check_profile(profile)
    _check_threads(threads)
    options = Options(
        profile=profile,
        threads=threads,
        timeout=timeout,
        max_bytes=int(max_mb * MB),
        allow_private=allow_private,
        require_english=require_english,
        input_kind=kind,
        clean_text=not no_clean,
    )
    try:
        if source == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            report = run_audit(data, url=url, options=options)
        else:
            report = run_audit(Path(source) if _is_file(source) else source, url=url, options=options)
        rendered = render(report, fmt)
        if output is not None:
            output.write_text(rendered if rendered.endswith("\n") else rendered + "\n", encoding="utf-8")
        else:
            typer.echo(rendered.rstrip("\n"))
        for warning in report.warnings:
            typer.echo(f"warning[{warning.code}]: {warning.message}", err=True)
    except typer.Exit:
        raise
    except Exception as exc:
        _fail(exc)


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Folders of HTML/text files, JSONL, WARC(.gz) or URL-list files.")
    ],
    store: Annotated[Path, typer.Option(help="The DuckDB results store (created if missing).")] = Path(
        "newsaudit.duckdb"
    ),
    workers: Annotated[int, typer.Option(help="Worker processes (0: audit in this process).")] = max(
        1, (os.cpu_count() or 1)
    ),
    fmt: Annotated[str | None, typer.Option("--format", help="Also export all rows: jsonl or parquet.")] = None,
    output: Annotated[Path | None, typer.Option(help="Where --format writes.")] = None,
    engine: Annotated[str, typer.Option(help="local, or ray (pip install 'newsaudit[ray]').")] = "local",
    retry_errors: Annotated[bool, typer.Option(help="Audit again the inputs that failed before.")] = False,
    profile: Annotated[str, typer.Option(help=PROFILE_HELP)] = "full",
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private addresses.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Audit a corpus into a DuckDB store; resumable (a rerun redoes nothing).

    Exit codes: 0 every input audited; 1 some inputs failed (see the errors table);
    2 bad arguments; 3 nearly all inputs (over 90%) failed.
    """
    if fmt not in (None, "jsonl", "parquet") or (fmt and output is None):
        typer.echo("error[E100]: --format takes jsonl or parquet, with --output PATH", err=True)
        raise typer.Exit(EXIT_INPUT)
    _check_profile(profile)
    options = Options(allow_private=allow_private, profile=profile)
    try:
        if engine == "ray":
            from newsaudit.batch.ray_engine import run_ray

            if output is None:
                typer.echo("error[E100]: --engine ray writes Parquet: give --output DIR", err=True)
                raise typer.Exit(EXIT_INPUT)
            summary = run_ray(list(inputs), output, workers=workers, options=options)
        elif engine == "local":
            summary = _batch_local(inputs, store, workers, options, retry_errors, progress)
            if fmt and output is not None:
                from newsaudit.batch.store import Store

                exporter = Store(store)
                rows = exporter.export(fmt, output)
                exporter.close()
                typer.echo(f"exported {rows} rows to {output}", err=True)
        else:
            typer.echo(f"error[E100]: unknown engine {engine!r}: local or ray", err=True)
            raise typer.Exit(EXIT_INPUT)
    except typer.Exit:
        raise
    except Exception as exc:
        _fail(exc)
    typer.echo(
        f"{summary.inputs} inputs: {summary.audited} audited, {summary.failed} failed, {summary.skipped} already "
        f"done, {summary.duplicates} duplicates; {summary.ok_total} ok and {summary.failed_total} failed in all "
        f"({summary.seconds:.1f} s)",
        err=True,
    )
    if summary.inputs == 0:
        typer.echo("error[E101]: no inputs found", err=True)
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(summary.exit_code)


def _batch_local(
    inputs: list[str], store: str | Path, workers: int, options: Options, retry_errors: bool, show: bool
) -> Summary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from newsaudit import batch as batch_engine

    if not show:  # logs for non-interactive runs: one line per commit

        def committed(n: int) -> None:
            typer.echo(f"committed {n} results", err=True)

        return batch_engine.run(
            inputs, store, workers=workers, options=options, retry_errors=retry_errors, on_commit=committed
        )
    columns = (
        TextColumn("auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s · errors {task.fields[errors]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("audit", total=None, rate=0.0, errors=0)
        started = time.perf_counter()

        def tick(summary: Summary, total: int | None) -> None:
            done = summary.audited + summary.failed + summary.skipped + summary.duplicates
            elapsed = max(1e-9, time.perf_counter() - started)
            bar.update(
                task,
                total=None if total is None else max(total, done),
                completed=done,
                rate=(summary.audited + summary.failed) / elapsed,
                errors=summary.failed,
            )

        return batch_engine.run(
            inputs, store, workers=workers, options=options, retry_errors=retry_errors, on_progress=tick
        )


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL over articles, attributions, sources, findings, errors, results.")],
    store: Annotated[Path, typer.Option(help="The DuckDB results store.")] = Path("newsaudit.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run SQL on a results store (read-only) and print the result."""
    import duckdb

    if not store.exists():
        typer.echo(f"error[E104]: no store at {store}", err=True)
        raise typer.Exit(EXIT_INPUT)
    try:
        con = duckdb.connect(str(store), read_only=True)
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        typer.echo(f"error[E100]: {' '.join(str(exc).split())}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    if fmt == "json":
        typer.echo(json.dumps([dict(zip(names, r, strict=True)) for r in rows], default=str, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*names)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        Console().print(table)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="File to write.")],
    store: Annotated[Path, typer.Option(help="The DuckDB results store.")] = Path("newsaudit.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl or parquet.")] = "parquet",
) -> None:
    """Export one row per input (report JSON or error) as JSONL or Parquet."""
    from newsaudit.batch.store import Store

    if fmt not in ("jsonl", "parquet") or not store.exists():
        typer.echo("error[E100]: need an existing --store and --format jsonl or parquet", err=True)
        raise typer.Exit(EXIT_INPUT)
    exporter = Store(store, read_only=True)
    rows = exporter.export(fmt, output)
    exporter.close()
    typer.echo(f"exported {rows} rows to {output}", err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_mb: Annotated[float, typer.Option(help="Largest request accepted, in MB.")] = 10.0,
    timeout: Annotated[float, typer.Option(help="Seconds one audit may take before a 504.")] = 60.0,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private, loopback or link-local addresses.")
    ] = False,
    profile: Annotated[str, typer.Option(help=PROFILE_HELP)] = "full",
    threads: Annotated[int, typer.Option(help=THREADS_HELP)] = CORES,
) -> None:
    """Serve the HTTP API (POST /v1/audit) and the web page (GET /)."""
    _check_profile(profile)
    _check_threads(threads)
    import uvicorn

    from newsaudit import pipeline
    from newsaudit.server import create_app

    options = Options(allow_private=allow_private, profile=profile, threads=threads)
    application = create_app(options, max_bytes=int(max_mb * MB), timeout=timeout)
    typer.echo("newsaudit: loading models before serving (the first request should not wait for them)", err=True)
    pipeline.warm(options)
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    from newsaudit.report import schema as report_schema

    typer.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))


@app.command()
def version() -> None:
    """Print newsaudit's version and its analyzers."""
    from newsaudit import __version__
    from newsaudit.analyzers import registered

    typer.echo(f"newsaudit {__version__}; analyzers: {', '.join(sorted(registered()))}")


def _is_file(source: str) -> bool:
    try:
        return "://" not in source and Path(source).is_file()
    except OSError:
        return False


def main() -> None:
    app()


if __name__ == "__main__":
    main()

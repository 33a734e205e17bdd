"""The command line: a thin layer over the library. Exit codes: 0 ok, 1 internal error, 2 bad input."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from newsaudit import errors
from newsaudit.options import MB, Options

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
    options = Options(
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
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_mb: Annotated[float, typer.Option(help="Largest request accepted, in MB.")] = 10.0,
    timeout: Annotated[float, typer.Option(help="Seconds one audit may take before a 504.")] = 60.0,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private, loopback or link-local addresses.")
    ] = False,
) -> None:
    """Serve the HTTP API (POST /v1/audit) and the web page (GET /)."""
    import uvicorn

    from newsaudit.server import create_app

    application = create_app(Options(allow_private=allow_private), max_bytes=int(max_mb * MB), timeout=timeout)
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

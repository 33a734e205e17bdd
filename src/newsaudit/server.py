"""The HTTP API and web page (FastAPI): ``newsaudit serve``.

- ``POST /v1/audit``: a JSON body with exactly one of ``url``, ``html`` or ``text`` (and an optional
  ``source_url`` saying where HTML or text came from), or a multipart form with a ``file`` (or the
  same fields). ``?format=json`` (default) returns the report; ``html`` and ``md`` return it rendered.
- ``GET /``: a page with one form (paste text, give a URL or upload a file) that shows the HTML
  report; no script, no external asset.
- ``GET /healthz``; OpenAPI at ``/openapi.json``.

Every error has one JSON shape: ``{"error": {"code", "message", "status"}}``. Requests larger than
``max_bytes`` are refused (413) before they are read in full; each audit runs in a worker thread
under a deadline (504 when it passes); URLs are fetched with the same private-address guard as
the CLI.
"""

from __future__ import annotations

import json
from typing import Any

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsaudit import __version__, errors
from newsaudit.options import MB, Options

DEFAULT_MAX_BYTES = 10 * MB
DEFAULT_TIMEOUT = 60.0


class AuditRequest(BaseModel):
    """Exactly one of ``url``, ``html`` or ``text``."""

    model_config = ConfigDict(extra="forbid")
    url: str | None = None
    html: str | None = None
    text: str | None = None
    source_url: str | None = None
    """Where ``html`` or ``text`` came from (sets the outlet; not fetched)."""


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": " ".join(message.split())[:500], "status": status}}


MULTIPART_SCHEMA = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "format": "binary"},
        "url": {"type": "string"},
        "text": {"type": "string"},
        "html": {"type": "string"},
        "source_url": {"type": "string"},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "status"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"}},
        }
    },
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, description in (
        (400, "the input cannot be audited"),
        (413, "request too large"),
        (415, "unsupported content type"),
        (422, "malformed request"),
        (502, "the URL could not be fetched"),
        (504, "the audit took too long"),
    )
}


def create_app(
    options: Options | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> FastAPI:
    base = (options or Options()).with_(max_bytes=min((options or Options()).max_bytes, max_bytes))
    app = FastAPI(
        title="newsaudit",
        version=__version__,
        description="Audit news articles: who says what, framing, headline and sources — signals with evidence.",
    )

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.status, exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return JSONResponse(error_body(422, "E100", f"{where}: {first.get('msg', 'invalid request')}"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            error_body(exc.status_code, f"H{exc.status_code}", str(exc.detail)), status_code=exc.status_code
        )

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, "E900", f"internal error ({type(exc).__name__})"), status_code=500)

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Liveness: the service is up and its analyzers are registered."""
        from newsaudit.analyzers import registered

        return {"status": "ok", "version": __version__, "analyzers": sorted(registered())}

    @app.post(
        "/v1/audit",
        tags=["audit"],
        responses=ERROR_RESPONSES,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": AuditRequest.model_json_schema()},
                    "multipart/form-data": {"schema": MULTIPART_SCHEMA},
                },
            }
        },
    )
    async def audit_endpoint(request: Request, format: str = Query("json", pattern="^(json|html|md)$")) -> Response:
        """Audit one article given as JSON (``url`` | ``html`` | ``text``) or as a multipart upload."""
        source, source_url = await _read_input(request, max_bytes)
        return await _run(source, source_url, base, timeout, format)

    @app.get("/", response_class=HTMLResponse, tags=["page"])
    async def page() -> HTMLResponse:
        """The web page: paste text, give a URL or upload a file; see the HTML report."""
        return HTMLResponse(PAGE)

    return app


async def _read_input(request: Request, max_bytes: int) -> tuple[str | bytes, str | None]:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > max_bytes:
        raise ApiError(413, errors.TOO_LARGE, f"request is {int(length):,} bytes; the limit is {max_bytes:,}")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        return await _read_form(request, max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise ApiError(413, errors.TOO_LARGE, f"request is larger than the limit of {max_bytes:,} bytes")
    if content_type not in ("application/json", ""):
        raise ApiError(415, "E100", "send JSON (application/json) or a multipart form with a file")
    try:
        payload = json.loads(bytes(body) or b"null")
        parsed = AuditRequest.model_validate(payload)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, "E100", f"the body is not valid JSON ({exc.__class__.__name__})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "body"
        raise ApiError(422, "E100", f"{where}: {first.get('msg', 'invalid')}") from None
    return _one_source(parsed.url, parsed.html, parsed.text, None), parsed.source_url


async def _read_form(request: Request, max_bytes: int) -> tuple[str | bytes, str | None]:
    try:
        form = await request.form(max_files=1, max_fields=10)
    except Exception as exc:  # malformed multipart bodies raise several parser errors
        raise ApiError(400, "E100", f"cannot read the multipart form ({exc.__class__.__name__})") from None
    upload = form.get("file")
    data: bytes | None = None
    if upload is not None and not isinstance(upload, str):
        data = await upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ApiError(413, errors.TOO_LARGE, f"the file is larger than the limit of {max_bytes:,} bytes")
        if not data:
            data = None

    def field(name: str) -> str | None:
        value = form.get(name)
        return value if isinstance(value, str) and value.strip() else None

    return _one_source(field("url"), field("html"), field("text"), data), field("source_url")


def _one_source(url: str | None, html: str | None, text: str | None, data: bytes | None) -> str | bytes:
    given = [v for v in (url, html, text, data) if v is not None]
    if len(given) != 1:
        raise ApiError(422, "E100", "give exactly one of url, html, text or file")
    if url is not None and not url.strip().lower().startswith(("http://", "https://")):
        raise ApiError(400, errors.BAD_URL, "url must start with http:// or https://")
    if url is not None:
        return url.strip()
    # Pasted text and HTML go in as bytes: never read as a path on this server or as a URL to fetch.
    return data if data is not None else (html if html is not None else str(text)).encode("utf-8")


async def _run(source: str | bytes, source_url: str | None, options: Options, timeout: float, fmt: str) -> Response:
    from newsaudit.pipeline import audit
    from newsaudit.render import render

    def work() -> str:
        report = audit(source, url=source_url, options=options)
        return render(report, fmt)

    try:
        with anyio.fail_after(timeout):
            rendered = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise ApiError(504, "E901", f"the audit took longer than {timeout:.0f} s") from None
    except errors.FetchError as exc:
        status = 400 if exc.code in (errors.SCHEME_REFUSED, errors.PRIVATE_ADDRESS, errors.BAD_URL) else 502
        raise ApiError(status, exc.code, exc.message) from None
    except errors.InputError as exc:
        status = 413 if exc.code == errors.TOO_LARGE else 400
        raise ApiError(status, exc.code, exc.message) from None
    if fmt == "html":
        return HTMLResponse(rendered)
    if fmt == "md":
        return PlainTextResponse(rendered, media_type="text/markdown; charset=utf-8")
    return Response(rendered, media_type="application/json")


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsaudit</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:860px;margin:32px auto;padding:0 20px;color:#1d1d1f}
h1{margin-bottom:.2em} p.lead{color:#5f6368;margin-top:0}
fieldset{border:1px solid #ddd;border-radius:8px;margin:16px 0;padding:12px 16px}
textarea{width:100%;min-height:260px;font:14px/1.4 ui-monospace,monospace}
input[type=url]{width:100%;padding:6px}
button{font-size:1em;padding:8px 18px;border-radius:6px;border:1px solid #1a73e8;background:#1a73e8;color:#fff}
</style></head><body>
<h1>newsaudit</h1>
<p class="lead">Who says what in a news article, how it is framed, what to check first — signals with evidence,
not verdicts. Give one of the three.</p>
<form method="post" action="/v1/audit?format=html" enctype="multipart/form-data">
<fieldset><legend>Paste the article (text or HTML)</legend>
<textarea name="text" id="text" placeholder="Paste the article here"></textarea></fieldset>
<fieldset><legend>…or give its URL</legend><input type="url" name="url" id="url" placeholder="https://"></fieldset>
<fieldset><legend>…or upload a file (HTML or text)</legend><input type="file" name="file" id="file"></fieldset>
<button type="submit" id="submit">Audit</button>
</form>
<p class="lead">API: <code>POST /v1/audit</code> · <a href="/docs">docs</a> · <a href="/openapi.json">OpenAPI</a></p>
</body></html>
"""

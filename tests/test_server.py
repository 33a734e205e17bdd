"""The HTTP API: one error shape, limits, input handling, and schemathesis finding no 5xx."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from newsaudit.report import schema as report_schema
from newsaudit.server import create_app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
APP = create_app(max_bytes=200_000, timeout=60)
client = TestClient(APP)


def assert_error(response, status: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_json_text_round_trip_validates_against_the_report_schema() -> None:
    response = client.post("/v1/audit", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    assert response.status_code == 200
    report = response.json()
    jsonschema.validate(report, report_schema())
    assert report["attributions"] and report["input"]["kind"] == "text"


def test_file_upload_and_html_format() -> None:
    with EXAMPLE.open("rb") as handle:
        response = client.post("/v1/audit?format=html", files={"file": ("seed.txt", handle, "text/plain")})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Sources" in response.text and "<script" not in response.text


def test_html_body_and_source_url_set_the_outlet() -> None:
    html = (
        "<html><head><title>Bridge closed</title></head><body><article>"
        + "".join(
            f"<p>The council said on Monday that bridge number {i} would close for repairs next month.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    )
    response = client.post("/v1/audit", json={"html": html, "source_url": "https://www.reuters.com/x"})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["outlet"]["domain"].endswith("reuters.com")


def test_pasted_text_is_never_read_as_a_server_path_or_fetched() -> None:
    assert_error(client.post("/v1/audit", json={"text": "/etc/passwd"}), 400)
    error = assert_error(client.post("/v1/audit", json={"text": "http://127.0.0.1:1/"}), 400)
    assert "passwd" not in str(error)


def test_private_urls_are_refused_like_the_cli() -> None:
    error = assert_error(client.post("/v1/audit", json={"url": "http://127.0.0.1/admin"}), 400)
    assert error["code"] == "E202"
    assert assert_error(client.post("/v1/audit", json={"url": "file:///etc/passwd"}), 400)["code"] == "E207"


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 422), ({"text": "a", "url": "https://example.com"}, 422), ({"txt": "a"}, 422), ({"text": 5}, 422)],
)
def test_malformed_requests_get_the_error_shape(body: dict[str, object], status: int) -> None:
    assert_error(client.post("/v1/audit", json=body), status)


def test_not_json_wrong_type_unknown_route_and_method() -> None:
    assert_error(client.post("/v1/audit", content=b"{not json", headers={"content-type": "application/json"}), 400)
    assert_error(client.post("/v1/audit", content=b"x", headers={"content-type": "text/csv"}), 415)
    assert_error(client.get("/nope"), 404)
    assert_error(client.put("/v1/audit"), 405)
    assert_error(client.post("/v1/audit?format=pdf", json={"text": "x"}), 422)


def test_request_size_limit() -> None:
    big = "word " * 60_000
    assert assert_error(client.post("/v1/audit", json={"text": big}), 413)["code"] == "E103"


def test_page_and_health() -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text and "<script" not in page.text
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and "attribution.v6" in health["analyzers"]
    assert "/v1/audit" in client.get("/openapi.json").json()["paths"]


def test_deadline_gives_504(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from newsaudit import pipeline

    monkeypatch.setattr(pipeline, "audit", lambda *a, **k: time.sleep(2))
    slow = TestClient(create_app(timeout=0.2))
    assert assert_error(slow.post("/v1/audit", json={"text": "x"}), 504)["code"] == "E901"


api = schemathesis.openapi.from_asgi("/openapi.json", APP)


@api.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_fuzzing_finds_no_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"code", "message", "status"}


def test_serve_loads_the_models_before_it_listens(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from newsaudit import pipeline
    from newsaudit.cli import app

    calls: list[str] = []
    monkeypatch.setattr(pipeline, "warm", lambda options: calls.append(f"warm {options.profile} {options.threads}"))
    monkeypatch.setattr(uvicorn, "run", lambda application, **kwargs: calls.append(f"run {kwargs['port']}"))
    result = CliRunner().invoke(app, ["serve", "--port", "8123", "--profile", "fast", "--threads", "2"])
    assert result.exit_code == 0, result.stderr
    assert calls == ["warm fast 2", "run 8123"]

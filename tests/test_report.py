from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import newsaudit
from newsaudit.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def example_report() -> newsaudit.Report:
    return newsaudit.audit(EXAMPLE)


def test_report_validates_against_the_shipped_schema(example_report, pages) -> None:  # type: ignore[no-untyped-def]
    schema = newsaudit.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(example_report.to_dict(), schema)
    for page in pages.values():
        jsonschema.validate(newsaudit.audit(page["html"], url=page["url"]).to_dict(), schema)


def test_required_top_level_fields(example_report) -> None:  # type: ignore[no-untyped-def]
    data = example_report.to_dict()
    for key in (
        "schema_version",
        "input",
        "article",
        "removed",
        "sentences",
        "attributions",
        "findings",
        "headline",
        "sources",
        "analyzers",
        "timings_ms",
    ):
        assert key in data
    assert set(data["input"]) >= {"kind", "url", "sha256"}
    assert set(data["article"]) >= {"title", "text", "author", "date", "outlet", "language"}
    assert data["analyzers"]["noise"] == "noise.v2"


def test_cli_json_is_exactly_to_json(example_report) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["audit", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    expected = example_report.to_dict()
    printed.pop("timings_ms"), expected.pop("timings_ms")  # the only field that varies run to run
    assert printed == expected


def test_spans_point_into_the_canonical_text(example_report) -> None:  # type: ignore[no-untyped-def]
    doc = example_report.document
    previous_end = 0
    for s in doc.sentences:
        assert previous_end <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]
        previous_end = s.end
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] in doc.text.split("\n\n")


def test_input_kind_is_detected_from_content(tmp_path: Path, pages) -> None:  # type: ignore[no-untyped-def]
    page = next(iter(pages.values()))
    misnamed = tmp_path / "page.txt"
    misnamed.write_text(page["html"], encoding="utf-8")
    assert newsaudit.audit(misnamed).input.kind == "html"
    assert newsaudit.audit(page["html"].encode("utf-8")).input.kind == "html"
    text = EXAMPLE.read_text(encoding="utf-8")
    as_html_name = tmp_path / "article.html"
    as_html_name.write_text(text, encoding="utf-8")
    assert newsaudit.audit(as_html_name).input.kind == "text"
    assert newsaudit.audit(text).input.kind == "text"


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(app, ["audit", "-", "--format", "md", "--output", str(out)], input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.stderr
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# ")
    assert "## Removed from the page" in markdown


def test_audit_takes_the_fast_profile_and_refuses_an_unknown_one() -> None:
    full = json.loads(runner.invoke(app, ["audit", str(EXAMPLE), "--format", "json"]).stdout)
    result = runner.invoke(app, ["audit", str(EXAMPLE), "--format", "json", "--profile", "fast"])
    assert result.exit_code == 0, result.stderr
    fast = json.loads(result.stdout)
    assert fast["article"]["text"] == full["article"]["text"]
    # the fast profile's linear heads score the same sentences differently from the transformer
    scores = [[s["checkworthy"] for s in r["sentences"]] for r in (full, fast)]
    assert scores[0] != scores[1]
    for command in (["audit", str(EXAMPLE)], ["serve"], ["batch", str(EXAMPLE)]):
        refused = runner.invoke(app, [*command, "--profile", "turbo"])  # refused before any work starts
        assert refused.exit_code == 2 and "unknown profile" in refused.stderr, command
    for command in (["audit", str(EXAMPLE)], ["serve"]):
        refused = runner.invoke(app, [*command, "--threads", "0"])
        assert refused.exit_code == 2 and "--threads must be 1 or more" in refused.stderr, command
    threaded = runner.invoke(app, ["audit", str(EXAMPLE), "--format", "json", "--threads", "3"])
    assert threaded.exit_code == 0, threaded.stderr
    assert [s["checkworthy"] for s in json.loads(threaded.stdout)["sentences"]] == scores[0]


def test_schema_command_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == newsaudit.schema()


def test_html_metadata(pages) -> None:  # type: ignore[no-untyped-def]
    page = pages["latimes-disney.html.gz"]
    report = newsaudit.audit(page["html"], url=page["url"])
    doc = report.document
    assert doc.outlet.domain == "latimes.com"
    assert doc.date and doc.date.startswith("2019-11")
    assert doc.author and "Meg James" in doc.author
    assert doc.language == "en"
    assert doc.title and "Disney" in doc.title
    assert not doc.title.endswith("Los Angeles Times")


def test_text_report_shows_the_first_screen() -> None:
    result = runner.invoke(app, ["audit", str(EXAMPLE)])
    assert result.exit_code == 0
    for heading in ("Who says what", "Sources", "Signals", "Removed from the page"):
        assert heading in result.stdout
    assert "analyzers: " in result.stdout


def test_version_lists_the_analyzers() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    for name in ("noise.v2", "attribution.v6", "framing.v6", "claims.v5"):
        assert name in result.stdout

"""Stage A item 4: bad input gives a coded one-line error and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import respx
from typer.testing import CliRunner

import newsaudit
from newsaudit import errors
from newsaudit.cli import app

runner = CliRunner()


def run_cli(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["audit", *args], input=stdin)


def assert_input_error(result, code: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error[{code}]: ")
    assert "Traceback" not in result.output + result.stderr


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_input_error(run_cli(str(path)), errors.EMPTY)
    path.write_bytes(b"  \n\n\t  \n")
    assert_input_error(run_cli(str(path)), errors.EMPTY)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"  # the name lies; the content decides
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert_input_error(run_cli(str(path)), errors.BINARY)
    path.write_bytes(bytes(range(256)) * 40)  # no magic number, just binary
    assert_input_error(run_cli(str(path)), errors.BINARY)


def test_huge_text_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"The council met again today and talked about buses. " * (50 * 1024 * 1024 // 52 + 1))
    assert path.stat().st_size >= 50 * 1024 * 1024
    result = run_cli(str(path))
    assert_input_error(result, errors.TOO_LARGE)
    assert "MB" in result.stderr


def test_huge_stdin(tmp_path: Path) -> None:
    data = b"word " * (9 * 1024 * 1024 // 5)
    assert_input_error(run_cli("-", stdin=data), errors.TOO_LARGE)


def test_broken_html_with_wrong_declared_charset(tmp_path: Path) -> None:
    story = (
        "<p>Le caf\xe9 du coin a ferm\xe9 ses portes apr\xe8s trente ans, said the owner, who is retiring. "
        "The town council said the building would be sold at auction next month to the highest bidder."
    )
    body = (
        '<html><head><meta charset="utf-8"><title>Corner caf\xe9 closes</title></head><body><div><p>'
        + story * 4
        + "<div><span>unclosed <b>tags everywhere"
    ).encode("cp1252")
    path = tmp_path / "broken.html"
    path.write_bytes(body)
    result = run_cli(str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "warning[charset_mismatch]" in result.stderr
    report = newsaudit.audit(path)
    assert "café" in report.document.text
    assert "\ufffd" not in report.document.text
    assert any(w.code == "charset_mismatch" for w in report.warnings)


def test_non_english_page_is_audited_with_a_warning(tmp_path: Path) -> None:
    text = (
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in drei nördliche Bezirke auszuweiten. "
        "Die Anwohner hatten sich monatelang über lange Wartezeiten beschwert, sagte die Sprecherin. "
    ) * 4
    path = tmp_path / "de.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli(str(path), "--format", "json")
    assert result.exit_code == 0
    assert "warning[not_english]" in result.stderr
    report = newsaudit.audit(path)
    assert report.document.language == "de"
    strict = run_cli(str(path), "--require-english")
    assert_input_error(strict, errors.NOT_ENGLISH)
    titled = tmp_path / "de.html"
    titled.write_text(f"<html><head><title>Busnetz wird ausgeweitet</title></head><body><p>{text}</p></body></html>")
    report = newsaudit.audit(titled)
    assert report.document.title and not report.headline
    from newsaudit.render.markdown import to_markdown

    assert "No headline signals: the headline analyzer did not run" in to_markdown(report)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert_input_error(run_cli(str(tmp_path / "nope.html")), errors.NOT_FOUND)
    assert_input_error(run_cli(str(tmp_path)), errors.UNREADABLE)


@respx.mock
def test_unreachable_url() -> None:
    respx.get("https://news.example.com/story").mock(side_effect=httpx.ConnectError("connection refused"))
    assert_input_error(run_cli("https://news.example.com/story"), errors.UNREACHABLE)
    assert_input_error(run_cli("https://nowhere.invalid/story"), errors.UNREACHABLE)


@respx.mock
def test_timeout_and_http_error() -> None:
    respx.get("https://news.example.com/slow").mock(side_effect=httpx.ReadTimeout("slow"))
    respx.get("https://news.example.com/gone").mock(return_value=httpx.Response(404))
    assert_input_error(run_cli("https://news.example.com/slow"), errors.UNREACHABLE)
    assert_input_error(run_cli("https://news.example.com/gone"), errors.HTTP_STATUS)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://localhost:8080/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://internal.corp/",  # a name that resolves to a private address
    ],
)
def test_private_addresses_are_refused(url: str) -> None:
    assert_input_error(run_cli(url), errors.PRIVATE_ADDRESS)


def test_file_and_other_schemes_are_refused() -> None:
    assert_input_error(run_cli("file:///etc/passwd"), errors.SCHEME_REFUSED)
    assert_input_error(run_cli("ftp://example.com/a.txt"), errors.SCHEME_REFUSED)


@respx.mock
def test_redirect_to_private_address_is_refused() -> None:
    respx.get("https://news.example.com/r").mock(
        return_value=httpx.Response(302, headers={"location": "http://169.254.169.254/"})
    )
    assert_input_error(run_cli("https://news.example.com/r"), errors.PRIVATE_ADDRESS)


@respx.mock
def test_redirect_loop_is_capped() -> None:
    respx.get("https://news.example.com/loop").mock(return_value=httpx.Response(301, headers={"location": "/loop"}))
    assert_input_error(run_cli("https://news.example.com/loop"), errors.TOO_MANY_REDIRECTS)


@respx.mock
def test_oversized_and_non_html_responses() -> None:
    respx.get("https://news.example.com/big").mock(
        return_value=httpx.Response(200, headers={"content-type": "text/html"}, content=b"<p>x</p>" * 2_000_000)
    )
    respx.get("https://news.example.com/doc.pdf").mock(
        return_value=httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF-1.4")
    )
    assert_input_error(run_cli("https://news.example.com/big", "--max-mb", "1"), errors.TOO_LARGE)
    assert_input_error(run_cli("https://news.example.com/doc.pdf"), errors.NOT_HTML)


@respx.mock
def test_fetched_page_is_audited(pages) -> None:  # type: ignore[no-untyped-def]
    page = pages["latimes-disney.html.gz"]
    respx.get("https://www.latimes.com/story").mock(
        return_value=httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, text=page["html"])
    )
    report = newsaudit.audit("https://www.latimes.com/story")
    assert report.input.kind == "url"
    assert report.document.outlet.domain == "latimes.com"
    assert "Mayer" in report.document.text


def test_internal_error_is_one_line_exit_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newsaudit import pipeline

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "build_document", boom)
    path = tmp_path / "a.txt"
    path.write_text("The council approved the budget on Monday after a long debate. " * 5)
    result = run_cli(str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("error[E900]: internal error (RuntimeError: simulated bug)")
    assert "Traceback" not in result.stderr


def test_plain_english_is_known_without_the_model_and_other_languages_ask_it() -> None:
    from newsaudit import language

    english = "The council said on Monday that the bridge would close for repairs, and that it was not safe. " * 2
    french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui prévoit de relever l'âge légal."
    language._identifier.cache_clear()
    assert language.detect_language(english) == "en"
    assert language._identifier.cache_info().currsize == 0  # the model was not loaded
    assert language.detect_language(french) == "fr"
    assert (
        language.detect_language("Die Regierung hat das Gesetz am Montag beschlossen und will es bald umsetzen.")
        == "de"
    )

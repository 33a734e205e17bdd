"""The HTML report: self-contained, every span escaped, the example article's findings visible."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsaudit
from newsaudit.render.html import to_html

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "p", "br", "span",
    "b", "a", "div", "article", "aside", "svg", "rect", "table", "thead", "tbody", "tr", "th", "td", "details",
    "summary", "ol", "li",
}  # fmt: skip


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def assert_inert(page: str) -> None:
    """Only our own tags; no event handler attribute, script URL or external reference."""
    for tag, attrs in parse(page).tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").lower().lstrip().startswith("javascript:"), (tag, name, value)
            if name in ("href", "src"):
                assert (value or "").startswith("#"), (tag, name, value)


@pytest.fixture(scope="module")
def example_report() -> newsaudit.Report:
    return newsaudit.audit(EXAMPLE)


def test_example_report_shows_attributions_sources_and_removed_noise(example_report: newsaudit.Report) -> None:
    page = to_html(example_report)
    assert_inert(page)
    collector = parse(page)
    claim_notes = [
        a.get("title") or "" for tag, a in collector.tags if tag == "span" and "claim" in (a.get("class") or "")
    ]
    for attribution in example_report.attributions:
        assert any(f"claim by {attribution.source.name}" in note for note in claim_notes), attribution.source.name
    text = "".join(collector.text)
    for source in example_report.sources:
        assert source.name in text
    assert f"Removed from the page: {len(example_report.removed)} items" in text
    for removal in example_report.removed:
        assert " ".join(removal.text.split())[:40] in " ".join(text.split())
    assert "<svg" in page and "attributed" in text


def test_every_character_of_the_article_is_shown_once(example_report: newsaudit.Report) -> None:
    collector = parse(to_html(example_report))
    shown = "".join(collector.text)
    for paragraph in example_report.document.paragraphs:
        assert example_report.document.text[paragraph.start : paragraph.end] in shown


def test_markup_in_the_article_is_shown_as_text() -> None:
    hostile = (
        'Officials said <script>alert("x")</script> the plan would fail, Reuters reported.\n\n'
        '<img src=x onerror="alert(1)"> The minister told reporters that "<b>it works</b>" and more.'
    )
    report = newsaudit.audit(hostile.encode(), options=newsaudit.Options(input_kind="text"))
    page = to_html(report)
    assert_inert(page)
    assert "<script>" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in page


metachars = st.sampled_from(["<", ">", "&", '"', "'", "<script>", "</p>", " onerror=", "javascript:", "<!--", "]]>"])
words = st.sampled_from(["The", "minister", "said", "that", "Reuters", "reported", "police", "claims", "."])
fragments = st.lists(st.one_of(metachars, words, st.text(min_size=1, max_size=8)), min_size=8, max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.lists(st.one_of(metachars, words), min_size=1, max_size=8), body=fragments)
def test_no_unescaped_markup_reaches_the_html_report(title: list[str], body: list[str]) -> None:
    text = " ".join(title) + "\n\n" + " ".join(body) + " The council said the plan was approved."
    try:
        report = newsaudit.audit(text.encode("utf-8", "replace"), options=newsaudit.Options(input_kind="text"))
    except newsaudit.InputError:
        return  # refused input never reaches a renderer
    page = to_html(report)
    assert_inert(page)
    shown = "".join(parse(page).text)
    for paragraph in report.document.paragraphs:
        assert report.document.text[paragraph.start : paragraph.end] in shown

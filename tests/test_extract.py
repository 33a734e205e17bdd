"""HTML extraction: newsaudit's metadata reader must find what trafilatura's finds, for the fields it reports."""

from __future__ import annotations

import pytest

from newsaudit import extract
from newsaudit.options import Options

JSON_LD_PAGE = """<html><head><title>Harbour plan approved | The Coast Ledger</title>
<meta property="og:site_name" content="The Coast Ledger">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Harbour plan approved after long fight", "datePublished": "2024-03-05T09:00:00Z",
"author": {"@type": "Person", "name": "Mara Ellison"}}</script></head>
<body><article><h1>Harbour plan approved after long fight</h1>
<p>The port authority approved the harbour plan on Tuesday after two years of hearings, officials said.</p>
<p>The plan widens the channel and adds a second ferry berth, according to documents released on Monday.</p>
<p>Residents who opposed the dredging said they would appeal the decision in the regional court.</p>
</article></body></html>"""

BARE_PAGE = """<html><head><title>council votes</title></head><body><div class="byline">By Jon Reyes</div>
<p>Posted 12 January 2023</p><div><p>The council voted seven to two on Tuesday to keep the library open on
Sundays, after a petition signed by more than four thousand residents.</p><p>The mayor said the cost would be
met from the arts budget, and that staff would be asked before rotas change.</p></div></body></html>"""


def _trafilatura_fields(html: str, url: str | None) -> tuple[object, ...]:
    import trafilatura

    page = trafilatura.bare_extraction(html, url=url, include_comments=False, fast=True, with_metadata=True)
    assert page is not None and not isinstance(page, dict)
    return page.title, page.author, page.date, page.sitename, page.hostname


@pytest.mark.parametrize("name", ["latimes-disney.html.gz", "pft-chargers.html.gz", "json-ld", "bare"])
def test_page_metadata_equals_trafilaturas_own(name: str, pages: dict[str, dict[str, str]]) -> None:
    # extract.py reads title, author, date and site name itself, skipping trafilatura's categories,
    # tags and licence; on stored pages and on made ones it must agree with trafilatura field by field
    from trafilatura.utils import load_html

    html, url = {
        "json-ld": (JSON_LD_PAGE, "https://coastledger.example/2024/03/harbour"),
        "bare": (BARE_PAGE, None),
    }.get(name) or (pages[name]["html"], pages[name].get("url"))
    ours = extract._page_metadata(load_html(html), url)
    assert (ours.title, ours.author, ours.date, ours.sitename, ours.hostname) == _trafilatura_fields(html, url)


def test_from_html_reports_the_metadata_it_reads() -> None:
    got = extract.from_html(JSON_LD_PAGE, url="https://www.coastledger.example/x", options=Options())
    assert got.author == "Mara Ellison" and got.date == "2024-03-05"
    assert got.outlet.name == "The Coast Ledger" and got.outlet.domain == "coastledger.example"
    assert got.title is not None and "Coast Ledger" not in got.title
    assert any("ferry berth" in block for block in got.blocks)

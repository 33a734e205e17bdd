"""From decoded content to the story text and its metadata (HTML via trafilatura, text via noise.v2)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsaudit import errors
from newsaudit.analyzers import CleanResult, cleaner
from newsaudit.model import Outlet, Removal
from newsaudit.options import Options

if TYPE_CHECKING:
    from lxml.html import HtmlElement

TITLE_SEPARATORS_RE = re.compile(r"\s+[|\-–—:·•»]\s+")
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%B %d %Y", "%b %d %Y")


@dataclass(frozen=True, slots=True)
class Extracted:
    """The story as blocks (paragraphs) of text, before the canonical text is built."""

    blocks: tuple[str, ...]
    removed: tuple[Removal, ...]
    title: str | None
    author: str | None
    date: str | None
    outlet: Outlet
    components: tuple[str, ...]


def from_html(html: str, *, url: str | None, options: Options) -> Extracted:
    import trafilatura  # 0.3 s to import: only HTML input needs it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise errors.InputError("no article text found in this HTML page", code=errors.NO_TEXT)
    page = _page_metadata(tree, url)
    result = trafilatura.bare_extraction(  # works on a copy of the tree
        tree,
        url=url,
        include_comments=False,
        fast=True,
        with_metadata=False,
        include_tables=True,
    )
    if isinstance(result, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura returned a dict")
    if result is None or not (result.text or "").strip():
        raise errors.InputError("no article text found in this HTML page", code=errors.NO_TEXT)
    text: str = result.text or ""
    sitename = (page.sitename or "").strip() or None
    domain = _domain(url) or (page.hostname or None)
    title = _strip_site_from_title(page.title, sitename)
    components = ["trafilatura"]
    removed: tuple[Removal, ...] = ()
    blocks: tuple[str, ...] = tuple(line.strip() for line in text.split("\n") if line.strip())
    if options.clean_html:
        cleaned = cleaner().clean(text, options=options, title_hint=title, whole_text_is_story=True)
        blocks, removed = cleaned.blocks, cleaned.removed
        components.append("noise")
    return Extracted(
        blocks=blocks,
        removed=removed,
        title=title,
        author=(page.author or None),
        date=(page.date or None),
        outlet=Outlet(name=sitename or _name_from_domain(domain), domain=domain),
        components=tuple(components),
    )


def _page_metadata(tree: HtmlElement, url: str | None) -> Any:
    """trafilatura's ``extract_metadata`` (2.3.1) for the fields newsaudit reports: title, author,
    date, site name and host, found the same way, and in the same order. Its categories, tags and
    licence, which newsaudit does not use, are not looked for: they cost a third of its time."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    page = tm.examine_meta(tree)
    if page.author and " " not in page.author:
        page.author = None
    with contextlib.suppress(Exception):  # trafilatura's own guard: bugs in its JSON-LD reader
        page = tm.extract_meta_json(tree, page)
    if not page.title:
        page.title = tm.extract_title(tree)
    if not page.author:
        page.author = tm.extract_author(tree)
    if not page.url:
        page.url = tm.extract_url(tree, url)
    if page.url:
        page.hostname = extract_domain(page.url, fast=True)
    # trafilatura's default configuration searches extensively for the date (EXTENSIVE_DATE_SEARCH = on)
    page.date = find_date(tree, **{**set_date_params(True), "url": page.url})
    if not page.sitename:
        page.sitename = tm.extract_sitename(tree)
    if page.sitename:
        page.sitename = page.sitename.lstrip("@")
        if page.sitename and "." not in page.sitename and not page.sitename[0].isupper():
            page.sitename = page.sitename.title()
    elif page.url:
        match = tm.META_URL.match(page.url)
        if match:
            page.sitename = match[1]
    page.clean_and_trim()
    return page


def from_text(text: str, *, url: str | None, options: Options) -> Extracted:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    components: tuple[str, ...] = ()
    if options.clean_text:
        cleaned = cleaner().clean(text, options=options)
        components = ("noise",)
    else:
        blocks = tuple(line.strip() for line in text.split("\n") if line.strip())
        cleaned = CleanResult(title=None, blocks=blocks, removed=())
    domain = _domain(url)
    return Extracted(
        blocks=cleaned.blocks,
        removed=cleaned.removed,
        title=cleaned.title,
        author=cleaned.author,
        date=_iso_date(cleaned.date),
        outlet=Outlet(name=_name_from_domain(domain), domain=domain),
        components=components,
    )


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _name_from_domain(domain: str | None) -> str | None:
    return domain  # a name is only claimed when the page states one; the domain is what we know


def _strip_site_from_title(title: str | None, sitename: str | None) -> str | None:
    """'Story title - Site Name' -> 'Story title' (only when the cut part is the site's name)."""
    if not title:
        return None
    title = " ".join(title.split())
    seps = list(TITLE_SEPARATORS_RE.finditer(title))
    if seps and sitename:
        site = _squash(sitename)
        if _squash(title[seps[-1].end() :]) == site:
            return title[: seps[-1].start()]
        if _squash(title[: seps[0].start()]) == site:
            return title[seps[0].end() :]
    return title


@cache
def _squash(value: str) -> str:
    return re.sub(r"\W+", "", value.lower())


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip())
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return value

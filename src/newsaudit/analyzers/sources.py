"""``sources.v1``: web domains and reliability ratings for the article's outlet and its cited sources.

Names are resolved to domains in this order, and the report says which step matched:

1. the curated alias tables ``outlets.tsv`` and ``organizations.tsv`` (name or alias, any of the
   source's aliases found by ``attribution.v6``);
2. a name written as a domain ("Polygraph.info");
3. the rating data itself: a one-word form of the name ("The Hill" -> ``thehill``) that is the
   registrable label of exactly one rated domain.

Ratings come from ``ratings.tsv.gz`` (built by ``training/build_ratings.py``): each rating set is
shown on its own, with its scale, where it came from and its license. A source with no domain, or
whose domain is in no rating set, gets no rating and says so; nothing is guessed or averaged.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources

from newsaudit.analyzers import AnalyzerOutput, register
from newsaudit.model import Document, Outlet, Rating, Source
from newsaudit.options import Options
from newsaudit.resources import table

RESOLVABLE = ("outlet", "organization", "unknown")
MIN_SUFFIX_STEM = 8  # "Mercury News" from "San Jose Mercury News", not "News"
MIN_STEM = 5  # shorter one-word names ("Kan", "Fox") are too ambiguous to match against domains
TWO_LEVEL_SUFFIXES = frozenset(
    [
        "co.uk",
        "org.uk",
        "ac.uk",
        "gov.uk",
        "com.au",
        "net.au",
        "org.au",
        "co.nz",
        "co.in",
        "co.jp",
        "co.kr",
        "co.za",
        "com.br",
        "com.mx",
        "com.tr",
        "com.sg",
        "com.hk",
    ]
)
PLATFORMS = frozenset(
    [
        "blogspot.com",
        "wordpress.com",
        "medium.com",
        "substack.com",
        "tumblr.com",
        "github.io",
        "wixsite.com",
        "weebly.com",
        "facebook.com",
        "twitter.com",
        "x.com",
        "youtube.com",
        "instagram.com",
        "tiktok.com",
        "reddit.com",
        "google.com",
    ]
)
"""Hosts of other people's pages: a rating of the platform is not a rating of the page."""
MASTHEAD_WORDS = frozenset(
    [
        "news",
        "times",
        "post",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "chronicle",
        "star",
        "sun",
        "register",
        "bee",
        "courant",
        "press",
        "observer",
        "examiner",
        "inquirer",
        "reporter",
        "daily",
        "record",
        "dispatch",
        "globe",
        "mail",
        "mirror",
        "telegraph",
        "express",
        "standard",
        "independent",
        "leader",
        "statesman",
        "sentinel",
        "bulletin",
        "courier",
        "review",
    ]
)
"""Last words of newspaper names that may carry a place in front ("Pittsburgh Post-Gazette")."""
SECTION_WORDS = frozenset(
    ["business", "politics", "sports", "health", "opinion", "tech", "technology", "money", "travel", "world", "us"]
)
"""Section names an outlet puts after its name ("CNN Business"): the outlet is the same."""
TLD_ORDER = ("com", "org", "net", "co.uk", "gov", "edu", "int", "info", "news", "tv")

SETS = {
    "lin2023": (
        "Lin et al. 2023, aggregate domain quality (PNAS Nexus 2(9) pgad286), pc1",
        "0 to 1, higher is better",
        "no license stated; authors invite reuse with citation",
    ),
    "idiap": (
        "Burdisso et al. 2024, News-Media-Reliability (idiap), p+fp-average",
        "0 to 1, higher is more reliable",
        "Apache-2.0",
    ),
    "wikipedia": (
        "Wikipedia: Reliable sources/Perennial sources",
        "-2 blacklisted, -1 generally unreliable or deprecated, 0 no consensus, 1 generally reliable",
        "CC BY-SA 4.0",
    ),
}
WIKI_LABELS = {-2: "blacklisted", -1: "generally unreliable", 0: "no consensus", 1: "generally reliable"}


@register
class SourcesAnalyzer:
    name = "sources"
    version = 1
    requires: tuple[str, ...] = ("attribution",)
    english_only = False

    def analyze(self, doc: Document, *, upstream: Mapping[str, AnalyzerOutput], options: Options) -> AnalyzerOutput:
        cited = upstream["attribution"].sources if "attribution" in upstream else ()
        return AnalyzerOutput(sources=tuple(rate_source(s) for s in cited), outlet=rate_outlet(doc.outlet))


def rate_source(source: Source) -> Source:
    if source.kind not in RESOLVABLE:
        return replace(source, resolution=f"no rating: {_article(source.kind)} {source.kind} source has no web domain")
    domain, how = resolve_name(source.name, source.aliases)
    if domain is None:
        return replace(source, resolution="no rating: no web domain known for this name")
    ratings = ratings_for(domain)
    note = how if ratings else f"{how}; no rating: {domain} is in no shipped rating set"
    return replace(source, domain=domain, reliability=ratings, resolution=note)


def rate_outlet(outlet: Outlet) -> Outlet:
    domain, how = outlet.domain, "domain of the article's URL"
    if domain is None and outlet.name:
        domain, how = resolve_name(outlet.name, ())
    if domain is None:
        return replace(outlet, resolution="no rating: the article's outlet is unknown")
    domain = normalise_domain(domain)
    ratings = ratings_for(domain)
    note = how if ratings else f"{how}; no rating: {domain} is in no shipped rating set"
    return replace(outlet, domain=outlet.domain or domain, reliability=ratings, resolution=note)


def resolve_name(name: str, aliases: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """A source name -> (domain, how it was found), or (None, reason)."""
    index = alias_index()
    for surface in (name, *aliases):
        key = _key(surface)
        if key in index:
            return index[key], f"'{surface}' is listed as {index[key]}"
    for surface in (name, *aliases):
        candidate = surface.strip().lower()
        if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", candidate):
            return normalise_domain(candidate), f"'{surface}' is written as a domain"
    stems = stem_index()
    for surface in (name, *aliases):
        for variant in _variants(surface):
            if _key(variant) in index:
                return index[_key(variant)], f"'{surface}' is listed as {index[_key(variant)]}"
            stem = _stem(variant)
            if len(stem) >= MIN_STEM and stem in stems:
                return stems[stem], f"'{surface}' matches the rated domain {stems[stem]} by name"
    return None, "no web domain known for this name"


def _variants(surface: str) -> list[str]:
    """Forms a news name takes in a domain: itself; without a section word ("CNN Business");
    with leading place words abbreviated ("New York Daily News" -> "NY Daily News") or dropped
    ("San Jose Mercury News" -> "Mercury News"), most specific first."""
    words = re.sub(r"^the\s+", "", surface.strip(), flags=re.I).split()
    out = [surface.strip(), " ".join(words)]
    if len(words) >= 2 and words[-1].lower() in SECTION_WORDS:
        out.append(" ".join(words[:-1]))
    if not words or re.sub(r"\W", "", words[-1].split("-")[-1]).lower() not in MASTHEAD_WORDS:
        return out
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if k >= 2 and all(w[:1].isupper() for w in words[:k]):
            out.append("".join(w[0] for w in words[:k]) + " " + rest)
        if len(_stem(rest)) >= MIN_SUFFIX_STEM:
            out.append(rest)
    return out


def ratings_for(domain: str) -> tuple[Rating, ...]:
    """Ratings of ``domain``, else of its registrable parent (edition.cnn.com -> cnn.com)."""
    data = rating_table()
    for candidate in _parents(normalise_domain(domain)):
        if candidate in data:
            return _parse_ratings(data[candidate])
    return ()


def normalise_domain(domain: str) -> str:
    domain = domain.strip().lower().rstrip(".")
    domain = re.sub(r"^[a-z]+://", "", domain).split("/")[0].split(":")[0]
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if domain.startswith(prefix):
            domain = domain[len(prefix) :]
    return domain


def _parents(domain: str) -> list[str]:
    labels = domain.split(".")
    keep = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES else 2
    out = [domain]
    registrable = ".".join(labels[-keep:])
    if registrable != domain and registrable not in PLATFORMS:
        out.append(registrable)
    return out


def _key(surface: str) -> str:
    surface = re.sub(r"[’']s$", "", surface.strip())
    surface = re.sub(r"^the\s+", "", surface, flags=re.I)
    return re.sub(r"\s+", " ", surface).lower() if len(surface) > 4 else surface


def _stem(surface: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"[’']s$", "", surface.strip()).lower())


@cache
def alias_index() -> dict[str, str]:
    """Curated names and aliases -> domain. Short names (≤4 characters) match case-sensitively."""
    index: dict[str, str] = {}
    for name in ("outlets.tsv", "organizations.tsv"):
        for row in table(name):
            padded = (*row, "", "")[:3]
            for surface in (padded[0], *padded[1].split("|")):
                if surface and padded[2]:
                    index.setdefault(_key(surface), padded[2])
    return index


@cache
def rating_table() -> dict[str, str]:
    """Rated domain -> its row's rating cells (tab-separated; parsed when the domain is looked up)."""
    raw = resources.files("newsaudit.data").joinpath("ratings.tsv.gz").read_bytes()
    rows = (line.split("\t", 1) for line in gzip.decompress(raw).decode("utf-8").splitlines())
    return {row[0]: row[1] for row in rows if not row[0].startswith("#") and len(row) == 2}


@lru_cache(maxsize=4096)
def _parse_ratings(cells: str) -> tuple[Rating, ...]:
    ratings = []
    for key, value in zip(("lin2023", "idiap", "wikipedia"), cells.split("\t"), strict=True):
        if value:
            source, scale, license_ = SETS[key]
            number = float(value)
            label = WIKI_LABELS.get(int(number), value) if key == "wikipedia" else f"{number:.2f}"
            ratings.append(Rating(number, label, scale, source, license_))
    return tuple(ratings)


@cache
def stem_index() -> dict[str, str]:
    """One-word name -> rated domain, for registrable domains whose label is unique (by TLD order)."""
    found: dict[str, list[str]] = {}
    for domain in rating_table():
        labels = domain.split(".")
        suffix = ".".join(labels[1:])
        if len(labels) == 2 or (len(labels) == 3 and suffix in TWO_LEVEL_SUFFIXES):
            found.setdefault(labels[0].replace("-", ""), []).append(domain)
    out = {}
    for stem, domains in found.items():
        if len(domains) == 1:  # most stems: nothing to rank (this index is built at cold start)
            out[stem] = domains[0]
            continue
        ranked = sorted(domains, key=lambda d: _tld_rank(d.split(".", 1)[1]))
        if _tld_rank(ranked[0].split(".", 1)[1]) < _tld_rank(ranked[1].split(".", 1)[1]):
            out[stem] = ranked[0]
    return out


def _tld_rank(suffix: str) -> int:
    return TLD_ORDER.index(suffix) if suffix in TLD_ORDER else len(TLD_ORDER)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"

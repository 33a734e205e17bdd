"""Loading the word lists and tables shipped in ``newsaudit/data`` (read once, cached)."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("newsaudit.data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-word-per-line list, lowercased."""
    return frozenset(line.strip().lower() for line in _lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table without header; comment lines start with '#'."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


def stopwords() -> frozenset[str]:
    return word_set("stopwords.txt")

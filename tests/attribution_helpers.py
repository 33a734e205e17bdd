"""Helpers for the attribution tests: a Document from plain text, and attribute() over it."""

from __future__ import annotations

from newsaudit import segment
from newsaudit.analyzers.attribution import attribute
from newsaudit.model import Attribution, Document


def doc(text: str) -> Document:
    paragraphs = segment.paragraphs(text)
    return Document(text=text, title=None, paragraphs=paragraphs, sentences=segment.sentences(text, paragraphs))


def run(text: str) -> list[Attribution]:
    return list(attribute(doc(text)).attributions)


def only(text: str) -> Attribution:
    found = run(text)
    assert len(found) == 1, [(a.source.name, a.cue.text, a.content.text) for a in found]
    return found[0]

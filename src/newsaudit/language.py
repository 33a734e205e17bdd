"""Language identification (py3langid: a small offline model shipped in its wheel)."""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 2000  # about 300 words: enough for a stable decision; longer text only costs time
MIN_CHARS = 40  # below this, no language is claimed


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when the text is too short or the guess is weak."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None

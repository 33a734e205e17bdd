"""Language identification: plainly English text by its function words, anything else by py3langid
(a small offline model shipped in its wheel, loaded only when needed)."""

from __future__ import annotations

import re
from functools import cache

from newsaudit.resources import word_set

SAMPLE_CHARS = 2000  # about 300 words: enough for a stable decision; longer text only costs time
MIN_CHARS = 40  # below this, no language is claimed


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


ENGLISH_SHARE = 0.2  # of the sample's words in data/english_function_words.txt: plainly English
WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when the text is too short or the guess is weak."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    words = WORD.findall(sample.lower())
    function_words = word_set("english_function_words.txt")
    if len(words) >= 20 and sum(w in function_words for w in words) >= ENGLISH_SHARE * len(words):
        return "en"  # plainly English: the model (0.6 s to load, 1 ms a call) is not needed
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None

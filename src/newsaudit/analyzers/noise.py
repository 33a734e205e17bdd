"""``noise.v2``: find the story in a page already flattened to text, and say what else is there.

A flattened page is the story's paragraphs mixed with page furniture: menus, bylines, teaser
headlines of other stories, reader polls, calls to action, footers and share/tag residue.
The cleaner works on lines (or on blank-line separated blocks when the text is hard-wrapped)
and uses features that do not depend on any one site:

1. line shape: words, sentence-final punctuation, share of function words, title case,
   bullets, punctuation-only residue, a short list of generic web phrases (data file);
2. position: the story is the densest run of prose lines (a maximum-sum segment over
   per-line weights, as in Finn et al.'s body-text extraction), and what lies before or
   after it is header or footer;
3. topical distance: a headline-shaped line inside the story whose content words hardly
   occur in the rest of the story is a teaser for another story.

Thresholds are named constants; they were calibrated on the flattened pages of the
article-extraction benchmark (benchmarks/extraction.py), never on one article's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsaudit.analyzers import CleanResult, register
from newsaudit.model import Removal
from newsaudit.options import Options
from newsaudit.resources import stopwords, table, word_set

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
TERMINAL_RE = re.compile(r"""[.!?…]["'”’)\]]*$|[.!?…]\s*\[\d+\]$""")
SENTENCE_END_RE = re.compile(r"""[.!?…]["'”’)\]]*\s+["'“‘(]?[A-Z]""")
BULLET_RE = re.compile(r"^\s*(?:[*•+·▪►▸>|]|[-–—](?=\s))\s*")
ARROW_RE = re.compile(r"[→»›➔➜▶⟶]\s*$|^\s*[←«‹]")
BYLINE_RE = re.compile(r"^(?:by|written by|words by|reporting by|story by)\s+[A-Z\u00C0-\u024F]", re.I)
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_RE = re.compile(
    rf"\b(?:{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT|PST|PDT|BST|CET)?\b", re.I)
CREDIT_RE = re.compile(r"^\(?[^()]{0,80}(?:/|photo|image|credit|getty|reuters|ap photo|afp)[^()]{0,80}\)?$", re.I)
# The start of a comment section or the page's legal footer: the story never runs past these.
BARRIER_RE = re.compile(
    r"^\[?\s*\d+\s+(?:comments?|responses?|replies|reactions)\b|\b(?:leave a (?:reply|comment)|post a comment"
    r"|add a comment|join the (?:discussion|conversation)|(?:read|view|show|see) (?:all )?comments|comments are closed"
    r"|all rights reserved|you must (?:be )?log(?:ged)? in to (?:post )?(?:a )?comment)\b"
    r"|^\S+(?: \S+)?\s+(?:says|said|wrote):$",
    re.I,
)
POLL_OPENERS = frozenset(
    [
        "should",
        "would",
        "will",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "has",
        "have",
        "had",
        "shall",
        "may",
        "might",
    ]
)

# --- calibrated constants (benchmarks/extraction.py, flattened path) -------------------------
PROSE_MIN_WORDS = 8  # a line of at least this many words ending like a sentence is prose
PROSE_MIN_STOP_SHARE = 0.18  # prose has function words; menus and headlines have few
SHORT_LINE_PENALTY = 4.0  # weight of a non-prose line in the body search (in words)
NOISE_LINE_PENALTY = 12.0  # weight of a line with a boilerplate phrase, CTA or residue
BOILERPLATE_MAX_WORDS = 30  # longer lines are story text even if they contain a phrase
BARRIER_PENALTY = 10_000.0  # comment-section starts and legal footers end the story
ENGLISH_MIN_STOP_SHARE = 0.08  # pages below this share of English function words are not English
SITE_PHRASE_FACTOR = 0.1  # a long line naming the site, its cookies or its terms
COHERENCE_WINDOW = 3  # prose lines on each side a line is compared with
COHERENCE_FULL = 0.25  # a line sharing this share of its words with its neighbours counts fully
COHERENCE_FLOOR = 0.2  # an unrelated line still counts this much
AFTER_BARRIER_FACTOR = 0.1  # comments and footers after the story weigh a tenth
PROSE_FULL_STOP_SHARE = 0.3  # prose with at least this share of function words counts fully
# A phrase marks a line as furniture only in lines up to this long: "Sign up" in a short line
# is a button, in a paragraph it is story text. Site notices (cookies, disclaimers) at any length.
PHRASE_MAX_WORDS = {"call_to_action": 12, "advertisement": 12, "poll": 8, "footer": 30, "site": 10_000}
# On an extractor's output (HTML path) only these kinds are removed: the extractor already
# chose the story, and its lists, captions, tweets, headings and even copyright lines are part
# of the marked bodies: on the benchmark, removing any other kind lowered F1 (0.965 -> 0.952
# for list items taken as navigation).
EXTRACTED_TEXT_REMOVALS = frozenset({"call_to_action"})
HEADLINE_MIN_WORDS = 5  # teaser/title shape: at least this many words ...
HEADLINE_CAP_SHARE = 0.6  # ... most content words capitalised ...
TEASER_MAX_OVERLAP = 0.25  # ... and few of them found elsewhere in the story
POLL_MAX_WORDS = 25
EXTRA_REGION_MIN_WORDS = 40  # a second run of prose outside the main one is kept if this long
EXTRA_REGION_MIN_OVERLAP = 0.35  # ... and on the same topic
TITLE_SEARCH_LINES = 40  # lines before the story searched for the title


@dataclass(slots=True)
class Line:
    text: str
    words: list[str]
    terminal: bool
    sentences: int
    stop_share: float
    cap_share: float
    bullet: bool
    phrase_kind: str | None
    weight: float = 0.0
    digit_share: float = 0.0
    barrier: bool = False
    _content: set[str] | None = None

    @property
    def content(self) -> set[str]:
        """``content_words`` of the line's words (made once; callers must not change it)."""
        if self._content is None:
            self._content = content_words(self.words)
        return self._content

    @property
    def n(self) -> int:
        return len(self.words)


@cache
def _phrases(kinds: frozenset[str] | None = None) -> re.Pattern[str]:
    """The boilerplate phrases of ``kinds`` (default: all) in one pattern; a match's group name is its kind."""
    by_kind: dict[str, list[str]] = {}
    for row in table("boilerplate.tsv"):
        if len(row) == 2 and (kinds is None or row[0] in kinds):
            by_kind.setdefault(row[0], []).append(re.escape(row[1]).replace(r"\ ", r"\s+"))
    groups = (f"(?P<{kind}>{'|'.join(sorted(p, key=len, reverse=True))})" for kind, p in by_kind.items())
    return re.compile(r"(?<!\w)(?:" + ("|".join(groups) or "(?!)") + r")(?!\w)", re.I)


def _phrase_kind(text: str, n_words: int) -> str | None:
    """The kind of the first boilerplate phrase in ``text`` whose kind allows a line of ``n_words``."""
    if n_words > BOILERPLATE_MAX_WORDS:  # a long line: only the kinds that allow it are looked for
        kinds = frozenset(k for k, most in PHRASE_MAX_WORDS.items() if n_words <= most)
        match = _phrases(kinds).search(text) if kinds else None
        return match.lastgroup if match else None
    for match in _phrases().finditer(text):
        kind = match.lastgroup
        if kind and n_words <= PHRASE_MAX_WORDS.get(kind, BOILERPLATE_MAX_WORDS):
            return kind
    return None


def content_words(words: list[str]) -> set[str]:
    stop = stopwords()
    return {w.lower() for w in words if len(w) > 2 and w.lower() not in stop and not w.isdigit()}


def describe(text: str) -> Line:
    stop = stopwords()
    words = WORD_RE.findall(text)
    n = len(words)
    lowered = [w.lower() for w in words]
    stop_n = sum(1 for w in lowered if w in stop)
    content = [w for w in words if w.lower() not in stop and w[0].isalpha()]
    caps = sum(1 for w in content if w[0].isupper())
    phrase_kind = _phrase_kind(text, n)
    stripped = text.strip()
    return Line(
        text=stripped,
        words=words,
        terminal=bool(TERMINAL_RE.search(stripped)),
        sentences=1 + len(SENTENCE_END_RE.findall(stripped)),
        stop_share=stop_n / n if n else 0.0,
        cap_share=caps / len(content) if content else 0.0,
        bullet=bool(BULLET_RE.match(text)),
        phrase_kind=phrase_kind,
        digit_share=sum(1 for w in words if w[0].isdigit()) / n if n else 0.0,
        barrier=n <= BOILERPLATE_MAX_WORDS and bool(BARRIER_RE.search(stripped)),
    )


def is_residue(line: Line) -> bool:
    """Share/tag residue: punctuation with hardly any words (", , , ,", "| |", "•••")."""
    if line.n == 0:
        return True
    if line.n > 2:
        return False
    letters = sum(ch.isalnum() for ch in line.text)
    return letters / max(len(line.text), 1) < 0.4


def is_prose(line: Line) -> bool:
    return (
        line.n >= PROSE_MIN_WORDS
        and line.stop_share >= PROSE_MIN_STOP_SHARE
        and (line.terminal or line.n >= 3 * PROSE_MIN_WORDS)
        and not line.bullet
    )


def is_call_to_action(line: Line) -> bool:
    if ARROW_RE.search(line.text):
        return True
    if not line.words or line.n > 8:
        return False
    first = line.words[0].lower()
    # An imperative opener without a subject: "Sign up ...", "Read our ...", "Submit a ...".
    return first in word_set("cta_verbs.txt") and (not line.terminal or line.n <= 5) and line.words[0][0].isupper()


def is_headline_shaped(line: Line) -> bool:
    return (
        line.n >= HEADLINE_MIN_WORDS
        and not line.text.endswith(".")
        and line.cap_share >= HEADLINE_CAP_SHARE
        and line.sentences == 1
    )


def is_poll(line: Line) -> bool:
    """A stand-alone yes/no question to the reader: "Should X do Y?", "Do you agree ...?".
    All-capitals lines are section headings, not polls."""
    return (
        not line.text.isupper()
        and line.text.rstrip("\"'”’ ").endswith("?")
        and line.sentences == 1
        and 3 <= line.n <= POLL_MAX_WORDS
        and line.words[0].lower() in POLL_OPENERS
    )


def weigh(line: Line) -> float:
    if line.barrier:
        return -BARRIER_PENALTY
    if is_residue(line) or (line.phrase_kind and line.n <= BOILERPLATE_MAX_WORDS) or is_call_to_action(line):
        return -NOISE_LINE_PENALTY
    if is_prose(line):
        # Prose quality: function words as in running text, few numbers (tables, contacts).
        quality = min(1.0, line.stop_share / PROSE_FULL_STOP_SHARE) * max(0.0, 1.0 - 2 * line.digit_share)
        if line.phrase_kind:  # a long line about the site itself: cookie notices, disclaimers
            quality *= SITE_PHRASE_FACTOR
        return line.n * quality
    if line.terminal and line.n >= 3 and line.stop_share > 0:
        return 0.5 * line.n - SHORT_LINE_PENALTY / 2  # a short sentence: neutral-ish
    return -SHORT_LINE_PENALTY


def _weigh_all(lines: list[Line]) -> None:
    """Weigh every line; prose after a comment-section start or legal footer counts little,
    once a story-sized run of prose has been seen before it."""
    seen, after_barrier = 0.0, False
    for line in lines:
        line.weight = weigh(line)
    _apply_coherence(lines)
    for line in lines:
        if line.barrier and seen >= EXTRA_REGION_MIN_WORDS:
            after_barrier = True
        if line.weight > 0:
            seen += line.weight
            if after_barrier:
                line.weight *= AFTER_BARRIER_FACTOR


def _apply_coherence(lines: list[Line]) -> None:
    """Scale prose weights by how much a line shares words with the prose lines around it.

    A story's paragraphs talk about the same things; a list of other stories' summaries does
    not. Each prose line is compared with up to COHERENCE_WINDOW prose lines on each side."""
    prose = [i for i, ln in enumerate(lines) if ln.weight > 0]
    vocab = [_stems(lines[i].words) for i in prose]
    for k, i in enumerate(prose):
        mine = vocab[k]
        if not mine:
            continue
        around: set[str] = set()
        for j in range(max(0, k - COHERENCE_WINDOW), min(len(prose), k + COHERENCE_WINDOW + 1)):
            if j != k:
                around |= vocab[j]
        coherence = len(mine & around) / len(mine)
        lines[i].weight *= min(1.0, COHERENCE_FLOOR + coherence / COHERENCE_FULL)


def _stems(words: list[str]) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in content_words(words)}


def best_segment(weights: list[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous segment (Kadane); returns [start, end) and its sum."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, w in enumerate(weights):
        if total <= 0:
            start, total = i, 0.0
        total += w
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def units(text: str) -> list[str]:
    """Lines, or blank-line blocks joined when the text is hard-wrapped at a fixed width."""
    lines = text.split("\n")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    multi = [b for b in blocks if b.count("\n") >= 2]
    if multi and len(multi) * 3 >= len(blocks):
        inner = [ln for b in multi for ln in b.split("\n")[:-1] if ln.strip()]
        lengths = sorted(len(ln) for ln in inner)
        median = lengths[len(lengths) // 2] if lengths else 0
        open_ended = sum(1 for ln in inner if not TERMINAL_RE.search(ln.strip()))
        if 40 <= median <= 100 and open_ended * 2 >= len(inner):
            return [" ".join(ln.strip() for ln in b.split("\n")) for b in blocks]
    return [ln for ln in lines if ln.strip()]


@register
class NoiseCleaner:
    name = "noise"
    version = 2

    def clean(
        self, text: str, *, options: Options, title_hint: str | None = None, whole_text_is_story: bool = False
    ) -> CleanResult:
        """Split ``text`` into story blocks and removals. ``whole_text_is_story`` skips the
        search for the story (the text is already an extractor's output) and only drops
        furniture inside it; ``title_hint`` is a title known from elsewhere (HTML metadata)."""
        lines = [describe(u) for u in units(text)]
        if not lines:
            return CleanResult(title=title_hint, blocks=(), removed=())
        total = sum(ln.n for ln in lines)
        if total and sum(ln.stop_share * ln.n for ln in lines) / total < ENGLISH_MIN_STOP_SHARE:
            # Not English: function-word shares mean nothing, judge by shape alone.
            for line in lines:
                line.stop_share = PROSE_FULL_STOP_SHARE if line.n else 0.0
        if whole_text_is_story:  # no search for the story: the lines need no weights
            start, end = 0, len(lines)
        else:
            _weigh_all(lines)
            start, end, _ = best_segment([ln.weight for ln in lines])
            if end <= start:  # no prose at all: keep every line that is not obvious furniture
                start, end = 0, len(lines)
        keep = [start <= i < end for i in range(len(lines))]
        if not whole_text_is_story:
            self._add_related_regions(lines, keep, start, end)
        story_words = _story_vocabulary(lines, keep)
        if whole_text_is_story:
            title_index = _repeated_title(lines, title_hint)
        else:
            title_index = _find_title(lines, start, story_words, title_hint)
        blocks: list[str] = []
        author = date = None
        first_kept = min((i for i, k in enumerate(keep) if k), default=0)
        last_kept = max((i for i, k in enumerate(keep) if k), default=-1)
        pending: list[tuple[int, str, str]] = []
        for i, line in enumerate(lines):
            if i == title_index:
                continue
            if keep[i]:
                verdict = _judge_inside(line, story_words)
            else:
                verdict = _judge_outside(line, before=i < first_kept, after=i > last_kept)
            if verdict is None or (whole_text_is_story and verdict[0] not in EXTRACTED_TEXT_REMOVALS):
                blocks.append(line.text)
                continue
            kind, reason = verdict
            if kind == "byline" and author is None and i < first_kept + 3:
                author = _author_from_byline(line.text)
            if date is None and i <= first_kept + 3 and DATE_RE.search(line.text) and line.n <= 12:
                date = DATE_RE.search(line.text).group(0)  # type: ignore[union-attr]
            pending.append((i, kind, reason))
        removed = _group(lines, pending)
        title = lines[title_index].text if title_index is not None else title_hint
        return CleanResult(title=title, blocks=tuple(blocks), removed=tuple(removed), author=author, date=date)

    @staticmethod
    def _add_related_regions(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
        """Keep further runs of prose outside the main one when they are long and on topic."""
        main_vocab = _story_vocabulary(lines, keep)
        for lo, hi in ((0, start), (end, len(lines))):
            weights = [ln.weight for ln in lines[lo:hi]]
            while weights:
                s, e, total = best_segment(weights)
                if total < EXTRA_REGION_MIN_WORDS:
                    break
                vocab = set().union(*(ln.content for ln in lines[lo + s : lo + e]))
                overlap = len(vocab & main_vocab) / max(len(vocab), 1)
                if overlap >= EXTRA_REGION_MIN_OVERLAP:
                    for i in range(lo + s, lo + e):
                        keep[i] = True
                for i in range(s, e):
                    weights[i] = -NOISE_LINE_PENALTY  # search the rest
                if all(w < 0 for w in weights):
                    break


def _story_vocabulary(lines: list[Line], keep: list[bool]) -> set[str]:
    vocab: set[str] = set()
    for line, kept in zip(lines, keep, strict=True):
        if kept and is_prose(line):
            vocab |= line.content
    return vocab


def _overlap(line: Line, story_words: set[str]) -> float:
    """Share of a line's content words that occur in the story (its own words excluded only
    in effect: a short line adds little to a vocabulary built from prose lines)."""
    words = line.content
    if not words:
        return 0.0
    return len(words & story_words) / len(words)


def _judge_inside(line: Line, story_words: set[str]) -> tuple[str, str] | None:
    """Inside the story region: keep prose and on-topic lines, drop furniture."""
    if is_residue(line):
        return "residue", "punctuation left over from share buttons or tag lists"
    if is_poll(line):
        return "poll", "stand-alone yes/no question addressed to the reader (reader-poll shape)"
    if is_prose(line) and not line.phrase_kind:
        return None
    if line.phrase_kind == "advertisement" or (line.phrase_kind and line.n <= 4):
        return line.phrase_kind, f"short line with a {line.phrase_kind.replace('_', ' ')} phrase"
    if is_call_to_action(line):
        return "call_to_action", "short imperative line addressed to the reader"
    if line.phrase_kind:
        return line.phrase_kind, f"{line.phrase_kind.replace('_', ' ')} phrase in a short line"
    overlap = _overlap(line, story_words)
    if is_headline_shaped(line) and overlap <= TEASER_MAX_OVERLAP:
        return "teaser", f"headline-shaped line off the story's topic ({overlap:.0%} of its words occur in the story)"
    if BYLINE_RE.match(line.text) and line.n <= 12:
        return "byline", "author line"
    if line.n <= 12 and not line.terminal and (DATE_RE.search(line.text) or TIME_RE.fullmatch(line.text)):
        return "dateline", "date or time line"
    if line.bullet and not line.terminal:
        return "navigation", "list item without a sentence"
    if CREDIT_RE.match(line.text) and not line.terminal and line.n <= 16:
        return "caption", "photo credit or caption"
    return None


def _judge_outside(line: Line, *, before: bool, after: bool) -> tuple[str, str]:
    if is_residue(line):
        return "residue", "punctuation left over from share buttons or tag lists"
    if line.phrase_kind:
        return line.phrase_kind, f"{line.phrase_kind.replace('_', ' ')} phrase outside the story"
    if is_call_to_action(line):
        return "call_to_action", "short imperative line addressed to the reader"
    if is_poll(line):
        return "poll", "stand-alone yes/no question addressed to the reader (reader-poll shape)"
    if BYLINE_RE.match(line.text) and line.n <= 12:
        return "byline", "author line"
    if line.n <= 12 and (DATE_RE.search(line.text) or TIME_RE.fullmatch(line.text)):
        return "dateline", "date or time line"
    if before:
        return "header", "page header or navigation before the story"
    if after:
        return "footer", "page footer or link list after the story"
    return "boilerplate", "outside the story's prose"


def _group(lines: list[Line], pending: list[tuple[int, str, str]]) -> list[Removal]:
    """One removal per line, except that neighbouring header/footer lines are merged."""
    out: list[Removal] = []
    last_index = -2
    for i, kind, reason in pending:
        if out and kind in ("header", "footer", "navigation") and out[-1].kind == kind and i == last_index + 1:
            prev = out[-1]
            out[-1] = Removal(text=prev.text + "\n" + lines[i].text, kind=kind, reason=reason)
        else:
            out.append(Removal(text=lines[i].text, kind=kind, reason=reason))
        last_index = i
    return out


def _find_title(lines: list[Line], story_start: int, story_words: set[str], hint: str | None) -> int | None:
    """The title: a headline-like line before the story, close to it and on its topic."""
    best, best_score = None, 0.0
    lo = max(0, story_start - TITLE_SEARCH_LINES)
    hint_words = content_words(WORD_RE.findall(hint)) if hint else set()
    for i in range(lo, min(story_start + 1, len(lines))):
        line = lines[i]
        if line.n < 3 or line.n > 30 or line.bullet or line.phrase_kind or is_residue(line):
            continue
        if line.text.endswith(".") and line.sentences > 1:
            continue
        words = line.content
        if not words:
            continue
        topical = len(words & story_words) / len(words)
        score = topical + 0.5 * line.cap_share + (0.3 if not line.text.endswith(".") else 0.0)
        score += 0.3 * (1 - (story_start - i) / (TITLE_SEARCH_LINES + 1))
        if i == 0:
            score += 0.2
        if hint_words:
            score += 2 * len(words & hint_words) / len(words | hint_words)
        if i == story_start and is_prose(line):
            continue
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 0.9 else None


def _repeated_title(lines: list[Line], hint: str | None) -> int | None:
    """The known title repeated at the top of an extracted text."""
    if not hint:
        return None
    hint_words = content_words(WORD_RE.findall(hint))
    for i, line in enumerate(lines[:3]):
        words = line.content
        if words and hint_words and len(words & hint_words) / len(words | hint_words) >= 0.8:
            return i
    return None


def _author_from_byline(text: str) -> str | None:
    name = BYLINE_RE.sub(lambda m: m.group(0)[-1], text, count=1).strip()
    name = re.split(r"\s*(?:[|,•·]|\s-\s|\bstaff\b|\bupdated\b|\bpublished\b)", name, maxsplit=1, flags=re.I)[0]
    return name.strip() or None

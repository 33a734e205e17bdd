"""noise.v2 on flattened pages: written for shapes, not for one article's wording."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsaudit
from newsaudit.analyzers import cleaner
from newsaudit.options import Options

STORY = [
    "The city council voted on Tuesday to expand the bus network into three northern districts, "
    "after a year of hearings in which residents described waits of more than an hour.",
    "Transit officials said the expansion would cost about $40 million over five years and would be "
    "paid for by a mix of state grants and a small increase in parking fees downtown.",
    "“We heard people loud and clear,” said council member Ana Ruiz, who sponsored the measure. "
    "“Nobody should spend two hours a day waiting for a bus.”",
    "Opponents argued that the parking fee increase would hurt small businesses, and two members voted "
    "against the plan, saying the council should wait for a ridership study due next spring.",
    "The first new routes are expected to start running in March, the transit agency said, with buses "
    "every fifteen minutes during peak hours on the busiest corridors.",
]
TITLE = "Council Approves Bus Network Expansion to Northern Districts"
TEASER_1 = "Famous Chef Opens Floating Restaurant on Mountain Lake After Viral Video"
TEASER_2 = "Pop Star Stuns Fans With Surprise Retirement Announcement: 'It Is Time'"
POLL = "Would you ride the bus more often if it came every ten minutes?"


def flattened_page() -> str:
    lines = [
        TITLE,
        "",
        STORY[0],
        "",
        STORY[1],
        "",
        TEASER_1,
        "",
        STORY[2],
        "",
        POLL,
        "",
        STORY[3],
        "",
        TEASER_2,
        "",
        STORY[4],
        "",
        "Our Standards",
        "",
        "Report an Error »",
        "",
        "We are dedicated to fair and accurate reporting. See our corrections policy.",
        "",
        "| | | |",
    ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def cleaned():  # type: ignore[no-untyped-def]
    return cleaner().clean(flattened_page(), options=Options())


def test_title_is_found(cleaned) -> None:  # type: ignore[no-untyped-def]
    assert cleaned.title == TITLE


def test_every_story_paragraph_is_kept_in_order(cleaned) -> None:  # type: ignore[no-untyped-def]
    assert list(cleaned.blocks) == STORY


def test_noise_is_removed_with_kind_and_reason(cleaned) -> None:  # type: ignore[no-untyped-def]
    by_text = {r.text: r for r in cleaned.removed}
    assert by_text[TEASER_1].kind == "teaser"
    assert by_text[TEASER_2].kind == "teaser"
    assert by_text[POLL].kind == "poll"
    assert by_text["Report an Error »"].kind == "call_to_action"
    assert by_text["| | | |"].kind == "residue"
    assert by_text["We are dedicated to fair and accurate reporting. See our corrections policy."].kind == "footer"
    assert "Our Standards" in by_text
    assert all(r.reason for r in cleaned.removed)


def test_a_clean_story_loses_nothing() -> None:
    result = cleaner().clean("\n\n".join(STORY), options=Options())
    assert list(result.blocks) == STORY
    assert result.removed == ()


def test_newsletter_sign_up_messages_inside_an_extracted_story_are_removed() -> None:
    furniture = [
        "Thanks for signing up!",
        "Keep an eye on your inbox for the latest news.",
        "There was an error processing your subscription.",
    ]
    result = cleaner().clean("\n\n".join([*STORY, *furniture]), options=Options(), whole_text_is_story=True)
    assert list(result.blocks) == STORY
    assert [(r.kind, r.text) for r in result.removed] == [("call_to_action", line) for line in furniture]


def test_on_topic_subheading_is_kept() -> None:
    text = "\n".join([STORY[0], STORY[1], "Bus Network Expansion Cost and Funding", STORY[3], STORY[4]])
    result = cleaner().clean(text, options=Options())
    assert "Bus Network Expansion Cost and Funding" in result.blocks


def test_rhetorical_question_inside_a_paragraph_is_kept() -> None:
    para = "Will it work? Nobody knows yet, but the agency said early numbers from a pilot route looked good."
    result = cleaner().clean("\n".join([STORY[0], para, STORY[1]]), options=Options())
    assert para in result.blocks


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    import textwrap

    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in STORY)
    result = cleaner().clean(wrapped, options=Options())
    assert list(result.blocks) == STORY


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


def test_example_article_acceptance() -> None:
    """Stage A item 2, checked by structure: the title, every story paragraph, the noise kinds."""
    raw = EXAMPLE.read_text(encoding="utf-8")
    report = newsaudit.audit(EXAMPLE)
    first_line = next(line for line in raw.splitlines() if line.strip())
    assert report.document.title == first_line.strip()
    kinds = sorted(r.kind for r in report.removed)
    assert kinds.count("teaser") == 2
    assert kinds.count("poll") == 1
    assert "call_to_action" in kinds and "residue" in kinds and "footer" in kinds
    removed_text = {r.text for r in report.removed}
    for raw_line in raw.splitlines():
        line = raw_line.strip()
        if not line or line == report.document.title:
            continue
        # every line is either kept in the article or listed as removed, never lost
        assert (line in report.document.text) != (line in removed_text), line
        if len(line.split()) >= 25:  # every story paragraph is kept
            assert line in report.document.text


def test_html_path_keeps_the_marked_body(pages) -> None:  # type: ignore[no-untyped-def]
    from newsaudit.extract import from_html

    for name, page in pages.items():
        result = from_html(page["html"], url=page["url"], options=Options())
        text = "\n".join(result.blocks)
        body_paras = [p for p in page["articleBody"].split("\n") if len(p.split()) >= 12]
        kept = sum(1 for p in body_paras if p[:60] in text)
        assert kept >= 0.9 * len(body_paras), name
        assert result.title and result.outlet.domain

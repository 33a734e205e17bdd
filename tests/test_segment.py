from __future__ import annotations

from newsaudit.segment import paragraphs, sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_abbreviations_do_not_split() -> None:
    text = "Gen. Mark Milley met Sen. Jane Doe on Jan. 5 in Washington. They spoke for an hour."
    assert texts(text) == ["Gen. Mark Milley met Sen. Jane Doe on Jan. 5 in Washington.", "They spoke for an hour."]


def test_initialism_at_sentence_end_splits_before_an_opener() -> None:
    text = "Troops left the U.S. base last year. The U.S. Army said so. It moved to the U.S. In May it left."
    assert texts(text) == [
        "Troops left the U.S. base last year.",
        "The U.S. Army said so.",
        "It moved to the U.S.",
        "In May it left.",
    ]


def test_initials_in_names() -> None:
    assert len(texts("John F. Kennedy spoke. Then he left.")) == 2


def test_quotes_and_curly_punctuation() -> None:
    text = "“We are ready,” she said. “Are you?” He paused. ‘Yes.’ It ended."
    assert texts(text) == ["“We are ready,” she said.", "“Are you?”", "He paused.", "‘Yes.’", "It ended."]


def test_quote_closing_mid_sentence_does_not_split() -> None:
    text = "“It is over.” said the coach, after the game. Fans left."
    # a lowercase continuation after the closing quote keeps the sentence together
    assert texts(text)[0] == "“It is over.” said the coach, after the game."


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question or exclamation closing a quote, then its speaker tag: one sentence
        (
            "“How many times?” Clinton said. “In Tulsa, a man died.”",
            ["“How many times?” Clinton said.", "“In Tulsa, a man died.”"],
        ),
        (
            "“Why now?” Sen. Jane Doe asked the crowd on Monday. Nobody answered.",
            ["“Why now?” Sen. Jane Doe asked the crowd on Monday.", "Nobody answered."],
        ),
        (
            '"Stop!" The officer shouted, and ran. It was late.',
            ['"Stop!" The officer shouted, and ran.', "It was late."],
        ),
        ("“We will win.” Clinton said.", ["“We will win.” Clinton said."]),
        # a new sentence that happens to contain a speech verb stays apart
        (
            "He called it “a disaster.” Trump told reporters he would leave.",
            ["He called it “a disaster.”", "Trump told reporters he would leave."],
        ),
        (
            "Is it “fake news?” Some people said yes, others said no and many said nothing at all today.",
            ["Is it “fake news?”", "Some people said yes, others said no and many said nothing at all today."],
        ),
        ("She sang “Hey Jude!” The crowd roared.", ["She sang “Hey Jude!”", "The crowd roared."]),
        ("“Ready?” Said is a name here. Yes.", ["“Ready?”", "Said is a name here.", "Yes."]),
    ],
)
def test_speaker_tag_after_a_closing_quote(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_text_and_paragraphs_are_kept() -> None:
    text = "First paragraph here. Second sentence.\n\nAnother one? Yes! Done…"
    paras = paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == [
        "First paragraph here. Second sentence.",
        "Another one? Yes! Done…",
    ]
    sents = sentences(text, paras)
    assert [s.paragraph for s in sents] == [0, 0, 1, 1, 1]
    for s in sents:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_empty_text_has_no_sentences() -> None:
    assert sentences("") == ()
    assert sentences("\n\n   \n") == ()

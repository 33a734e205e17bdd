"""headline.v4 and sources.v1: clickbait, headline support with evidence, domains and ratings."""

from __future__ import annotations

import newsaudit
from newsaudit import segment, stance, textmodel
from newsaudit.analyzers import AnalyzerOutput
from newsaudit.analyzers.headline import SUPPORT, HeadlineAnalyzer
from newsaudit.analyzers.sources import SourcesAnalyzer, rate_outlet, ratings_for, resolve_name
from newsaudit.model import Document, Outlet, Source
from newsaudit.options import Options

BODY = (
    "The city council voted on Monday to close the Riverside bridge for repairs after engineers found cracks "
    "in two of its supports.\n\n"
    "The bridge will stay closed for at least six months, the council said. Drivers will be sent through the "
    "tunnel on Fifth Street.\n\n"
    "Engineers said the cracks were found during a routine inspection last week."
)


def doc(text: str, title: str | None, outlet: Outlet | None = None) -> Document:
    paragraphs = segment.paragraphs(text)
    return Document(
        text=text,
        title=title,
        paragraphs=paragraphs,
        sentences=segment.sentences(text, paragraphs),
        outlet=outlet or Outlet(),
    )


def headline_of(title: str | None, body: str = BODY) -> dict[str, object]:
    output = HeadlineAnalyzer().analyze(doc(body, title), upstream={}, options=Options())
    return dict(output.headline)


def test_clickbait_head_separates_styles() -> None:
    model = textmodel.load("clickbait")
    bait = model.probability("You Won't Believe What This Dog Did Next")
    plain = model.probability("Council votes to close bridge for repairs after cracks found")
    assert bait > 0.5 > plain


def test_misleading_clickbait_needs_loaded_wording_and_a_body_that_does_not_back_it() -> None:
    from newsaudit.analyzers.framing import sentence_scores

    loaded_off = "Disgraceful Radical Mayor Destroys City With Insane Tax Scheme"  # not what BODY covers
    loaded_on = "Disgraceful Council Shuts Riverside Bridge Over Cracks, Dooming Drivers"
    plain_off = "Pop star announces world tour and new perfume line"
    results = {title: headline_of(title) for title in (loaded_off, loaded_on, plain_off)}
    sentences = [BODY[s.start : s.end] for s in doc(BODY, None).sentences]
    for title, result in results.items():
        parts = result["clickbait_parts"]
        assert isinstance(parts, dict) and result["clickbait"] == max(parts["style"], parts["misleading"])
        loaded = sentence_scores([title])[0]["biased"]
        unrelated = 1 - stance.related_probability(title, sentences)
        assert parts["misleading"] == (round(unrelated * loaded, 4) if loaded >= 0.8 else 0.0)
    bait = results[loaded_off]
    assert bait["clickbait_parts"]["misleading"] > 0.5 > bait["clickbait_parts"]["style"]  # type: ignore[index]
    assert "does not back" in str(bait["clickbait_reason"])
    for title in (loaded_on, plain_off):  # loaded but backed by the body; unrelated but plain
        assert results[title]["clickbait_parts"]["misleading"] < 0.5, title  # type: ignore[index]


def test_headline_the_body_is_about_is_related_and_evidence_points_into_the_text() -> None:
    result = headline_of("Council closes Riverside bridge for repairs after cracks found")
    assert result["support"] in SUPPORT.values() and result["support"] != "unsupported"
    evidence = result["evidence"]
    assert isinstance(evidence, list) and evidence
    for item in evidence:
        assert BODY[item["start"] : item["end"]] == item["text"]
        assert 0 < item["overlap"] <= 1


def test_headline_about_something_else_is_unsupported() -> None:
    result = headline_of("Pop star announces world tour and new perfume line")
    assert result["support"] == "unsupported"
    assert result["stance"] == "unrelated"


def test_no_title_gives_no_headline_signals() -> None:
    result = headline_of(None)
    assert result["text"] is None and "support" not in result


def test_relatedness_rises_with_shared_words() -> None:
    sentences = [BODY[s.start : s.end] for s in doc(BODY, None).sentences]
    near = stance.related_probability("Riverside bridge closed after cracks found by engineers", sentences)
    far = stance.related_probability("Stock markets rally as oil prices fall", sentences)
    assert near > stance.related_threshold() > far


def test_shared_rare_words_count_for_more_than_shared_common_words() -> None:
    body = [
        "Engineers closed the Kestrel Dam spillway on Monday after finding cracks in the concrete.",
        "Officials said the reservoir level would be lowered over the coming weeks.",
    ]
    rare = "Kestrel spillway flaw alarms farmers"  # shares two rare words with the body
    common = "Officials on Monday warn worried farmers"  # shares two common ones
    names = stance.FEATURES
    rare_features = dict(zip(names, stance.relatedness_features(rare, body), strict=True))
    common_features = dict(zip(names, stance.relatedness_features(common, body), strict=True))
    assert rare_features["any"] == common_features["any"] == 2 / 5
    assert rare_features["idf_any"] > common_features["idf_any"]
    assert stance.related_probability(rare, body) > stance.related_probability(common, body)
    rarity = stance.shipped_rarity()
    assert rarity("kestrel") > max(rarity("official"), rarity("monday"))


def test_curated_names_acronyms_and_mastheads_resolve() -> None:
    assert resolve_name("The Wall Street Journal")[0] == "wsj.com"
    assert resolve_name("WSJ")[0] == "wsj.com"
    assert resolve_name("WHO")[0] == "who.int"
    assert resolve_name("who")[0] is None  # short names match only as written
    assert resolve_name("Polygraph.info")[0] == "polygraph.info"
    assert resolve_name("Colin Kahl")[0] is None


def test_every_rating_names_its_source_scale_and_license() -> None:
    ratings = ratings_for("cnn.com")
    assert ratings
    for r in ratings:
        assert r.source and r.scale and r.license and r.label
    assert {r.source.split(",")[0].split(":")[0] for r in ratings} >= {"Lin et al. 2023"}


def test_subdomains_inherit_but_platform_pages_do_not() -> None:
    assert ratings_for("newsletters.cnn.com") == ratings_for("cnn.com") != ()
    assert ratings_for("someone.blogspot.com") == ()
    assert ratings_for("no-such-outlet-xyz.example") == ()


def test_sources_are_rated_only_where_a_domain_is_known() -> None:
    cited = (
        Source("Reuters", "outlet", None, (), (), 2),
        Source("Jane Doe", "person", "spokeswoman", (), (), 1),
        Source("Obscure Local Club", "organization", None, (), (), 1),
    )
    upstream = {"attribution": AnalyzerOutput(sources=cited)}
    out = SourcesAnalyzer().analyze(doc(BODY, None), upstream=upstream, options=Options())
    by_name = {s.name: s for s in out.sources}
    assert by_name["Reuters"].domain == "reuters.com" and by_name["Reuters"].reliability
    assert by_name["Jane Doe"].reliability == () and "no rating" in (by_name["Jane Doe"].resolution or "")
    assert by_name["Obscure Local Club"].reliability == () and by_name["Obscure Local Club"].domain is None


def test_article_outlet_gets_ratings_from_its_url_domain() -> None:
    rated = rate_outlet(Outlet(name="BBC News", domain="www.bbc.co.uk"))
    assert rated.reliability and "URL" in (rated.resolution or "")
    unknown = rate_outlet(Outlet())
    assert unknown.reliability == () and "no rating" in (unknown.resolution or "")


def test_report_sources_carry_domain_and_reliability() -> None:
    report = newsaudit.audit(
        "Bridge closed\n\n" + BODY + "\n\nReuters reported that the repairs would cost $4 million.",
        url="https://www.reuters.com/story",
    )
    data = report.to_dict()
    sources = {s["name"]: s for s in data["sources"]}  # type: ignore[union-attr]
    assert sources["Reuters"]["domain"] == "reuters.com" and sources["Reuters"]["reliability"]
    outlet = data["article"]["outlet"]  # type: ignore[index]
    assert outlet["domain"] in ("www.reuters.com", "reuters.com") and outlet["reliability"]


def test_hyperpartisan_signal_scores_the_article_and_points_to_its_sentences() -> None:
    from newsaudit.analyzers.partisan import HyperpartisanAnalyzer

    rant = (
        "The radical leftist mob and their corrupt media allies are destroying our country. "
        "These lying traitors hate America and everything patriots stand for. "
        "Wake up, people: the globalist elites want to take your guns and your freedom."
    )
    plain = BODY
    analyzer = HyperpartisanAnalyzer()
    hot = analyzer.analyze(doc(rant, "They hate you"), upstream={}, options=Options())
    cold = analyzer.analyze(doc(plain, "Bridge closed for repairs"), upstream={}, options=Options())
    hot_signal, cold_signal = hot.signals["hyperpartisan"], cold.signals["hyperpartisan"]
    assert isinstance(hot_signal, dict) and isinstance(cold_signal, dict)
    assert hot_signal["score"] > cold_signal["score"]
    for finding in hot.findings:
        assert 0 <= finding.start < finding.end <= len(rant)
    if hot_signal["score"] >= 0.5:
        assert hot.findings and [e["start"] for e in hot_signal["evidence"]] == [f.start for f in hot.findings]


def test_hyperpartisan_full_profile_reads_the_sentence_scores_and_fast_keeps_the_linear_head() -> None:
    from newsaudit.analyzers.partisan import _stack, article_features

    rant = (
        "They Hate You\n\n"
        "The radical leftist mob and their corrupt media allies are destroying our country! "
        "These lying traitors hate America and everything patriots stand for. "
        "Wake up, people: the globalist elites want to take your guns and your freedom."
    )
    plain = "Council closes Riverside bridge\n\n" + BODY
    signals = {}
    for profile in ("full", "fast"):
        for name, text in (("rant", rant), ("plain", plain)):
            report = newsaudit.audit(text, options=Options(profile=profile)).to_dict()
            signals[profile, name] = report["signals"]["hyperpartisan"]  # type: ignore[index]
    for profile in ("full", "fast"):
        assert signals[profile, "rant"]["score"] > signals[profile, "plain"]["score"]
    assert "sentence scores" in signals["full", "rant"]["model"]
    assert "linear head (fast profile" in signals["fast", "rant"]["model"]
    assert signals["full", "rant"]["score"] != signals["fast", "rant"]["score"]
    stack = _stack()
    assert stack is not None
    scores = [{"biased": 0.9, "subjective": 0.2, "speculative": 0.0, "checkworthy": 0.5}]
    features = article_features("One sentence!", scores, {"biased": 0.1, "subjective": 0.3})
    assert len(stack["features"]) == len(features) + 1 == len(stack["coef"])  # type: ignore[arg-type]


def test_clickbait_style_does_not_hinge_on_capitals() -> None:
    """A publisher's house style (Title Case or sentence case) is not bait: the same words score
    alike either way, and a curiosity-gap hook scores higher than a plain report in both."""
    from newsaudit import textmodel

    model = textmodel.load("clickbait")
    plain = "Council approves budget for new water treatment plant in river district"
    bait = "You won't believe what this town did with its old water plant"
    for text in (plain, bait):
        title = " ".join(w[:1].upper() + w[1:] for w in text.split())
        assert abs(model.probability(title) - model.probability(text)) < 0.3
    for case in (str, lambda t: " ".join(w[:1].upper() + w[1:] for w in t.split())):
        assert model.probability(case(bait)) > 0.5 > model.probability(case(plain))


def test_misleading_needs_a_title_read_as_biased(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A title the bias head scores under framing's bar (0.8) is not "loaded wording", however
    unrelated the body: short fragments ("About bugs") score 0.6-0.7 on a head trained on sentences."""
    from newsaudit.analyzers import headline

    title = "Pop star announces world tour and new perfume line"  # unrelated to BODY
    for bias, expected_zero in ((0.75, True), (0.85, False)):
        monkeypatch.setattr(headline, "sentence_scores", lambda texts, fast=False, b=bias: [{"biased": b}] * len(texts))
        parts = headline_of(title)["clickbait_parts"]
        assert isinstance(parts, dict) and (parts["misleading"] == 0.0) is expected_zero

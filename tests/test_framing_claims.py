"""framing.v6, claims.v5, the shipped sentence heads and score_sentences."""

from __future__ import annotations

import math

import numpy as np
import pytest

import newsaudit
from newsaudit import segment, staticvec, textmodel
from newsaudit.analyzers import AnalyzerOutput
from newsaudit.analyzers.claims import ClaimsAnalyzer
from newsaudit.analyzers.framing import FramingAnalyzer, speculative_score
from newsaudit.model import Document
from newsaudit.options import Options


def doc(text: str) -> Document:
    paragraphs = segment.paragraphs(text)
    return Document(text=text, title=None, paragraphs=paragraphs, sentences=segment.sentences(text, paragraphs))


def test_char_ngrams_follow_scikit_learn_char_wb() -> None:
    # checked against TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()("Ab"):
    # a word shorter than n stops the loop after one n-gram the length of the padded word
    assert textmodel.char_ngrams("Ab") == [" a", "ab", "b ", " ab", "ab ", " ab "]
    assert textmodel.word_ngrams("The cat, the CAT.") == ["the", "cat", "the", "cat", "the cat", "cat the", "the cat"]


def _reference_decision(model: textmodel.LinearTextModel, text: str) -> float:
    """The decision value as the model card defines it, one text at a time with no caching."""
    from collections import Counter

    def block(grams: list[str], vocab: dict[str, int], idf: np.ndarray, coef: np.ndarray) -> float:
        counts = Counter(vocab[g] for g in grams if g in vocab and idf[vocab[g]] > 0)  # the head's own n-grams
        values = {i: (1 + math.log(c)) * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return sum(coef[i] * v / norm for i, v in values.items())

    word_idf, char_idf, word_coef, char_coef, intercept = model.weights
    words = textmodel.word_ngrams(text, model.lowercase)
    chars = textmodel.char_ngrams(text, model.lowercase)
    z = (
        intercept
        + block(words, model.word_vocab, word_idf, word_coef)
        + block(chars, model.char_vocab, char_idf, char_coef)
    )
    if model.stack is None:
        return float(z)
    return float(model.stack[0] * z + model.stack[1] + _reference_vector(text) @ model.stack[2:])


def _reference_vector(text: str) -> np.ndarray:
    """The static vector as its model card defines it: the mean of the text's token vectors (unknown
    tokens dropped), L2-normalised; zeros for a text without tokens."""
    encoder = staticvec.load()
    tokens = encoder.tokenizer.encode(text, add_special_tokens=False).ids[: staticvec.MAX_TOKENS]
    ids = [i for i in tokens if i != encoder.unknown]
    if not ids:
        return np.zeros(encoder.dims)
    mean = np.mean([encoder.embeddings[i].astype(np.float64) for i in ids], axis=0)
    return np.asarray(mean / np.linalg.norm(mean))


def test_the_fast_sentence_heads_are_stacked_on_static_vectors() -> None:
    # the three sentence heads read the static vector (the headline's clickbait head does not), and a
    # text's vector does not depend on its batch
    assert all(textmodel.load(name).stack is not None for name in textmodel.SENTENCE_HEADS)
    assert textmodel.load("clickbait").stack is None
    texts = ["Officials said the plan was approved.", "", "¿Qué? 東京", "Officials said the plan was approved."]
    batch = staticvec.load().encode(texts)
    assert batch.shape == (4, staticvec.load().dims) and not batch[1].any()
    for text, got in zip(texts, batch, strict=True):
        assert np.allclose(got, _reference_vector(text), atol=1e-5)


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met\tin Brussels;\nthe talks (which ran late) ended at 3 a.m.",
        "a\x1cb\x85c\x0bd and e\u2028f\u3000g\xa0h",  # controls BERT deletes, separators it keeps
        "naïve café in 東京都, “quoted”, U.S.-led — 100%",
        "x" * 150 + " short words after an over-long one",  # a word BERT gives as [UNK]
        "alpha " * 600 + "omega " * 300,  # more than MAX_TOKENS tokens: only the first count
        "\u200bzero\u00adwidth and soft\u00adhyphen",
    ],
)
def test_static_vectors_tokenised_by_word_equal_the_whole_text_tokenised(text: str) -> None:
    # the encoder tokenises each whitespace-separated word once and keeps it: the vector must be the
    # one the tokenizer gives the whole text, with the words cached or not
    encoder = staticvec.load()
    cold = encoder.encode([text, "unrelated"])[0].copy()
    warm = encoder.encode([text])[0]
    assert np.allclose(cold, _reference_vector(text), atol=1e-5)
    assert np.allclose(warm, _reference_vector(text), atol=1e-5)


def test_vectorised_scoring_equals_the_one_text_definition() -> None:
    texts = [
        "The council approved the budget on Monday.",
        "",
        "A  word\nacross   lines, “quoted” — and an É accent; a a a a.",
        "The radical mob's disgraceful, hysterical crusade is a dangerous hoax!",
        "x",
        "The council approved the budget on Monday.",  # a repeat: served from the word cache
    ]
    for name in ("biased", "clickbait"):  # one lowercased head, one case-sensitive head
        model = textmodel.load(name)
        batch = model.decisions(texts)
        for text, got in zip(texts, batch, strict=True):
            # the static vector is float32, so a stacked head agrees to float32 precision
            assert abs(got - _reference_decision(model, text)) < (1e-9 if model.stack is None else 1e-5)
        assert abs(model.decision(texts[3]) - batch[3]) < 1e-12  # a text's score does not depend on its batch


def test_the_shared_sentence_group_scores_like_each_head_alone() -> None:
    texts = ["The council approved the budget on Monday.", "This disgraceful hoax may well fail, experts say.", ""]
    shared = textmodel.load_group(textmodel.SENTENCE_HEADS)
    assert len(shared.heads) == 3
    for index, name in enumerate(textmodel.SENTENCE_HEADS):
        alone = textmodel.load_group((name,)).decisions_all(texts)[0]
        assert np.allclose(shared.decisions_all(texts)[index], alone, rtol=0, atol=1e-9)
        alone_stacked = textmodel.LinearTextModel(textmodel.load_group((name,)), 0).decisions(texts)
        assert np.allclose(textmodel.load(name).decisions(texts), alone_stacked, rtol=0, atol=1e-9)


def test_shipped_heads_load_and_score_in_range() -> None:
    for name in ("biased", "subjective", "checkworthy"):
        model = textmodel.load(name)
        p = model.probability("The council approved the budget on Monday.")
        assert 0.0 < p < 1.0 and not math.isnan(p)
        assert model.probability("") == model.probability("   ")


def test_heads_rank_sentences_sensibly() -> None:
    neutral = "The council approved the budget on Monday by a vote of 7 to 2."
    loaded = "The radical mob's disgraceful, hysterical crusade is a dangerous hoax."
    biased = textmodel.load("biased")
    assert biased.probability(loaded) > biased.probability(neutral)
    checkworthy = textmodel.load("checkworthy")
    claim, chat = "Unemployment fell to 3.5 percent last year, the lowest in 50 years.", "Thank you all for coming."
    assert checkworthy.probability(claim) > checkworthy.probability(chat)
    from newsaudit.analyzers.claims import checkworthy_scores

    high, low = checkworthy_scores([claim, chat])
    assert high > 0.5 > low


def test_speculation_cues_are_found_and_months_are_not() -> None:
    score, cues = speculative_score("The plan may fail, and it seems the board will eventually resign.")
    assert {c[2] for c in cues} == {"modal", "evidential", "prediction"}
    assert score >= 0.7
    assert speculative_score("The law took effect in May.") == (0.0, [])


def test_framing_findings_carry_spans_and_skip_quotes() -> None:
    from newsaudit.analyzers.attribution import attribute

    text = (
        "The chaotic rollout seems to be failing. “It is a dangerous hoax,” said one critic. "
        "Officials said the plan may be delayed."
    )
    d = doc(text)
    out = FramingAnalyzer().analyze(d, upstream={"attribution": attribute(d)}, options=Options())
    spans = {(f.label, text[f.start : f.end]) for f in out.findings}
    assert ("loaded_language", "chaotic") in spans
    assert ("speculative", "seems") in spans
    assert ("loaded_language", "dangerous") not in spans  # inside the quote: the critic's words
    assert ("speculative", "may") not in spans  # the officials' hedge, not the author's
    assert all(f.reason and 0.0 <= f.score <= 1.0 for f in out.findings)
    assert set(out.sentence_labels[0]) == {"biased", "subjective", "speculative"}


def test_sentence_findings_follow_each_labels_threshold_and_every_sentence_keeps_its_scores() -> None:
    from newsaudit.analyzers.framing import FINDING_THRESHOLDS

    text = (
        "The radical mob's disgraceful, hysterical crusade is a dangerous hoax. "
        "The council approved the budget on Monday by a vote of 7 to 2. "
        "Critics say the plan is reckless. I think this is the worst decision the council has ever made. "
        "The meeting lasted two hours."
    )
    d = doc(text)
    for profile in ("full", "fast"):
        out = FramingAnalyzer().analyze(d, upstream={}, options=Options(profile=profile))
        assert len(out.sentence_labels) == len(d.sentences)
        for label, threshold in FINDING_THRESHOLDS.items():
            found = {(f.start, f.end) for f in out.findings if f.label == label}
            passing = {
                (s.start, s.end) for i, s in enumerate(d.sentences) if out.sentence_labels[i][label] >= threshold
            }
            assert found == passing
        assert any(f.label == "biased" for f in out.findings)  # the loaded first sentence passes in both
    assert FINDING_THRESHOLDS["biased"] > 0.5  # BABE's heads flag half of everyday news at 0.5


def test_claims_rank_every_sentence_and_name_what_they_rest_on() -> None:
    from newsaudit.analyzers.attribution import attribute

    text = (
        "Thanks for reading. Officials said unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years. "
        "The economy grew by 2.3 percent last year."
    )
    d = doc(text)
    upstream = {"attribution": attribute(d)}
    out = ClaimsAnalyzer().analyze(d, upstream=upstream, options=Options())
    ranks = sorted(labels["checkworthy_rank"] for labels in out.sentence_labels.values())
    assert ranks == [1, 2, 3]
    assert out.sentence_labels[0]["checkworthy"] < out.sentence_labels[1]["checkworthy"]  # type: ignore[operator]
    reasons = [f.reason for f in out.findings if f.start == d.sentences[1].start]
    assert reasons and "rests on" in reasons[0] and "Officials" in reasons[0]
    empty = ClaimsAnalyzer().analyze(d, upstream={"attribution": AnalyzerOutput()}, options=Options())
    assert all("author" in f.reason for f in empty.findings)


def test_fragments_are_no_claims_in_either_profile() -> None:
    from newsaudit.analyzers.claims import checkworthy_scores, is_fragment

    fragments = ["(288)", "S : 40,000₩", "02-751-1500", "- %155 голосов", "2015; 28: 685-690.", "12 issues for £11.99."]
    statements = ["Instead, they lost 24-17.", "It’s an invasion.", "Unemployment fell to 3.5 percent in 2019."]
    assert all(is_fragment(f) for f in fragments) and not any(is_fragment(s) for s in statements)
    for fast in (False, True):
        scores = checkworthy_scores(fragments + statements, fast=fast)
        assert scores[: len(fragments)] == [0.0] * len(fragments)
        assert all(score > 0 for score in scores[len(fragments) :])
    d = doc("(288)\n\nUnemployment fell to 3.5 percent in 2019.\n\n(179)")
    assert len(d.sentences) == 3
    out = ClaimsAnalyzer().analyze(d, upstream={"attribution": AnalyzerOutput()}, options=Options())
    assert [(f.start, f.end) for f in out.findings] == [(d.sentences[1].start, d.sentences[1].end)]


def test_score_sentences_matches_the_report() -> None:
    sentences = ["It seems the plan may fail.", "The budget passed on Monday."]
    scores = newsaudit.score_sentences(sentences)
    assert [set(s) for s in scores] == [{"biased", "subjective", "speculative", "checkworthy"}] * 2
    report = newsaudit.audit(" ".join(sentences) + " " + "The vote was 7 to 2 in the end. " * 3)
    first = report.to_dict()["sentences"][0]  # type: ignore[index]
    fast = Options(profile="fast")
    fast_scores = newsaudit.score_sentences(sentences, options=fast)
    fast_report = newsaudit.audit(" ".join(sentences) + " " + "The vote was 7 to 2 in the end. " * 3, options=fast)
    fast_first = fast_report.to_dict()["sentences"][0]  # type: ignore[index]
    for score in ("biased", "subjective", "speculative", "checkworthy"):
        assert first[score] == scores[0][score]
        assert fast_first[score] == fast_scores[0][score]
    for score in ("biased", "subjective"):  # the fast profile's linear heads
        assert fast_scores[0][score] == round(textmodel.load(score).probability(sentences[0]), 4)
    assert fast_scores[0]["speculative"] == scores[0]["speculative"]  # hedge cues: the same in both profiles


def test_sentence_transformer_reads_every_score_from_one_pass(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from newsaudit import onnxhead

    neutral = "The council approved the budget on Monday by a vote of 7 to 2."
    loaded = "The radical mob's disgraceful, hysterical crusade is a dangerous hoax."
    opinion = "I think this is the worst decision the council has ever made."
    scores = onnxhead.sentence_scores([neutral, loaded, opinion])
    assert scores is not None
    assert scores[1]["biased"] > 0.5 > scores[0]["biased"]
    assert scores[0]["checkworthy"] > 0.5 > scores[2]["checkworthy"]
    assert scores[2]["subjective"] > 0.5 > scores[0]["subjective"]
    head = onnxhead.load(onnxhead.SENTENCE_HEAD)
    dists, pooled, _ = head.run([neutral], heads=len(onnxhead.SENTENCE_SCORES), pooled=True)
    assert dists == head.distributions([neutral], heads=len(onnxhead.SENTENCE_SCORES))
    dist = dists[0]
    assert len(dist) == 2 * len(onnxhead.SENTENCE_SCORES)
    assert all(math.isclose(dist[i] + dist[i + 1], 1.0, rel_tol=1e-6) for i in range(0, len(dist), 2))
    assert [round(p, 4) for p in dist[1::2]] == [scores[0][name] for name in onnxhead.SENTENCE_SCORES]
    # subjectivity: the logistic head on the pooled vector of that same pass
    subjective = onnxhead.subjective_head()
    assert subjective is not None and pooled[0].shape == subjective[0].shape
    logit = float(pooled[0] @ subjective[0] + subjective[1])
    assert round(1 / (1 + np.exp(-logit)), 4) == scores[0]["subjective"]
    encoded: list[int] = []
    run = onnxhead.OnnxHead.run

    def counted(self, inputs, *, heads=1, pooled=False, states=False, threads=1):  # type: ignore[no-untyped-def]
        if heads == len(onnxhead.SENTENCE_SCORES):  # the sentence model, not the stance cross-encoder
            encoded.append(len(inputs))
        return run(self, inputs, heads=heads, pooled=pooled, states=states, threads=threads)

    monkeypatch.setattr(onnxhead.OnnxHead, "run", counted)
    text = " ".join([neutral, loaded, opinion]) + " The vote was 7 to 2 in the end." * 3
    newsaudit.audit(text)
    # framing.v6 (its scores and the propaganda tagger's token states) and claims.v5 share one encoding
    # of the article's six sentences; hyperpartisan.v3 then scores the title alone
    assert encoded == [6, 1]
    newsaudit.audit("A different article entirely. " + text)
    assert encoded == [6, 1, 7, 1]


def test_threads_change_the_wall_clock_not_the_scores_or_their_order() -> None:
    from newsaudit import onnxhead
    from newsaudit.batch import fingerprint

    sentences = [
        "Officials said the new bridge would open in March after two years of delays.",
        "What a disgrace.",
        "The radical mob's hysterical crusade against common sense is a dangerous hoax that will ruin us all.",
        "Prices rose 3.2% in October, the statistics office said.",
        "I think the mayor is wrong.",
    ]
    head = onnxhead.load(onnxhead.SENTENCE_HEAD)
    heads = len(onnxhead.SENTENCE_SCORES)
    alone, alone_pooled, alone_states = head.run(sentences, heads=heads, pooled=True, states=True)
    for threads in (2, 3):
        together, together_pooled, together_states = head.run(
            sentences, heads=heads, pooled=True, states=True, threads=threads
        )
        assert together == alone  # each sentence still runs alone on one thread: the same numbers
        assert all((a == b).all() for a, b in zip(alone_pooled, together_pooled, strict=True))
        assert all((a.vectors == b.vectors).all() for a, b in zip(alone_states, together_states, strict=True))
        backwards, _, _ = head.run(sentences[::-1], heads=heads, threads=threads)
        assert backwards == alone[::-1]  # results come back in input order
    # a batch store keys reports by the options that change them: threads is not one
    assert fingerprint(Options(threads=4)) == fingerprint(Options())
    assert fingerprint(Options(profile="fast")) != fingerprint(Options())


def test_propaganda_spans_stay_inside_lines_and_techniques_are_a_distribution() -> None:
    from newsaudit import propaganda

    model = propaganda.load()
    text = (
        "These corrupt traitors are destroying our great nation!\n\n"
        "Make America great again. Make America great again.\n\n"
        "The committee met on Tuesday to review the budget."
    )
    spans = model.spans(text)
    for start, end, score in spans:
        assert 0 <= start < end <= len(text) and "\n" not in text[start:end]
        assert 0 <= score <= 1
        techniques = model.techniques(text, start, end)
        assert len(techniques) == 14 and abs(sum(p for _, p in techniques) - 1) < 1e-6
        assert techniques == sorted(techniques, key=lambda x: -x[1])
    plain = model.token_probabilities(["The", "committee", "met", "on", "Tuesday"])
    loaded = model.token_probabilities(["These", "corrupt", "traitors", "are", "destroying"])
    assert max(loaded) > max(plain)


def test_propaganda_fast_paths_equal_the_feature_definitions() -> None:
    import numpy as np

    from newsaudit import propaganda

    model = propaganda.load()
    text = "Patriots!\n\nThese corrupt traitors, they say, are destroying our great nation! Shame.\n\nOK"
    tokens = [t for _, _, t in propaganda.tokenize(text)]
    for sample in (tokens, tokens[:1], tokens[:2], []):
        reference = []
        for i in range(len(sample)):
            features = propaganda.token_features(sample, i, model.lexicon)
            z = float(model.token_weights[propaganda.hashed(features, propaganda.TOKEN_DIM)].sum())
            reference.append(1 / (1 + math.exp(-z)))
        assert np.allclose(model.token_probabilities(sample), reference, atol=1e-12)
    spans = [(0, 8), (text.index("corrupt"), text.index(", they")), (text.index("great"), text.index("! Shame") + 1)]
    for (start, end), ranked in zip(spans, model.techniques_many(text, spans), strict=True):
        index = propaganda.hashed(propaganda.span_features(text, start, end), propaganda.SPAN_DIM)
        z = model.span_weights[:, index].sum(axis=1) + model.span_bias
        p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        assert np.allclose([dict(ranked)[label] for label in model.labels], p, atol=1e-12)


def _reference_spans(text: str, tokens: list[tuple[int, int, str]], probs: list[float], threshold: float) -> list:
    """The span rule as first written: one pass over every token."""
    out, run, gap = [], [], 0
    for i, p in enumerate(probs):
        if run and "\n" in text[tokens[i - 1][1] : tokens[i][0]]:
            out.append(run)
            run, gap = [], 0
        if p >= threshold:
            run.append(i)
            gap = 0
        elif run and gap < 1 and i + 1 < len(probs) and probs[i + 1] >= threshold:
            run.append(i)
            gap += 1
        else:
            if run:
                out.append(run)
            run, gap = [], 0
    if run:
        out.append(run)
    return [(tokens[r[0]][0], tokens[r[-1]][1], sum(probs[i] for i in r) / len(r)) for r in out]


def test_propaganda_spans_equal_the_one_pass_rule() -> None:
    import dataclasses

    from newsaudit import propaganda

    model = propaganda.load()
    text = (
        "These corrupt traitors are destroying our great nation! Shame on the radical globalist elites.\n"
        "Brave patriots\nwill never surrender. The committee met on Tuesday; evil, evil, evil\n\nfear them"
    )
    tokens = propaganda.tokenize(text)
    probs = model.token_probabilities([t for _, _, t in tokens])
    for threshold in sorted({0.05, 0.2, 0.35, 0.5, model.token_threshold, *probs[::3]}):
        spans = dataclasses.replace(model, token_threshold=threshold).spans(text)
        expected = _reference_spans(text, tokens, probs, threshold)
        assert [(a, b) for a, b, _ in spans] == [(a, b) for a, b, _ in expected]
        assert all(abs(x[2] - y[2]) < 1e-12 for x, y in zip(spans, expected, strict=True))


def test_propaganda_findings_respect_the_precision_floor() -> None:
    from newsaudit import propaganda

    text = "Our brave patriots will never surrender this great nation to the globalist traitors!"
    strict = newsaudit.audit(("Flag\n\n" + text + " ") * 3, options=Options(propaganda_min_precision=1.01))
    loose = newsaudit.audit(("Flag\n\n" + text + " ") * 3, options=Options(propaganda_min_precision=0.0))
    assert not [f for f in strict.findings if f.label == "propaganda"]
    shown = [f for f in loose.findings if f.label == "propaganda"]
    assert shown and all(f.reason.split(" (")[0] for f in shown)
    precision = propaganda.load().precision
    for f in shown:
        assert any(f.reason.startswith(k.replace("_", " ")) for k in precision)


def test_gated_loaded_words_need_a_biased_sentence() -> None:
    """A word of the short list is loaded anywhere; a word of the gated list only in a sentence whose
    bias score reaches GATED_BIAS, and its score and reason say so."""
    from newsaudit.analyzers.framing import GATED_BIAS, loaded_words
    from newsaudit.resources import table

    short = next(row[0] for row in table("loaded_words.tsv") if row[0].isalpha())
    gated = next(row[0] for row in table("loaded_words_gated.tsv") if row[0].isalpha())
    sentence = f"They said it was {short} and {gated} again."
    calm = [sentence[s:e] for s, e, _, _ in loaded_words(sentence, biased=GATED_BIAS - 0.2)]
    assert calm == [short]
    charged = loaded_words(sentence, biased=GATED_BIAS + 0.05)
    assert [sentence[s:e] for s, e, _, _ in charged] == [short, gated]
    assert "biased" in charged[1][3] and 0.0 < charged[1][2] <= 1.0
    assert loaded_words(f"{short.capitalize()} Times is a paper.", biased=1.0) == []  # a name


def test_word_states_average_each_words_pieces() -> None:
    import numpy as np

    from newsaudit.onnxhead import TokenStates
    from newsaudit.propaganda import TOKEN
    from newsaudit.stateheads import STATE_DIM, word_states

    text = "Unbelievable lies. They spread."
    bounds = [m.span() for m in TOKEN.finditer(text)]  # Unbelievable, lies, ., They, spread, .
    first = TokenStates(np.array([[0, 2], [2, 12], [13, 17]]), np.eye(3, STATE_DIM))  # "Un"+"believable", "lies"
    second = TokenStates(np.array([[0, 4]]), np.full((1, STATE_DIM), 2.0))  # "They", at offset 19
    means, has = word_states(bounds, [(0, first), (19, second)])
    backwards = word_states(bounds, [(19, second), (0, first)])  # sentences given out of text order
    assert np.array_equal(backwards[0], means) and np.array_equal(backwards[1], has)
    projected, _ = word_states(bounds, [(0, first), (19, second)], np.arange(STATE_DIM, dtype=float))
    assert np.allclose(projected, means @ np.arange(STATE_DIM))  # the mean of projections is the projected mean
    assert has.tolist() == [True, True, False, True, False, False]  # "spread" lies past the token limit
    assert np.allclose(means[0], (np.eye(3, STATE_DIM)[0] + np.eye(3, STATE_DIM)[1]) / 2)
    assert np.allclose(means[1], np.eye(3, STATE_DIM)[2]) and np.allclose(means[3], 2.0)
    assert not means[4].any()


def test_propaganda_state_head_mixes_where_words_have_states() -> None:
    import dataclasses

    import numpy as np

    from newsaudit import propaganda, stateheads
    from newsaudit.onnxhead import TokenStates

    text = "The committee met on Tuesday and approved the plan."
    words = [m.span() for m in propaganda.TOKEN.finditer(text)]
    approved = next(i for i, (s, e) in enumerate(words) if text[s:e] == "approved")
    vectors = np.zeros((len(words), stateheads.STATE_DIM))
    vectors[approved, 0] = 10.0  # the state head reads only this dimension
    states = TokenStates(np.array(words), vectors)
    coef = np.zeros(stateheads.STATE_DIM)
    coef[0] = 1.0
    model = dataclasses.replace(propaganda.load(), state_head=stateheads.StateHead(coef, -5.0, 0.9), state_mix=1.0)
    spans = model.spans(text, [(0, states)])
    assert [text[s:e] for s, e, _ in spans] == ["approved"]
    assert model.spans(text) == propaganda.load().spans(text)  # without states: the tagger alone
    half = dataclasses.replace(model, state_head=stateheads.StateHead(coef, -5.0, 0.99), state_mix=0.5)
    assert half.spans(text, [(0, states)]) == []  # half of a near-1 state probability stays under 0.99


def test_sentence_states_come_from_the_scoring_pass() -> None:
    from newsaudit import onnxhead

    sentences = ["Officials said the dam would hold.", "It did not."]
    scores = onnxhead.sentence_scores(sentences)
    states = onnxhead.sentence_states(sentences)
    assert scores is not None and states is not None and len(states) == 2
    for sentence, item in zip(sentences, states, strict=True):
        assert item.vectors.shape == (len(item.offsets), 384)
        assert all(0 <= s < e <= len(sentence) for s, e in item.offsets.tolist())
    head = onnxhead.load(onnxhead.SENTENCE_HEAD)
    plain = head.run(sentences, heads=len(onnxhead.SENTENCE_SCORES))
    full = head.run(sentences, heads=len(onnxhead.SENTENCE_SCORES), states=True)
    assert plain[0] == full[0] and plain[2] == [] and len(full[2]) == 2  # the states output changes no score


def test_the_loaded_language_state_head_adds_content_words_beyond_the_lexicon() -> None:
    import re

    import numpy as np

    from newsaudit import stateheads
    from newsaudit.analyzers.framing import loaded_from_states
    from newsaudit.onnxhead import TokenStates

    sentence = "The Senator gave a breathtaking, of all things, speech."
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", sentence)]
    vectors = np.ones((len(words), stateheads.STATE_DIM))  # every word reads the same
    head = stateheads.StateHead(np.full(stateheads.STATE_DIM, 0.01), 0.0, 0.9)  # p = sigmoid(3.84) = 0.979
    states = TokenStates(np.array(words), vectors)
    found = loaded_from_states([(0, sentence), (len(sentence) + 1, sentence)], [states, states], head)
    assert found[0] == found[1]  # offsets are each sentence's own
    flagged = [sentence[start:end] for start, end, _, _ in found[0]]
    # not "Senator" (capitalised), not function words ("The", "a", "of", "all")
    assert flagged == ["gave", "breathtaking", "things", "speech"]
    assert all(0.97 < score < 0.98 and "loaded-language head" in reason for _, _, score, reason in found[0])
    strict = stateheads.StateHead(head.coef, head.intercept, 0.99)
    assert loaded_from_states([(0, sentence)], [states], strict) == [[]]

"""Train newsaudit's sentence heads (``src/newsaudit/data/models/``): biased, subjective, checkworthy.

Each head: TF-IDF word 1–2-grams + char_wb 2–5-grams (sublinear tf, min_df 2, capped
vocabularies), logistic regression (liblinear, class_weight balanced, fixed seed). Trained on:

- ``biased``: BABE SG2 expert labels, all sentences except "No agreement" (benchmarks report
  5-fold cross-validation with the same recipe);
- ``subjective``: CheckThat! English train + dev (benchmarks report the 2024 test, ``dev_test``);
- ``checkworthy``: ClaimBuster train (benchmarks report ClaimBuster test and CLEF 2019 test).

Writes ``<name>.npz`` (float32 arrays), ``<name>.vocab.json`` and a model card ``<name>.md``,
then checks that newsaudit's numpy re-implementation scores like scikit-learn on held-out text.
Needs scikit-learn (training only).

    python training/sentence_heads.py [--data ../shared/data] [--only biased]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models"
SEED = 13
C = 4.0
STACK_GRID = (0.3, 1.0, 3.0)
MAX_WORD_FEATURES = 40_000
MAX_CHAR_FEATURES = 80_000


def babe(data: Path) -> list[tuple[str, int]]:
    with (data / "babe" / "final_labels_SG2.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return [(r["text"], int(r["label_bias"] == "Biased")) for r in rows if r["label_bias"] in ("Biased", "Non-biased")]


def checkthat(data: Path, name: str) -> list[tuple[str, int]]:
    with (data / "subjectivity-checkthat" / name).open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["sentence"], int(r["label"] == "SUBJ")) for r in rows]


def claimbuster(data: Path, name: str) -> list[tuple[str, int]]:
    rows = json.loads((data / "checkworthiness" / "claimbuster" / name).read_text(encoding="utf-8"))
    return [(r["text"], int(r["label"])) for r in rows]


HEADS = {
    "biased": {
        "train": babe,
        "check": lambda d: babe(d)[:300],
        "data": "BABE SG2 (Spinde et al. 2021), expert labels, 3,673 sentences",
        "license": "GNU AGPL-3.0 (the BABE repository's licence); a model trained on it may carry AGPL obligations",
        "task": "sentence media bias (BABE sense): does the sentence's wording take sides?",
        "metric": "macro",
    },
    "subjective": {
        "train": lambda d: checkthat(d, "train_en.tsv") + checkthat(d, "dev_en.tsv"),
        "check": lambda d: checkthat(d, "dev_test_en.tsv"),
        "data": "CheckThat! subjectivity, English train + dev (1,292 sentences)",
        "license": "CC BY-NC-SA 4.0: non-commercial; commercial users must not rely on this model",
        "task": "subjectivity: does the sentence express the author's own view (SUBJ) or report (OBJ)?",
        "metric": "macro",
    },
    "checkworthy": {
        "train": lambda d: claimbuster(d, "train.json"),
        "check": lambda d: claimbuster(d, "test.json"),
        "data": "ClaimBuster (Arslan et al. 2020) train split, 7,976 debate sentences",
        "license": "GPL-3.0 (the claimbuster-spotter repository's licence)",
        "task": "check-worthiness: is this a factual claim a fact-checker would verify?",
        "metric": "binary",
    },
}


def clickbait(data: Path, part: str) -> list[tuple[str, int]]:
    """Chakraborty et al. 2016 headlines; fixed stratified 80/20 split (seed 13): 'train' or 'test'."""
    import gzip

    from sklearn.model_selection import train_test_split

    folder = data / "clickbait-chakraborty"
    rows = []
    for name, label in (("clickbait_data.gz", 1), ("non_clickbait_data.gz", 0)):
        with gzip.open(folder / name, "rt", encoding="utf-8") as f:
            rows += [(line.strip(), label) for line in f if line.strip()]
    train, test = train_test_split(rows, test_size=0.2, stratify=[y for _, y in rows], random_state=SEED)
    return train if part == "train" else test


def hyperpartisan_articles(data: Path, part: str) -> list[tuple[str, str, str, int, str]]:
    """SemEval-2019 Task 4 by-article, official 'train' or 'test' split: per article, the title and
    text as the linear head reads them, the title, the paragraphs joined by blank lines, the label
    and the publisher's host."""
    import gzip
    import re
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    folder = data / "hyperpartisan-semeval19"
    stamp = {"train": "training-byarticle-20181122", "test": "test-byarticle-20181207"}[part]
    truth = {e.get("id"): e for e in ET.parse(folder / f"ground-truth-{stamp}.xml").getroot()}
    root = ET.fromstring(gzip.decompress((folder / f"articles-{stamp}.xml.gz").read_bytes()))
    out = []
    for e in root:
        gold = truth[e.get("id")]
        title = e.get("title") or ""
        paragraphs = [" ".join("".join(p.itertext()).split()) for p in e.iter("p")]
        out.append(
            (
                re.sub(r"\s+", " ", title + "\n" + " ".join(e.itertext())),
                title,
                "\n\n".join(p for p in paragraphs if p),
                int(gold.get("hyperpartisan") == "true"),
                urlsplit(gold.get("url") or "").hostname or "",
            )
        )
    return out


def hyperpartisan(data: Path, part: str) -> list[tuple[str, int]]:
    """SemEval-2019 Task 4 by-article: title + text of each article, official 'train' or 'test' split."""
    return [(text, label) for text, _, _, label, _ in hyperpartisan_articles(data, part)]


HEADS["hyperpartisan"] = {
    "train": lambda d: hyperpartisan(d, "train"),
    "check": lambda d: hyperpartisan(d, "test")[:200],
    "data": "SemEval-2019 Task 4 hyperpartisan news, by-article train split (645 articles, 287 publishers)",
    "license": "see the Zenodo record (doi:10.5281/zenodo.1489920); cite Kiesel et al. 2019",
    "task": "hyperpartisan: does the whole article argue one side in an extreme way? (article-level)",
    "limits": "\n  Trained on political news only: off-topic pages written in a personal or informal voice (game"
    "\n  and product reviews, lifestyle, self-help) often score above 0.5; see BENCHMARKS.md for the share"
    "\n  of the 181 real benchmark pages it flags.",
}

HEADS["clickbait"] = {
    "train": lambda d: clickbait(d, "train"),
    "check": lambda d: clickbait(d, "test"),
    "data": "Chakraborty et al. 2016 clickbait headlines, fixed stratified 80% (seed 13) of 32,000",
    "license": "MIT (bhargaviparanjape/clickbait repository)",
    "task": "clickbait style of a headline (curiosity gap, listicle, second person); case-sensitive, but"
    "\n  trained on each headline as written, in Title Case and in sentence case, so that a publisher's"
    '\n  capitalisation style is not the signal (BENCHMARKS.md, "Clickbait: case")',
    "lowercase": False,
    "recase": True,
}


def title_case(text: str) -> str:
    """Each word's first letter in capitals ("How This Man Got Rich")."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def sentence_case(text: str) -> str:
    """Only the first letter in capitals ("How this man got rich")."""
    return text[:1].upper() + text[1:].lower()


def recased(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Each row as written, in Title Case and in sentence case, same label."""
    return [(variant, y) for t, y in rows for variant in (t, title_case(t), sentence_case(t))]


def pipeline(lowercase: bool = True):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=MAX_WORD_FEATURES, lowercase=lowercase
    )
    chars = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=2,
        sublinear_tf=True,
        max_features=MAX_CHAR_FEATURES,
        lowercase=lowercase,
    )
    classifier = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=SEED, max_iter=2000)
    return make_pipeline(make_union(words, chars), classifier)


def stack_features(decisions: np.ndarray, texts: list[str]) -> np.ndarray:
    """The stack's input: the TF-IDF decision, then the text's static vector (``newsaudit.staticvec``)."""
    from newsaudit import staticvec

    return np.c_[decisions, staticvec.load().encode(texts)]


def stacker(c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)


class Stacked:
    """The fast profile's recipe for a sentence head: the TF-IDF pipeline, then a logistic regression
    over its decision and the static vector, fitted on 5-fold cross-validated decisions (so the stack
    learns how far to trust TF-IDF on unseen text), its C the best of ``STACK_GRID`` by 5-fold CV of
    ``metric`` on the training rows alone."""

    def __init__(self, rows: list[tuple[str, int]], metric: str = "macro", lowercase: bool = True) -> None:
        from sklearn.metrics import f1_score
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        texts, labels = [t for t, _ in rows], np.array([y for _, y in rows])
        self.tfidf = pipeline(lowercase).fit(texts, labels)
        folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
        held = cross_val_predict(pipeline(lowercase), texts, labels, cv=folds, method="decision_function")
        features = stack_features(held, texts)
        self.cv = {
            c: float(f1_score(labels, cross_val_predict(stacker(c), features, labels, cv=folds), average=metric))
            for c in STACK_GRID
        }
        self.c = max(STACK_GRID, key=lambda c: (self.cv[c], -c))
        self.stack = stacker(self.c).fit(features, labels)

    def weights(self) -> np.ndarray:
        """``[a, b, w...]`` as ``newsaudit.textmodel`` reads them."""
        coef = self.stack.coef_[0]
        return np.r_[coef[0], self.stack.intercept_[0], coef[1:]].astype(np.float32)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        features = stack_features(self.tfidf.decision_function(texts), texts)
        return np.asarray(self.stack.predict_proba(features)[:, 1])


def stack_line(stacked: Stacked | None) -> str:
    if stacked is None:
        return ""
    tried = ", ".join(f"C {c}: {f1:.3f}" for c, f1 in stacked.cv.items())
    return (
        "\n- Stack (the score): a logistic regression (lbfgs, class_weight balanced) over the TF-IDF decision"
        "\n  (5-fold cross-validated while training) and the sentence's `static-minilm` vector (256-d, model2vec"
        f"\n  distilled from all-MiniLM-L6-v2). C = {stacked.c}, the best by 5-fold CV F1 on the training rows"
        f"\n  ({tried})."
    )


def train(name: str, data: Path) -> None:
    spec = HEADS[name]
    rows = spec["train"](data)  # type: ignore[operator]
    if spec.get("recase"):
        rows = recased(rows)
    lowercase = bool(spec.get("lowercase", True))
    stacked = Stacked(rows, str(spec["metric"]), lowercase) if "metric" in spec else None
    model = stacked.tfidf if stacked else pipeline(lowercase).fit([t for t, _ in rows], [y for _, y in rows])
    union, classifier = model.steps[0][1], model.steps[1][1]
    words, chars = union.transformer_list[0][1], union.transformer_list[1][1]
    word_vocab = sorted(words.vocabulary_, key=words.vocabulary_.get)
    char_vocab = sorted(chars.vocabulary_, key=chars.vocabulary_.get)
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT / f"{name}.npz",
        word_idf=words.idf_.astype(np.float32),
        char_idf=chars.idf_.astype(np.float32),
        coef=classifier.coef_[0].astype(np.float32),
        intercept=np.array([classifier.intercept_[0]], dtype=np.float32),
        lowercase=np.array([int(lowercase)], dtype=np.int8),
        **({"stack": stacked.weights()} if stacked else {}),
    )
    (OUT / f"{name}.vocab.json").write_text(
        json.dumps({"word": word_vocab, "char": char_vocab}, ensure_ascii=False), encoding="utf-8"
    )
    check = spec["check"](data)  # type: ignore[operator]
    from newsaudit import textmodel

    textmodel.load_group.cache_clear()
    ours = np.array([textmodel.load(name).probability(t) for t, _ in check])
    texts = [t for t, _ in check]
    theirs = stacked.predict_proba(texts) if stacked else model.predict_proba(texts)[:, 1]
    gap = float(np.max(np.abs(ours - theirs)))
    assert gap < 1e-3, f"{name}: numpy re-implementation differs from scikit-learn by {gap}"
    card = f"""# Model card: `{name}` (newsaudit sentence head)

- Task: {spec["task"]}
- Model: TF-IDF (word 1–2-grams, {len(word_vocab):,} features; char_wb 2–5-grams, {len(char_vocab):,} features;
  sublinear tf, min_df 2, {"lowercased" if lowercase else "case-sensitive"}) + logistic regression
  (C={C}, liblinear, class_weight balanced, seed {SEED}).
  Scored at run time by `newsaudit.textmodel` (numpy); agreement with scikit-learn checked at training:
  max |Δp| = {gap:.2e} on {len(check)} held-out sentences.{stack_line(stacked)}
- Training data: {spec["data"]}. {len(rows):,} examples, {sum(y for _, y in rows):,} positive.
- Data licence: {spec["license"]}.
- Scores: see BENCHMARKS.md (`python benchmarks/accuracy.py`), measured on held-out data only.
- Trained: {date.today().isoformat()} by `python training/sentence_heads.py` (deterministic).
- Limits: English news/debate sentences; lexical model — it reacts to words, not to meaning, and
  cannot tell a claim from its negation. Treat scores as signals to look at, not verdicts.{spec.get("limits", "")}
"""
    (OUT / f"{name}.md").write_text(card, encoding="utf-8")
    print(f"{name}: {len(rows)} examples, vocab {len(word_vocab)}+{len(char_vocab)}, max |Δp| {gap:.1e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", choices=sorted(HEADS))
    args = parser.parse_args()
    for name in [args.only] if args.only else HEADS:
        train(name, args.data)


if __name__ == "__main__":
    main()

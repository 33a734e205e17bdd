"""Rebuild ``src/newsaudit/data/models/cue_filter.json``: the learned cue filter of broad scope.

1. A word lexicon from the silver CoreNLP parses of PolNeAR *train* (``polnear-corenlp``): for
   each word seen 3+ times, how often it is tagged a verb, has a clausal complement
   (ccomp/xcomp/parataxis) and has a subject.
2. Candidates: every word of PolNeAR *train* outside the speech tier, tried as a cue by the
   analyzer's own rules (``extract.learned_candidates``, the same code that runs at audit time).
   A candidate is positive when its cue overlaps a gold cue and its source a gold source
   (first annotator of each article).
3. Logistic regression (scikit-learn, L2, C=0.3, fixed solver: deterministic) over the
   candidates' features; weights under ``MIN_WEIGHT`` are dropped. The threshold is the one of
   ``THRESHOLDS`` under which the whole analyzer scores best on PolNeAR *dev* (source overlap F1,
   as ``benchmarks/attribution.py`` measures it). PolNeAR *test* is never read.

The model is written as JSON (feature -> weight, bias, threshold, lexicon): no pickle.

    python training/cue_filter.py [--polnear ../shared/data/polnear] [--corenlp ../shared/data/polnear-corenlp]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "cue_filter.json"
C = 0.3
MIN_WEIGHT = 0.02
THRESHOLDS = (0.2, 0.24, 0.28, 0.32, 0.36, 0.4, 0.44, 0.5)


def word_lexicon(corenlp: Path) -> dict[str, list[float]]:
    seen: Counter[str] = Counter()
    verb: Counter[str] = Counter()
    comp: Counter[str] = Counter()
    subj: Counter[str] = Counter()
    with gzip.open(corenlp / "train.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            for sentence in json.loads(line)["sentences"]:
                children: dict[int, set[str]] = defaultdict(set)
                for token in sentence:
                    children[token[6]].add(token[7])
                for i, token in enumerate(sentence, 1):
                    word = token[0].lower()
                    seen[word] += 1
                    verb[word] += token[2].startswith("VB")
                    comp[word] += bool(children[i] & {"ccomp", "xcomp", "parataxis"})
                    subj[word] += bool(children[i] & {"nsubj", "nsubjpass"})
    return {
        w: [round(verb[w] / n, 2), round(comp[w] / n, 2), round(subj[w] / n, 2)]
        for w, n in sorted(seen.items())
        if n >= 3 and w.isalpha()
    }


def candidates(polnear: Path, split: str, lexicon: dict[str, list[float]]) -> tuple[list[list[str]], list[int]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from attribution import document, polnear_articles, trimmed  # the benchmark's reader and spans
    from newsaudit.analyzers.attribution.extract import learned_candidates
    from newsaudit.analyzers.attribution.quotes import find_quotes

    features, labels = [], []
    for article in polnear_articles(polnear, split):
        text = article.text
        doc = document(text)
        quotes = find_quotes(text, doc.paragraphs)
        sources = [trimmed(text, g["source"]) for g in article.gold if "source" in g]
        cues = [trimmed(text, g["cue"]) for g in article.gold if "cue" in g]
        for s in doc.sentences:
            inside = [q for q in quotes if q.start < s.end and s.start < q.end]
            for c, f in learned_candidates(text, s.start, s.end, inside, lexicon):
                assert c.source is not None
                src = trimmed(text, (c.source.start, c.source.end))
                hit_source = any(src[0] < g[1] and g[0] < src[1] for g in sources)
                hit_cue = any(c.cue_start < g[1] and g[0] < c.cue_end for g in cues)
                features.append(f)
                labels.append(int(hit_source and hit_cue))
    return features, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--corenlp", type=Path, default=ROOT.parent / "shared" / "data" / "polnear-corenlp")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    lexicon = word_lexicon(args.corenlp)
    train_x, train_y = candidates(args.polnear, "train", lexicon)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in train_x])
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs").fit(x, train_y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    record = {
        "trained": date.today().isoformat(),
        "data": "PolNeAR train (candidates), PolNeAR dev (threshold), polnear-corenlp train (lexicon)",
        "candidates": {"train": len(train_y), "train_positive": sum(train_y)},
        "threshold": 0.5,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "lexicon": lexicon,
    }
    best = max(((dev_score(args.polnear, record, t), t) for t in THRESHOLDS), key=lambda x: x[0]["source_overlap_f1"])
    record["threshold"] = best[1]
    record["dev"] = {k: round(v, 3) for k, v in best[0].items() if k.startswith("source_overlap")}
    OUT.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
    print(f"{len(weights)} weights, threshold {best[1]}, dev {record['dev']}; wrote {OUT.relative_to(ROOT)}")


def dev_score(polnear: Path, record: dict[str, object], threshold: float) -> dict[str, float]:
    """The analyzer's PolNeAR dev scores with the model at ``threshold``."""
    from attribution import newsaudit_predict, polnear_articles, score
    from newsaudit.analyzers.attribution import learned

    record = {**record, "threshold": threshold}
    OUT.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
    learned.cue_filter.cache_clear()
    result = score(polnear_articles(polnear, "dev"), newsaudit_predict(True))
    print(f"threshold {threshold}: dev source overlap F1 {result['source_overlap_f1']:.3f}")
    return result


if __name__ == "__main__":
    main()

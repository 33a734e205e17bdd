"""Build the outlet-reliability table shipped as ``newsaudit/data/ratings.tsv.gz``.

Reads three openly reusable rating sets from ``../shared/data`` (override with --data) and keeps
only what may be redistributed:

- Lin et al. 2023 (PNAS Nexus) aggregate domain quality: the ``pc1`` column only (0..1). The
  imputed per-rater columns (MBFC, Ad Fontes, ...) are third parties' ratings and are dropped.
- idiap News-Media-Reliability (Burdisso et al., NAACL 2024, Apache-2.0): ``p+fp-average``, the
  score the authors recommend, estimated from a hyperlink graph. ``ground_truth`` (MBFC/NewsGuard
  derived) is dropped.
- Wikipedia "Reliable sources/Perennial sources" (CC BY-SA 4.0): -2 blacklisted, -1 generally
  unreliable or deprecated, 0 no consensus, 1 generally reliable.

Output: one row per domain, ``domain<TAB>lin2023<TAB>idiap<TAB>wikipedia`` (empty = not rated),
sorted, gzip with a fixed mtime so the file is byte-reproducible.

    python training/build_ratings.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsaudit" / "data" / "ratings.tsv.gz"


def normalise(domain: str) -> str:
    domain = domain.strip().lower().rstrip(".")
    for prefix in ("www.", "m.", "amp."):
        if domain.startswith(prefix):
            domain = domain[len(prefix) :]
    return domain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows: dict[str, dict[str, str]] = {}

    with gzip.open(args.data / "domain-quality-lin2023" / "domain_ratings.csv.gz", "rt", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            rows.setdefault(normalise(rec["domain"]), {})["lin2023"] = f"{float(rec['pc1']):.3f}"
    with gzip.open(args.data / "source-reliability" / "reliability_scores.json.gz", "rt", encoding="utf-8") as f:
        for domain, scores in json.load(f).items():
            value = scores.get("p+fp-average")
            if value is not None:
                rows.setdefault(normalise(domain), {})["idiap"] = f"{float(value):.3f}"
    wiki = json.loads((args.data / "source-reliability" / "wikipedia_perennial_sources.json").read_text("utf-8"))
    for domain, value in wiki.items():
        rows.setdefault(normalise(domain), {})["wikipedia"] = str(int(value))

    buffer = io.StringIO()
    buffer.write("# domain\tlin2023_pc1\tidiap_p+fp\twikipedia_perennial; built by training/build_ratings.py\n")
    for domain in sorted(rows):
        r = rows[domain]
        buffer.write(f"{domain}\t{r.get('lin2023', '')}\t{r.get('idiap', '')}\t{r.get('wikipedia', '')}\n")
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    counts = {k: sum(k in r for r in rows.values()) for k in ("lin2023", "idiap", "wikipedia")}
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} domains; rated by {counts}")


if __name__ == "__main__":
    main()

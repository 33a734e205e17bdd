"""Find every occurrence of the hand-labelled surfaces of outlet_surfaces.tsv in the benchmark pages' text.

    python benchmarks/data/build_outlet_mentions.py [--data ../shared/data] > /tmp/mentions.tsv

Prints page id, offset, surface, gold domain(s) and context; the reviewed rows are kept in outlet-mentions.tsv.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    args = parser.parse_args()
    surfaces = [
        line.rstrip("\n").split("\t")
        for line in (HERE / "outlet_surfaces.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    surfaces.sort(key=lambda s: -len(s[0]))
    truth = json.loads((args.data / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8"))
    for page, entry in sorted(truth.items()):
        body = entry["articleBody"]
        taken: list[tuple[int, int]] = []
        for surface, gold in surfaces:
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", body):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                context = body[max(0, m.start() - 50) : m.end() + 50].replace("\n", " ").replace("\t", " ")
                print(f"{page[:16]}\t{m.start()}\t{surface}\t{gold}\t{context}")


if __name__ == "__main__":
    main()

"""Build attribution-dev.jsonl from the hand annotations in attribution-dev.txt.

The annotations name each part by its exact text; this script finds the offsets: the content
first (its first unused occurrence), then the occurrence of the cue nearest to the content
(outside it when possible), then the occurrence of the source nearest to the cue.

    python benchmarks/data/build_dev.py [--bodies ../shared/data/article-extraction-benchmark/ground-truth.json]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BODIES = HERE.parents[2] / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
MAX_DISTANCE = 400


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[0] < b[1] and b[0] < a[1]:
        return 0
    return min(abs(a[0] - b[1]), abs(b[0] - a[1]))


def paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def nearest(text: str, needle: str, anchor: tuple[int, int], avoid: tuple[int, int]) -> tuple[int, int]:
    """The occurrence nearest to ``anchor``: in its paragraph and outside ``avoid`` if possible."""
    found = occurrences(text, needle)
    if not found:
        raise ValueError(f"not in text: {needle!r}")
    para = paragraph(text, anchor[0])
    outside = [o for o in found if not (avoid[0] <= o[0] and o[1] <= avoid[1])]
    same_para = [o for o in outside if para[0] <= o[0] < para[1]]
    inside_para = [o for o in found if para[0] <= o[0] < para[1]]
    pool = same_para or inside_para or [o for o in outside if distance(o, anchor) <= MAX_DISTANCE] or found
    return min(pool, key=lambda o: distance(o, anchor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    args = parser.parse_args()
    truth = json.loads(args.bodies.read_text(encoding="utf-8"))
    articles: list[dict] = []
    current = None
    used: set[tuple[str, int]] = set()
    for line in (HERE / "attribution-dev.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            prefix = line[3:].strip()
            key = next(k for k in truth if k.startswith(prefix))
            current = {"id": key, "url": truth[key]["url"], "text": truth[key]["articleBody"], "attributions": []}
            articles.append(current)
            continue
        assert current is not None
        source, cue, content = (part.strip() for part in line.split("||"))
        text = current["text"]
        spots = [o for o in occurrences(text, content) if (current["id"], o[0]) not in used]
        if not spots:
            raise ValueError(f"content not found in {current['id'][:10]}: {content[:60]!r}")
        content_span = spots[0]
        used.add((current["id"], content_span[0]))
        cue_span = nearest(text, cue, content_span, content_span)
        record = {"cue": list(cue_span), "content": list(content_span)}
        if source != "-":
            record["source"] = list(nearest(text, source, cue_span, content_span))
        current["attributions"].append(record)
    out = HERE / "attribution-dev.jsonl"
    out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    print(f"{len(articles)} articles, {sum(len(a['attributions']) for a in articles)} attributions -> {out.name}")


if __name__ == "__main__":
    main()

"""Extraction benchmark on scrapinghub's article-extraction-benchmark (181 real pages).

Metric (the benchmark's own, re-implemented; see the data's SOURCE.md): split text into
``\\w+`` tokens, take 4-token shingles, count TP/FP/FN per page, normalise each page's counts
to sum 1, average precision and recall over pages, F1 from the two averages.

Rows, all in the same run, on one core:
- ``trafilatura`` alone (2.3.1, include_comments=False, fast=True): the named baseline;
- ``newsaudit html``: newsaudit's HTML path (trafilatura + noise.v2 on its output);
- ``flattened, no cleaning``: each page flattened to text (inscriptis, all visible text);
- ``newsaudit text``: the same flattened text through newsaudit's text path (noise.v2).

    python benchmarks/extraction.py [--data DIR] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
TOKEN_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(predicted: str, truth: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN normalised to sum 1."""
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def evaluate(pages: list[tuple[str, str]]) -> dict[str, float]:
    precisions, recalls = [], []
    for predicted, truth in pages:
        tp, fp, fn = page_scores(predicted, truth)
        precisions.append(tp / (tp + fp) if tp + fp else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def load(data: Path) -> list[tuple[str, str, str, str]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for key in sorted(truth):
        html = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        rows.append((key, truth[key]["url"], html, truth[key]["articleBody"]))
    return rows


def run(name: str, fn: Callable[[str, str], str], inputs: list[tuple[str, str]], truths: list[str]) -> dict[str, float]:
    outputs = []
    start = time.perf_counter()
    for url, content in inputs:
        outputs.append(fn(url, content))
    seconds = time.perf_counter() - start
    scores = evaluate(list(zip(outputs, truths, strict=True)))
    scores["pages_per_s"] = len(inputs) / seconds
    scores["name"] = name  # type: ignore[assignment]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", type=Path, help="update this Markdown file's extraction section")
    args = parser.parse_args()

    import trafilatura
    from inscriptis import get_text

    from newsaudit.extract import from_html, from_text
    from newsaudit.options import Options

    rows = load(args.data)
    truths = [r[3] for r in rows]
    html_inputs = [(r[1], r[2]) for r in rows]
    options = Options()

    def traf(url: str, html: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=False, fast=True) or ""

    def ours_html(url: str, html: str) -> str:
        return "\n".join(from_html(html, url=url, options=options).blocks)

    def ours_text(url: str, text: str) -> str:
        return "\n".join(from_text(text, url=None, options=options).blocks)

    start = time.perf_counter()
    flat_inputs = [(url, get_text(html)) for url, html in html_inputs]
    flatten_rate = len(rows) / (time.perf_counter() - start)
    ours_html(*html_inputs[0])  # warm caches (word lists) outside the timing
    results = [
        run("trafilatura 2.3.1 alone (baseline)", traf, html_inputs, truths),
        run("newsaudit HTML path", ours_html, html_inputs, truths),
        run("flattened text, no cleaning (baseline)", lambda u, t: t, flat_inputs, truths),
        run("newsaudit text path on flattened text", ours_text, flat_inputs, truths),
    ]
    base_html, base_flat = results[0], results[2]
    lines = [
        "Command: `taskset -c 0 python benchmarks/extraction.py --write BENCHMARKS.md` · "
        f"date {date.today().isoformat()} · machine: {machine()}, Python {platform.python_version()}, one core",
        "",
        f"{len(rows)} pages; flattening with inscriptis ran at {flatten_rate:.0f} pages/s (not counted below).",
        "",
        "| path | precision | recall | F1 | F1 vs its baseline | pages/s | speed vs trafilatura |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        base = base_flat if "flattened" in str(r["name"]) else base_html
        lines.append(
            f"| {r['name']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{r['f1'] / base['f1']:.3f}× | {_rate(r)} | {_speed(r, base_html)} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_section(args.write, "Extraction", table)


def machine() -> str:
    """CPU model and core count, for the record next to every speed figure."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    import os

    return f"{model}, {os.cpu_count()} cores"


def _rate(row: dict[str, float]) -> str:
    return "—" if "no cleaning" in str(row["name"]) else f"{row['pages_per_s']:.0f}"


def _speed(row: dict[str, float], base: dict[str, float]) -> str:
    return "—" if "no cleaning" in str(row["name"]) else f"{row['pages_per_s'] / base['pages_per_s']:.2f}×"


def write_section(path: Path, title: str, body: str) -> None:
    """Replace (or append) the section ``## title`` of a Markdown file."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = f"## {title}\n\n{body}\n\n"
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

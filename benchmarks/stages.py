"""Where an audit's time goes: milliseconds per article for each stage, next to trafilatura alone.

Runs ``newsaudit.pipeline.audit`` in this process over the 181 pages of article-extraction-benchmark
(the HTML as bytes, with their URLs), once to warm the caches and then ``--passes`` more times, and
reports the mean of each stage's time from the reports' ``timings_ms``; trafilatura alone
(``extract(..., include_comments=False, fast=True, with_metadata=True)``) runs on the same pages
before and after. Also the cold start of ``newsaudit audit`` on the example article. Run it pinned
to one core:

    taskset -c 0 python benchmarks/stages.py [--profile fast] [--passes 2] [--write BENCHMARKS.md]

or unpinned with ``--threads N`` to see what ``Options.threads`` (sentences scored at once) buys
one audit on N cores; its section is written separately.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import machine, write_section  # noqa: E402


def pages(data: Path) -> list[tuple[str, bytes]]:
    source = data / "article-extraction-benchmark"
    truth = json.loads((source / "ground-truth.json").read_text(encoding="utf-8"))
    return [(truth[k]["url"], gzip.decompress((source / "html" / f"{k}.html.gz").read_bytes())) for k in sorted(truth)]


def trafilatura_ms(items: list[tuple[str, bytes]]) -> float:
    import trafilatura

    start = time.perf_counter()
    for url, html in items:
        trafilatura.extract(html, url=url, include_comments=False, fast=True, with_metadata=True)
    return 1000 * (time.perf_counter() - start) / len(items)


def stage_ms(
    items: list[tuple[str, bytes]], profile: str, passes: int, threads: int = 1
) -> tuple[dict[str, float], float, int]:
    from newsaudit import errors
    from newsaudit.options import Options
    from newsaudit.pipeline import audit

    options = Options(profile=profile, threads=threads)
    totals: dict[str, float] = {}
    audited = 0
    wall = 0.0
    for run in range(passes + 1):  # the first pass warms the caches and is not counted
        start = time.perf_counter()
        for url, html in items:
            try:
                report = audit(html, url=url, options=options)
            except errors.NewsauditError:
                continue
            if run:
                audited += 1
                for stage, ms in report.timings_ms.items():
                    totals[stage] = totals.get(stage, 0.0) + ms
        if run:
            wall += time.perf_counter() - start
    calls = passes * len(items)
    return {k: v / calls for k, v in totals.items()}, 1000 * wall / calls, audited // passes


def cold_start_s(runs: int = 5) -> list[float]:
    """Seconds for ``newsaudit audit examples/seed-article.txt`` in a fresh process (full profile), each run."""
    import subprocess

    command = [str(Path(sys.executable).parent / "newsaudit"), "audit", str(ROOT / "examples" / "seed-article.txt")]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--profile", default="fast")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="Options.threads (run it unpinned if above 1)")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    items = pages(args.data)
    trafilatura_ms(items)  # warm-up
    before = trafilatura_ms(items)
    stages, wall, audited = stage_ms(items, args.profile, args.passes, args.threads)
    after = trafilatura_ms(items)
    base = (before + after) / 2
    cold = cold_start_s()
    rows = sorted(((k, v) for k, v in stages.items() if k != "total"), key=lambda x: -x[1])
    lines = [
        (
            f"Command: `python benchmarks/stages.py --profile {args.profile} --passes {args.passes} --threads "
            f"{args.threads}` · date {date.today().isoformat()} · machine: {machine()}, unpinned"
            if args.threads > 1
            else f"Command: `taskset -c 0 python benchmarks/stages.py --profile {args.profile} --passes {args.passes}` "
            f"· date {date.today().isoformat()} · machine: {machine()}, one core"
        ),
        "",
        f"{len(items)} pages ({audited} audited; the rest are refused with an error), profile `{args.profile}`, "
        f"mean of {args.passes} warm passes. trafilatura alone: {before:.1f} / {after:.1f} ms per page "
        f"(before / after).",
        "",
        "| stage | ms per article | share of the audit | vs trafilatura alone |",
        "|---|---|---|---|",
    ]
    lines += [f"| {k} | {v:.1f} | {v / wall:.0%} | {v / base:.2f}× |" for k, v in rows]
    lines.append(f"| **audit, wall clock** | **{wall:.1f}** | 100% | **{wall / base:.2f}×** |")
    lines += [
        "",
        "`extract` is trafilatura plus the noise cleaner; `segment` includes language identification. The audit "
        "runs at "
        f"{base / wall:.2f}× the speed of trafilatura alone in one process (the batch figures above add reading, "
        "the store and the worker round trip).",
        "",
        f"Cold start, `newsaudit audit examples/seed-article.txt` in a fresh process (full profile, terminal "
        f"report), 5 runs: median {cold[len(cold) // 2]:.2f} s (min {cold[0]:.2f}, max {cold[-1]:.2f}).",
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        threads = f", {args.threads} threads" if args.threads > 1 else ""
        write_section(args.write, f"Where the time goes ({args.profile} profile{threads})", body)


if __name__ == "__main__":
    main()

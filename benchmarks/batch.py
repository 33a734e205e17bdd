"""Batch throughput: the full audit against trafilatura-only extraction on the same corpus, in one run.

Builds a corpus from the 181 pages of article-extraction-benchmark replicated to ``--n`` articles (each
copy gets its own HTML comment and URL, so hashes differ) as one JSONL.gz, then measures on it:

- trafilatura-only extraction (``extract(..., include_comments=False, fast=True, with_metadata=True)``),
  one process, reading the same file, before and after the newsaudit runs (the ratio is to the mean);
- trafilatura alone in two independent processes, each on every other article: this machine's own
  scaling of the extraction work, the ceiling for newsaudit's 2 ÷ 1 workers ratio;
- ``newsaudit.batch.run`` with 1 and with 2 worker processes into a fresh DuckDB store, for each profile
  asked (``full``: every model; ``fast``: linear heads only);

and reports articles/s, the ratios the targets are stated in, and the peak memory of the whole process
tree (sum of proportional set sizes, sampled from /proc every 0.2 s, so that memory forked workers share
with the parent is counted once).

    python benchmarks/batch.py [--n 10000] [--profiles full,fast] [--full-n 1000] [--write BENCHMARKS.md]

``--alternate ROUNDS [--block 2000]`` instead runs ROUNDS rounds of all four runs (trafilatura in one
process, newsaudit fast with 1 and 2 workers, trafilatura in two processes) on the first ``--block``
articles and takes each ratio within a round: this VM's speed drifts by up to a third over minutes,
which moves runs far apart in time differently.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import machine, write_section  # noqa: E402


def build_corpus(data: Path, n: int, folder: Path) -> Path:
    path = folder / f"corpus-{n}.jsonl.gz"
    if path.exists():
        return path
    source = data / "article-extraction-benchmark"
    truth = json.loads((source / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (truth[k]["url"], gzip.decompress((source / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8"))
        for k in sorted(truth)
    ]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=3) as out:
        for i in range(n):
            url, html = pages[i % len(pages)]
            copy = f"<!-- newsaudit benchmark copy {i} -->" + html
            out.write(json.dumps({"url": f"{url}#copy-{i}", "html": copy}) + "\n")
    return path


class TreeRss:
    """Peak memory of this process and all its descendants (sum of PSS), sampled from /proc."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in _tree(os.getpid())))
            time.sleep(0.2)


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            for child in children:
                out += _tree(int(child))
    except OSError:
        pass
    return out


def _rss_mb(pid: int) -> float:
    """Proportional set size: pages shared by forked workers count once in the sum, not once per process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def trafilatura_only(corpus: Path, n: int) -> tuple[float, float]:
    with TreeRss() as rss:
        start = time.perf_counter()
        done = _trafilatura_share(str(corpus), n, 0, 1)
        seconds = time.perf_counter() - start
    return done / seconds, rss.peak_mb


def _trafilatura_share(corpus: str, n: int, share: int, shares: int) -> int:
    import trafilatura

    done = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= n:
                break
            if i % shares == share:
                record = json.loads(line)
                trafilatura.extract(
                    record["html"], url=record["url"], include_comments=False, fast=True, with_metadata=True
                )
                done += 1
    return done


def trafilatura_parallel(corpus: Path, n: int, processes: int = 2) -> float:
    """trafilatura alone in ``processes`` independent processes, each extracting every
    ``processes``-th article of the same file: how far this machine itself scales this work (no
    process hands work to another, so nothing but the cores is shared)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        start = time.perf_counter()
        done = sum(pool.starmap(_trafilatura_share, [(str(corpus), n, k, processes) for k in range(processes)]))
        seconds = time.perf_counter() - start
    return done / seconds


def newsaudit_batch(corpus: Path, workers: int, profile: str, folder: Path) -> tuple[float, float, dict]:  # type: ignore[type-arg]
    from newsaudit import batch
    from newsaudit.options import Options

    store = folder / f"store-{profile}-{workers}-{time.time_ns()}.duckdb"
    with TreeRss() as rss:
        summary = batch.run([corpus], store, workers=workers, options=Options(profile=profile))
    for leftover in folder.glob(store.name + "*"):
        leftover.unlink()  # 100 MB a store at 10,000 articles
    processed = summary.audited + summary.failed
    return processed / summary.seconds, rss.peak_mb, summary.as_dict()


def subset(corpus: Path, n: int, folder: Path) -> Path:
    path = folder / f"{corpus.stem.split('.')[0]}-first-{n}.jsonl.gz"
    if not path.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as out:
            for i, line in enumerate(src):
                if i >= n:
                    break
                out.write(line)
    return path


def alternating(corpus: Path, n: int, rounds: int, profile: str, folder: Path) -> list[str]:
    """``rounds`` rounds on the first ``n`` articles, each running, back to back: trafilatura alone
    in one process, newsaudit with 1 and with 2 workers, trafilatura alone in two processes. Each
    ratio is taken within one round, minutes apart, so the VM's slow drift moves both sides alike."""
    source = subset(corpus, n, folder)
    rows = []
    for round_ in range(rounds):
        single = trafilatura_only(source, n)[0]
        one = newsaudit_batch(source, 1, profile, folder)[0]
        two = newsaudit_batch(source, 2, profile, folder)[0]
        parallel = trafilatura_parallel(source, n)
        rows.append((single, one, two, parallel))
        print(profile, "round", round_, single, one, two, parallel, flush=True)
    lines = [
        f"| round | trafilatura, 1 process | newsaudit ({profile}), 1 worker | 2 workers | trafilatura, "
        "2 processes | newsaudit ÷ trafilatura | 2 ÷ 1 workers | trafilatura 2 ÷ 1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ratios = [(one / single, two / one, parallel / single) for single, one, two, parallel in rows]
    for i, ((single, one, two, parallel), (share, scaling, machine_scaling)) in enumerate(
        zip(rows, ratios, strict=True), 1
    ):
        lines.append(
            f"| {i} | {single:.1f}/s | {one:.1f}/s | {two:.1f}/s | {parallel:.1f}/s | {share:.2f} "
            f"| {scaling:.2f} | {machine_scaling:.2f} |"
        )
    share, scaling, machine_scaling = np.median(ratios, axis=0)
    lines.append(f"| median | | | | | **{share:.2f}** | **{scaling:.2f}** | {machine_scaling:.2f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--profiles", default="fast,full")
    parser.add_argument("--full-n", type=int, default=1_000, help="corpus size for the full profile (slower)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newsaudit-batch-bench")
    parser.add_argument("--write", type=Path)
    parser.add_argument(
        "--alternate",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="instead: ROUNDS rounds of all four runs on the first --block articles (fast profile)",
    )
    parser.add_argument("--block", type=int, default=2_000)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(args.data, args.n, args.workdir)
    if args.alternate:
        head = (
            f"Command: `python benchmarks/batch.py --alternate {args.alternate} --block {args.block}` · date "
            f"{date.today().isoformat()} · machine: {machine()}"
        )
        body = "\n".join([head, "", *alternating(corpus, args.block, args.alternate, "fast", args.workdir)])
        print(body)
        if args.write:
            write_section(args.write, "Batch throughput, alternating rounds", body)
        return
    lines = [
        f"Command: `python benchmarks/batch.py --n {args.n} --full-n {args.full_n}` · date {date.today().isoformat()}"
        f" · machine: {machine()}",
        "",
        "| profile | articles | trafilatura only (1 process), before / after | newsaudit, 1 worker "
        "| newsaudit, 2 workers | full ÷ trafilatura (target ≥ 0.5) | 2 ÷ 1 workers (target ≥ 1.8) "
        "| trafilatura alone, 2 ÷ 1 processes (this machine's scaling) "
        "| peak memory (PSS sum), 2 workers (target < 1 GB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for profile in args.profiles.split(","):
        n = args.n if profile == "fast" else min(args.n, args.full_n)
        source = corpus if n == args.n else subset(corpus, n, args.workdir)
        before, _ = trafilatura_only(source, n)
        one, _, s1 = newsaudit_batch(source, 1, profile, args.workdir)
        two, rss_two, s2 = newsaudit_batch(source, 2, profile, args.workdir)
        after, _ = trafilatura_only(source, n)  # the machine's speed drifts: bracket the newsaudit runs
        parallel = trafilatura_parallel(source, n)
        base = (before + after) / 2
        print(profile, n, before, after, one, two, parallel, rss_two, s1, s2, flush=True)
        lines.append(
            f"| {profile} | {n:,} | {before:.1f}/s / {after:.1f}/s | {one:.1f}/s | {two:.1f}/s "
            f"| {one / base:.2f} (vs each: {one / before:.2f}, {one / after:.2f}) | {two / one:.2f} "
            f"| {parallel / after:.2f} ({parallel:.1f}/s after {after:.1f}/s) | {rss_two:.0f} MB |"
        )
    lines += [
        "",
        "Each run reads the same JSONL.gz (HTML with a unique comment per copy, so every article has its own hash) "
        "and writes a fresh DuckDB store; rates count every input (audited or error row). trafilatura alone runs "
        "before and after the newsaudit runs (this virtual machine's speed drifts by up to a third over minutes); "
        "the ratio is to their mean. Last, trafilatura alone runs in two independent processes, each on every "
        "other article, right after the single-process run it is compared with: no process feeds another, so its "
        "ratio is how far this machine scales the extraction work itself, the ceiling for the 2 ÷ 1 workers column. "
        "`fast` uses the linear "
        "check-worthiness head and skips the stance cross-encoder; `full` runs the int8 ONNX heads, one sentence "
        "per run.",
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section(args.write, "Batch throughput", body)


if __name__ == "__main__":
    main()

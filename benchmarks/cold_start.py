"""Cold start: seconds for ``newsaudit audit examples/seed-article.txt`` in a fresh process.

Each variant runs ``--runs`` times, the variants interleaved so that a slow spell of the machine
hits them alike; the report gives each one's median, min and max. Variants: this tree with its
defaults (the transformer scores as many sentences at once as the process has cores), the same with
``--threads 1``, and the fast profile. ``--before SRC`` adds another source tree (e.g. a
``git worktree`` of an older commit, its ``src`` folder) run with the same interpreter:

    python benchmarks/cold_start.py [--runs 11] [--before /tmp/old/src] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import machine, write_section  # noqa: E402

EXAMPLE = ROOT / "examples" / "seed-article.txt"


def seconds(command: list[str], src: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", type=Path, help="another source tree to time the same way")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    base = [sys.executable, "-m", "newsaudit.cli", "audit", str(EXAMPLE)]
    src = ROOT / "src"
    variants: list[tuple[str, list[str], Path]] = [
        ("full profile (the default), default threads", base, src),
        ("full profile, `--threads 1`", [*base, "--threads", "1"], src),
        ("fast profile", [*base, "--profile", "fast"], src),
    ]
    if args.before:
        variants.append((f"full profile, before (`{args.before}`)", base, args.before))
        variants.append((f"fast profile, before (`{args.before}`)", [*base, "--profile", "fast"], args.before))
    for _, command, tree in variants:  # warm the file cache
        seconds(command, tree)
    times: dict[str, list[float]] = {name: [] for name, _, _ in variants}
    for _ in range(args.runs):
        for name, command, tree in variants:
            times[name].append(seconds(command, tree))
    lines = [
        f"Command: `python benchmarks/cold_start.py --runs {args.runs}"
        + (" --before SRC" if args.before else "")
        + f"` · date {date.today().isoformat()} · machine: {machine()}",
        "",
        f"`newsaudit audit examples/seed-article.txt` (terminal report) in a fresh process, {args.runs} runs of "
        "each variant, interleaved. Stage C item 6 asks for under 1.5 s.",
        "",
        "| variant | median s | min | max |",
        "|---|---|---|---|",
    ]
    for name, values in times.items():
        lines.append(f"| {name} | **{statistics.median(values):.2f}** | {min(values):.2f} | {max(values):.2f} |")
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section(args.write, "Cold start", body)


if __name__ == "__main__":
    main()

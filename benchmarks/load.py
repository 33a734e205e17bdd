"""Load test of ``newsaudit serve``: N concurrent clients on loopback for T seconds (bounded in count and time).

Starts the server in a subprocess (``newsaudit serve``), lets ``--clients`` asyncio clients post the example
article to ``POST /v1/audit`` in a loop until ``--seconds`` pass or ``--max-requests`` are sent, and reports
requests/s, p50/p95/max latency, errors and the server's peak RSS (VmHWM from /proc).

    python benchmarks/load.py [--clients 50 --seconds 30 --max-requests 20000] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import machine, write_section  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def client(url: str, body: dict[str, str], stop: float, budget: list[int], out: list[tuple[float, int]]) -> None:
    async with httpx.AsyncClient(timeout=120) as http:
        while time.perf_counter() < stop and budget[0] > 0:
            budget[0] -= 1
            start = time.perf_counter()
            try:
                status = (await http.post(url, json=body)).status_code
            except httpx.HTTPError:
                status = -1
            out.append((time.perf_counter() - start, status))


async def run(url: str, clients: int, seconds: float, max_requests: int, body: dict[str, str]) -> tuple[list, float]:  # type: ignore[type-arg]
    out: list[tuple[float, int]] = []
    budget = [max_requests]
    start = time.perf_counter()
    stop = start + seconds
    await asyncio.gather(*(client(url, body, stop, budget, out) for _ in range(clients)))
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    port = free_port()
    exe = Path(sys.executable).with_name("newsaudit")
    server = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--timeout", "120"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        body = {"text": (ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")}
        httpx.post(base + "/v1/audit", json=body, timeout=120)  # warm: models load once
        results, elapsed = asyncio.run(run(base + "/v1/audit", args.clients, args.seconds, args.max_requests, body))
        rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(t for t, _ in results)
    errors = sum(1 for _, s in results if s != 200)
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    lines = [
        f"Command: `python benchmarks/load.py --clients {args.clients} --seconds {args.seconds:.0f}` · "
        f"date {date.today().isoformat()} · machine: {machine()}",
        "",
        "| clients | duration | requests | requests/s | p50 latency | p95 latency | max | errors | server peak RSS |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {args.clients} | {elapsed:.1f} s | {len(results)} | {len(results) / elapsed:.1f} | {p50 * 1000:.0f} ms "
        f"| {p95 * 1000:.0f} ms | {latencies[-1] * 1000:.0f} ms | {errors} | {rss:.0f} MB |",
        "",
        "One `newsaudit serve` process (uvicorn, one event loop; audits run in its thread pool), each request the "
        "example article as JSON text with every analyzer. Latency is queueing-dominated at this concurrency: "
        "requests/s is the figure that says how much one process audits.",
    ]
    body_md = "\n".join(lines)
    print(body_md)
    if args.write:
        write_section(args.write, "HTTP load test", body_md)


if __name__ == "__main__":
    main()

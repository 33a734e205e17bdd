"""Batch audits of corpora: ``newsaudit batch``. Local engine here; Ray Data in ``batch.ray_engine``.

Every input gets one key: the hash of its content (and URL) and of everything that changes its
report (options, newsaudit and analyzer versions). Keys already in the store are skipped, so a
rerun or a resumed run redoes nothing and stores nothing twice; results are committed in small
transactions, so a run killed at any moment (kill -9 included) loses at most the articles in
flight, which the next run audits. Worker processes load the analyzers once each; at most
``workers × WINDOW`` inputs are in memory at a time.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsaudit import errors
from newsaudit.batch.inputs import Item, count_items, iter_items
from newsaudit.batch.keys import KeySet
from newsaudit.batch.store import Rows, Store, error_rows, report_rows
from newsaudit.options import Options
from newsaudit.pipeline import warm

WINDOW = 4  # inputs in flight per worker
FLUSH_ARTICLES = 64
FLUSH_SECONDS = 2.0
NEARLY_ALL_FAILED = 0.9
EXIT_OK, EXIT_SOME_FAILED, EXIT_INPUT, EXIT_NEARLY_ALL_FAILED = 0, 1, 2, 3


@dataclass
class Summary:
    inputs: int = 0
    audited: int = 0
    failed: int = 0
    skipped: int = 0
    """Already in the store from an earlier run."""
    duplicates: int = 0
    """Inputs identical to an earlier input of this run (same key): stored once."""
    ok_total: int = 0
    failed_total: int = 0
    seconds: float = 0.0
    codes: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        if self.failed_total == 0:
            return EXIT_OK
        if self.failed_total > NEARLY_ALL_FAILED * (self.ok_total + self.failed_total):
            return EXIT_NEARLY_ALL_FAILED
        return EXIT_SOME_FAILED

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "exit_code": self.exit_code}


def fingerprint(options: Options) -> str:
    """Everything besides the input that changes a report."""
    from newsaudit import __version__
    from newsaudit.analyzers import registered

    settings = {k: v for k, v in asdict(options).items() if k not in ("timeout", "user_agent", "threads")}
    blob = json.dumps({"v": __version__, "analyzers": sorted(registered()), "options": settings}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def item_key(item: Item, print_: str) -> str:
    return hashlib.sha256(f"{item.input_id}:{print_}".encode()).hexdigest()[:32]


def keyed_items(paths: Sequence[str | Path], options: Options, summary: Summary) -> Iterator[tuple[str, Item]]:
    """Each distinct input once, with its key; counts inputs and duplicates in ``summary``."""
    print_ = fingerprint(options)
    seen = KeySet()
    for item in iter_items(paths):
        summary.inputs += 1
        key = item_key(item, print_)
        if key in seen:
            summary.duplicates += 1
            continue
        seen.add(key)
        yield key, item


# --- worker side -----------------------------------------------------------------------------------

_WORKER: dict[str, Options] = {}


def _worker_init(options: Options) -> None:
    """Load every analyzer and model once per worker process."""
    _WORKER["options"] = options
    warm(options)


def audit_item(key: str, item: Item, options: Options | None = None) -> Rows:
    """One input -> its rows (a report or an error). Never raises for a bad input."""
    from newsaudit.pipeline import audit

    options = options or _WORKER.get("options") or Options()
    input_id = item.input_id
    item = item.parsed()
    if item.error is not None:
        return error_rows(key, input_id, item.origin, item.url, *item.error)
    try:
        if item.content is not None:
            report = audit(item.content, url=item.url, options=options)
        else:
            report = audit(item.url or "", options=options)
        return report_rows(key, input_id, item.origin, report.to_dict())
    except errors.NewsauditError as exc:
        return error_rows(key, input_id, item.origin, item.url, exc.code, exc.message)
    except Exception as exc:  # a bug must cost one article, not the run
        message = f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
        return error_rows(key, input_id, item.origin, item.url, "E900", message)


# --- main side -------------------------------------------------------------------------------------


def run(
    paths: Sequence[str | Path],
    store_path: str | Path,
    *,
    workers: int = 1,
    options: Options | None = None,
    retry_errors: bool = False,
    on_progress: Callable[[Summary, int | None], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
) -> Summary:
    """Audit every input into the store. ``workers=0`` audits in this process."""
    options = options or Options()
    store = Store(store_path)
    summary = Summary()
    clock = time.perf_counter()
    try:
        if retry_errors:
            store.forget_errors()
        audited_before, failed_before = KeySet(store.keys("articles")), KeySet(store.keys("errors"))
        total = count_items(paths)
        failed_earlier = 0

        def pending() -> Iterator[tuple[str, Item]]:
            nonlocal failed_earlier
            for key, item in keyed_items(paths, options, summary):
                earlier = "ok" if key in audited_before else "error" if key in failed_before else None
                if earlier:
                    summary.skipped += 1
                    failed_earlier += earlier == "error"
                    if on_progress:
                        on_progress(summary, total)
                    continue
                yield key, item

        writer = _Writer(store, summary, lambda: on_progress(summary, total) if on_progress else None, on_commit)
        if workers <= 0:
            warm(options)
            for key, item in pending():
                writer.add(audit_item(key, item, options))
        else:
            if multiprocessing.get_start_method() == "fork":
                # Load the models here, once: forked workers share these pages instead of each
                # loading its own copy (the pool initializer then finds them loaded).
                warm(options)
            _run_pool(pending(), workers, options, writer)
        writer.flush()
        if on_progress:  # the total was an estimate for a large compressed input: now it is known
            on_progress(summary, summary.inputs)
        summary.ok_total = summary.audited + summary.skipped - failed_earlier
        summary.failed_total = summary.failed + failed_earlier
    finally:
        summary.seconds = time.perf_counter() - clock
        store.close()
    return summary


class _Writer:
    def __init__(
        self, store: Store, summary: Summary, tick: Callable[[], None], on_commit: Callable[[int], None] | None
    ) -> None:
        self.store, self.summary, self.tick, self.on_commit = store, summary, tick, on_commit
        self.committed = 0
        self.buffer: list[Rows] = []
        self.last = time.perf_counter()

    def add(self, rows: Rows) -> None:
        self.buffer.append(rows)
        if rows.get("errors"):
            self.summary.failed += 1
            code = rows["errors"]["code"][0]
            self.summary.codes[code] = self.summary.codes.get(code, 0) + 1
        else:
            self.summary.audited += 1
        if len(self.buffer) >= FLUSH_ARTICLES or time.perf_counter() - self.last > FLUSH_SECONDS:
            self.flush()
        self.tick()

    def flush(self) -> None:
        if self.buffer:
            self.store.write(self.buffer)
            self.committed += len(self.buffer)
            self.buffer = []
            if self.on_commit:
                self.on_commit(self.committed)
        self.last = time.perf_counter()


def _run_pool(items: Iterator[tuple[str, Item]], workers: int, options: Options, writer: _Writer) -> None:
    window = max(1, workers * WINDOW)
    attempts: dict[str, int] = {}
    queue: list[tuple[str, Item]] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(options,))
    inflight: dict[Future[Rows], tuple[str, Item]] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and len(inflight) < window:
                if queue:
                    key, item = queue.pop()
                else:
                    nxt = next(items, None)
                    if nxt is None:
                        exhausted = True
                        break
                    key, item = nxt
                inflight[pool.submit(audit_item, key, item)] = (key, item)
            if not inflight:
                if exhausted and not queue:
                    return
                continue
            finished, _ = wait(list(inflight), timeout=FLUSH_SECONDS, return_when=FIRST_COMPLETED)
            if not finished:
                writer.flush()
                continue
            broken = False
            for future in finished:
                key, item = inflight.pop(future)
                try:
                    writer.add(future.result())
                except BrokenProcessPool:
                    broken = True
                    attempts[key] = attempts.get(key, 0) + 1
                    if attempts[key] > 1:
                        writer.add(
                            error_rows(
                                key, item.input_id, item.origin, item.url, "E902", "a worker process died on this input"
                            )
                        )
                    else:
                        queue.append((key, item))
            if broken:  # every future of a broken pool fails: requeue them on a fresh pool
                queue.extend(inflight.values())
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(options,))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

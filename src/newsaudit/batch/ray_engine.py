"""``newsaudit batch --engine ray``: the same audit as a Ray Data pipeline.

read (the same input readers as the local engine) → ``map_batches`` with an actor pool whose
actors each load the analyzers once (``AuditActor``) → ``write_parquet``. Each output row is one
input: ``key, origin, url, status, code, message, report`` — the columns of
``newsaudit export --format parquet``, with the same keys, so the two engines can be compared row
for row. On a cluster, start Ray first (``ray.init(address=...)`` or ``RAY_ADDRESS``): the
pipeline runs unchanged. Needs ``pip install 'newsaudit[ray]'``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from newsaudit.batch import Summary, audit_item, keyed_items
from newsaudit.batch.inputs import Item
from newsaudit.options import Options
from newsaudit.pipeline import warm

BATCH_SIZE = 8
COLUMNS = ("key", "origin", "url", "status", "code", "message", "report")
# One schema for every output file: a batch whose every code is None must not write a column typed
# null, which a reader of the output folder cannot merge with the string column of another file.
SCHEMA = pa.schema([(c, pa.string()) for c in COLUMNS])


class AuditActor:
    """Holds the analyzers (loaded once) and audits a batch of inputs."""

    def __init__(self, options: Options) -> None:
        self.options = options
        warm(options)

    def __call__(self, batch: dict[str, np.ndarray]) -> pa.Table:
        out: dict[str, list[Any]] = {c: [] for c in COLUMNS}
        for i, key in enumerate(batch["key"]):
            error = (str(batch["error_code"][i]), str(batch["error_message"][i])) if batch["error_code"][i] else None
            content, line = batch["content"][i], batch["line"][i]
            item = Item(
                origin=str(batch["origin"][i]),
                url=batch["url"][i] or None,
                content=bytes(content) if content is not None and len(content) else None,
                error=error,
                line=bytes(line) if line is not None and len(line) else None,
            )
            rows = audit_item(str(key), item, self.options)
            out["key"].append(str(key))
            out["origin"].append(item.origin)
            record = {column: values[0] for column, values in (rows.get("errors") or rows["articles"]).items()}
            out["url"].append(record["url"])  # a JSONL line's URL is known once the worker parsed it
            if rows.get("errors"):
                out["status"].append("error")
                out["code"].append(record["code"])
                out["message"].append(record["message"])
                out["report"].append(None)
            else:
                out["status"].append("ok")
                out["code"].append(None)
                out["message"].append(None)
                out["report"].append(record["report"])
        return pa.Table.from_pydict(out, schema=SCHEMA)


def run_ray(
    paths: list[str | Path], output: str | Path, *, workers: int = 2, options: Options | None = None
) -> Summary:
    import ray

    options = options or Options()
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    summary = Summary()
    records = []
    for key, item in keyed_items(paths, options, summary):
        records.append(
            {
                "key": key,
                "origin": item.origin,
                "url": item.url or "",
                "content": item.content or b"",
                "line": item.line or b"",
                "error_code": item.error[0] if item.error else "",
                "error_message": item.error[1] if item.error else "",
            }
        )
    dataset = ray.data.from_items(records)
    audited = dataset.map_batches(
        AuditActor,
        fn_constructor_kwargs={"options": options},
        batch_size=BATCH_SIZE,
        concurrency=max(1, workers),
        batch_format="numpy",
    )
    audited.write_parquet(str(output))
    import pyarrow.parquet as pq

    table = pq.read_table(str(output), columns=["status", "code"])
    statuses = table.column("status").to_pylist()
    summary.audited = summary.ok_total = statuses.count("ok")
    summary.failed = summary.failed_total = statuses.count("error")
    for code in table.column("code").to_pylist():
        if code:
            summary.codes[code] = summary.codes.get(code, 0) + 1
    return summary

"""The results store (DuckDB): one row per input in ``articles`` or ``errors``, and tables to analyse.

Tables: ``articles`` (one per audited input, with the whole report as JSON), ``attributions``,
``sources`` (one per cited source per article, with its ratings), ``findings``, ``errors`` (one
per input that could not be audited, with its code and reason), and the view ``results`` (every
input: key, origin, status). Rows of one article and its children are written in one transaction,
so a run killed at any moment leaves whole articles or nothing; keys are primary keys, so nothing
is stored twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key VARCHAR PRIMARY KEY, input_id VARCHAR, origin VARCHAR, url VARCHAR, sha256 VARCHAR, input_kind VARCHAR,
    title VARCHAR, author VARCHAR, date VARCHAR, outlet_name VARCHAR, outlet_domain VARCHAR, language VARCHAR,
    words INTEGER, sentences INTEGER, author_sentences INTEGER, attributed_sentences INTEGER,
    clickbait DOUBLE, headline_support VARCHAR, report JSON, audited_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS attributions (
    key VARCHAR, idx INTEGER, source_name VARCHAR, source_kind VARCHAR, source_role VARCHAR, cue VARCHAR,
    content VARCHAR, content_start INTEGER, content_end INTEGER, quote BOOLEAN, via VARCHAR, score DOUBLE
);
CREATE TABLE IF NOT EXISTS sources (
    key VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, claims INTEGER, relayed INTEGER, mentions INTEGER,
    domain VARCHAR, lin2023 DOUBLE, idiap DOUBLE, wikipedia DOUBLE, ratings JSON
);
CREATE TABLE IF NOT EXISTS findings (
    key VARCHAR, analyzer VARCHAR, label VARCHAR, "start" INTEGER, "end" INTEGER, score DOUBLE, reason VARCHAR,
    text VARCHAR
);
CREATE TABLE IF NOT EXISTS errors (
    key VARCHAR PRIMARY KEY, input_id VARCHAR, origin VARCHAR, url VARCHAR, code VARCHAR, message VARCHAR,
    failed_at TIMESTAMP DEFAULT current_timestamp
);
CREATE OR REPLACE VIEW results AS
    SELECT key, origin, url, 'ok' AS status, NULL AS code, NULL AS message FROM articles
    UNION ALL SELECT key, origin, url, 'error' AS status, code, message FROM errors;
"""

COLUMNS = {
    "articles": [
        "key",
        "input_id",
        "origin",
        "url",
        "sha256",
        "input_kind",
        "title",
        "author",
        "date",
        "outlet_name",
        "outlet_domain",
        "language",
        "words",
        "sentences",
        "author_sentences",
        "attributed_sentences",
        "clickbait",
        "headline_support",
        "report",
    ],
    "attributions": [
        "key",
        "idx",
        "source_name",
        "source_kind",
        "source_role",
        "cue",
        "content",
        "content_start",
        "content_end",
        "quote",
        "via",
        "score",
    ],
    "sources": [
        "key",
        "name",
        "kind",
        "role",
        "claims",
        "relayed",
        "mentions",
        "domain",
        "lin2023",
        "idiap",
        "wikipedia",
        "ratings",
    ],
    "findings": ["key", "analyzer", "label", "start", "end", "score", "reason", "text"],
    "errors": ["key", "input_id", "origin", "url", "code", "message"],
}
STORE_THREADS = 1
KEYS_CHUNK = 100_000
STORE_MEMORY = "128MB"  # the writer needs little: rows arrive in small transactions
STORE_CHECKPOINT = "64MB"  # at the default 16 MB, checkpoints took up to a third of the writer's time
RATING_COLUMNS = {"Lin et al. 2023": "lin2023", "Burdisso et al. 2024": "idiap", "Wikipedia": "wikipedia"}


Columns = dict[str, list[Any]]
Rows = dict[str, Columns]
"""One input's rows, column-wise: table -> column -> values (tables without rows are left out).
Column-wise because the writer appends them to its buffers with a ``list.extend`` per column: no
per-row dictionaries to build, pickle between processes and take apart again."""


def report_rows(key: str, input_id: str, origin: str, report: dict[str, Any]) -> Rows:
    """A report (as ``Report.to_dict``) -> rows for every table."""
    article = report["article"]
    text = article["text"]
    voices = [s.get("voice") for s in report["sentences"]]
    headline = report.get("headline") or {}
    rows: Rows = {
        "articles": {
            "key": [key],
            "input_id": [input_id],
            "origin": [origin],
            "url": [report["input"]["url"]],
            "sha256": [report["input"]["sha256"]],
            "input_kind": [report["input"]["kind"]],
            "title": [article["title"]],
            "author": [article["author"]],
            "date": [article["date"]],
            "outlet_name": [article["outlet"]["name"]],
            "outlet_domain": [article["outlet"]["domain"]],
            "language": [article["language"]],
            "words": [len(text.split())],
            "sentences": [len(voices)],
            "author_sentences": [sum(v == "author" for v in voices)],
            "attributed_sentences": [sum(v == "attributed" for v in voices)],
            "clickbait": [headline.get("clickbait")],
            "headline_support": [headline.get("support")],
            "report": [json.dumps(report, ensure_ascii=False)],
        }
    }
    attributions = report["attributions"]
    if attributions:
        rows["attributions"] = {
            "key": [key] * len(attributions),
            "idx": list(range(len(attributions))),
            "source_name": [a["source"]["name"] for a in attributions],
            "source_kind": [a["source"]["kind"] for a in attributions],
            "source_role": [a["source"]["role"] for a in attributions],
            "cue": [a["cue"]["text"] for a in attributions],
            "content": [a["content"]["text"] for a in attributions],
            "content_start": [a["content"]["start"] for a in attributions],
            "content_end": [a["content"]["end"] for a in attributions],
            "quote": [a["quote"] for a in attributions],
            "via": [" > ".join(v["name"] for v in a["via"]) or None for a in attributions],
            "score": [a["score"] for a in attributions],
        }
    sources = report["sources"]
    if sources:
        ratings: dict[str, list[Any]] = {column: [] for column in RATING_COLUMNS.values()}
        for s in sources:
            found = dict.fromkeys(RATING_COLUMNS.values())
            for rating in s.get("reliability", []):
                for prefix, column in RATING_COLUMNS.items():
                    if rating["source"].startswith(prefix):
                        found[column] = rating["rating"]
            for column, value in found.items():
                ratings[column].append(value)
        rows["sources"] = {
            "key": [key] * len(sources),
            "name": [s["name"] for s in sources],
            "kind": [s["kind"] for s in sources],
            "role": [s["role"] for s in sources],
            "claims": [s["claims"] for s in sources],
            "relayed": [s.get("relayed", 0) for s in sources],
            "mentions": [len(s["mentions"]) for s in sources],
            "domain": [s.get("domain") for s in sources],
            **ratings,
            "ratings": [json.dumps(s.get("reliability", []), ensure_ascii=False) for s in sources],
        }
    findings = report["findings"]
    if findings:
        rows["findings"] = {
            column: [f.get(column) for f in findings] for column in COLUMNS["findings"] if column not in ("key", "text")
        }
        rows["findings"]["key"] = [key] * len(findings)
        rows["findings"]["text"] = [text[f["start"] : f["end"]] for f in findings]
    return rows


def error_rows(key: str, input_id: str, origin: str, url: str | None, code: str, message: str) -> Rows:
    return {
        "errors": {
            "key": [key],
            "input_id": [input_id],
            "origin": [origin],
            "url": [url],
            "code": [code],
            "message": [message],
        }
    }


class Store:
    """The DuckDB file. One writer (the process running the batch); readers may open it read-only."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        # The store is written by one thread between worker results: keep DuckDB from taking the cores
        # the workers need and from caching the whole database in memory.
        config: dict[str, str | bool | int | float | list[str]] = {
            "threads": STORE_THREADS,
            "memory_limit": STORE_MEMORY,
            "preserve_insertion_order": False,
            "checkpoint_threshold": STORE_CHECKPOINT,
        }
        self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        if not read_only:
            self.con.execute(SCHEMA)

    def keys(self, table: str) -> Iterator[str]:
        """The keys in ``articles`` or ``errors``, read in chunks (a store may hold millions)."""
        if table not in ("articles", "errors"):
            raise ValueError(f"no keys in {table!r}: articles or errors")
        cursor = self.con.execute(f"SELECT key FROM {table}")
        while rows := cursor.fetchmany(KEYS_CHUNK):
            yield from (row[0] for row in rows)

    def forget_errors(self) -> int:
        (count,) = self.con.execute("SELECT count(*) FROM errors").fetchone() or (0,)
        self.con.execute("DELETE FROM errors")
        return int(count)

    def write(self, batches: list[Rows]) -> None:
        """Write the rows of several articles in one transaction (all or nothing)."""
        import pyarrow as pa

        merged: Rows = {name: {c: [] for c in columns} for name, columns in COLUMNS.items()}
        for rows in batches:
            for table, columns in rows.items():
                target = merged[table]
                for column, values in columns.items():
                    target[column].extend(values)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, columns in merged.items():
                if not columns["key"]:
                    continue
                self.con.register("incoming", pa.table(columns))
                quoted = ", ".join(f'"{c}"' for c in columns)
                conflict = " ON CONFLICT DO NOTHING" if table in ("articles", "errors") else ""
                self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM incoming{conflict}")
                self.con.unregister("incoming")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def export(self, fmt: str, output: str | Path) -> int:
        """One row per input (reports and errors) as JSONL or Parquet; returns the row count."""
        query = (
            "SELECT key, origin, url, 'ok' AS status, NULL AS code, NULL AS message, report FROM articles "
            "UNION ALL SELECT key, origin, url, 'error', code, message, NULL FROM errors ORDER BY key"
        )
        out = str(output).replace("'", "''")
        if fmt == "parquet":
            self.con.execute(f"COPY ({query}) TO '{out}' (FORMAT parquet)")
        elif fmt == "jsonl":
            self.con.execute(f"COPY ({query}) TO '{out}' (FORMAT json)")
        else:
            raise ValueError(f"unknown export format {fmt!r}: jsonl or parquet")
        (count,) = self.con.execute(f"SELECT count(*) FROM ({query})").fetchone() or (0,)
        return int(count)

    def close(self) -> None:
        self.con.close()

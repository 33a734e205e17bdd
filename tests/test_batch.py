"""newsaudit batch: one row per input, error rows for broken inputs, resume after kill -9, exit codes, Ray."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsaudit import batch
from newsaudit.batch.store import Store

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
STORY = EXAMPLE.read_text(encoding="utf-8")


def variant(i: int) -> str:
    """The example with a sentence changed, so that each copy has its own hash."""
    return STORY.replace("The chaotic U.S. withdrawal", f"The chaotic U.S. withdrawal (copy {i})", 1)


def as_html(text: str) -> str:
    return "<article>" + "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip()) + "</article>"


def warc_bytes(pages: list[tuple[str, str]], corrupt: int | None = None) -> bytes:
    from fastwarc.warc import WarcRecord, WarcRecordType

    out = io.BytesIO()
    for i, (url, html) in enumerate(pages):
        record = WarcRecord()
        record.init_headers(record_type=WarcRecordType.response)
        record.headers["WARC-Target-URI"] = url
        record.headers["Content-Type"] = "application/http; msgtype=response"
        record.set_bytes_content(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode())
        raw = io.BytesIO()
        record.write(raw, checksum_data=True)
        data = raw.getvalue()
        if i == corrupt:
            data = data.replace(b"withdrawal", b"withdrawXl", 1)
        out.write(gzip.compress(data))
    return out.getvalue()


def rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(variant(1), encoding="utf-8")
    (folder / "b.html").write_text(
        f"<html><head><title>Copy 2</title></head><body>{as_html(variant(2))}</body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"url": "https://www.reuters.com/a", "text": variant(3)}),
        "{this is not json",
        json.dumps({"nothing": 1}),
    ]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = f"<html><body>{as_html(variant(4))}</body></html>"
    (folder / "d.warc.gz").write_bytes(
        warc_bytes(
            [("https://example.org/1", html), ("https://example.org/2", html.replace("copy 4", "copy 5"))], corrupt=1
        )
    )
    (folder / "e.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "f.txt").symlink_to(folder / "missing-target.txt")
    return folder


def test_every_input_gets_one_row_and_broken_inputs_become_error_rows(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "r.duckdb"
    summary = batch.run([corpus], store, workers=0)
    assert summary.inputs == 9
    result = dict(rows(store, "SELECT origin, coalesce(code, status) FROM results"))
    assert len(result) == 9
    by_suffix = {origin.rsplit("/", 1)[-1]: code for origin, code in result.items()}
    assert by_suffix["c.jsonl:2"] == "E110"  # not JSON
    assert by_suffix["c.jsonl:3"] == "E110"  # no html, text or url
    assert by_suffix["e.bin"] == "E102"  # binary
    assert by_suffix["f.txt"] == "E106"  # unreadable
    warc = sorted(code for origin, code in by_suffix.items() if origin.startswith("d.warc.gz"))
    assert warc == ["E112", "ok"]  # the corrupted record is an error; the next record is still read
    assert summary.exit_code == batch.EXIT_SOME_FAILED
    assert rows(store, "SELECT count(*) FROM attributions WHERE source_name = 'The Wall Street Journal'")[0][0] >= 4


def test_rerun_redoes_nothing_and_duplicates_are_stored_once(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "r.duckdb"
    (corpus / "a-copy.txt").write_bytes((corpus / "a.txt").read_bytes())
    first = batch.run([corpus], store, workers=0)
    assert first.duplicates == 1
    second = batch.run([corpus], store, workers=0)
    assert second.audited == second.failed == 0 and second.skipped == first.inputs - first.duplicates
    assert second.exit_code == first.exit_code
    assert rows(store, "SELECT count(*), count(DISTINCT key) FROM results")[0] == (9, 9)


def test_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(variant(1), encoding="utf-8")
    assert batch.run([good], tmp_path / "g.duckdb", workers=0).exit_code == batch.EXIT_OK
    bad = tmp_path / "bad"
    bad.mkdir()
    for i in range(3):
        (bad / f"{i}.bin").write_bytes(bytes(range(256)) * (10 + i))
    assert batch.run([bad], tmp_path / "b.duckdb", workers=0).exit_code == batch.EXIT_NEARLY_ALL_FAILED


def test_kill_9_in_the_middle_then_resume_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    n = 40
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(variant(i), encoding="utf-8")
    store = tmp_path / "k.duckdb"
    exe = Path(sys.executable).with_name("newsaudit")
    command = [str(exe), "batch", str(folder), "--store", str(store), "--workers", "2", "--no-progress"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stderr is not None
    committed = 0
    for line in process.stderr:  # "committed N results" after each transaction
        if line.startswith("committed"):
            committed = int(line.split()[1])
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < committed < n, "the run was not killed in the middle"
    resumed = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    found = re.search(r"(\d+) audited, (\d+) failed, (\d+) already done", resumed.stderr)
    assert found, resumed.stderr
    audited, failed, done = (int(x) for x in found.groups())
    assert done >= committed and audited + done == n and failed == 0  # nothing redone, nothing lost
    count, distinct = rows(store, "SELECT count(*), count(DISTINCT key) FROM results")[0]
    assert count == distinct == n
    assert rows(store, "SELECT count(DISTINCT origin) FROM articles")[0][0] == n
    orphans = rows(store, "SELECT count(*) FROM findings WHERE key NOT IN (SELECT key FROM articles)")[0][0]
    assert orphans == 0


def test_ray_engine_matches_the_local_engine_row_for_row(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="ray is not installed (pip install 'newsaudit[ray]')")
    import pyarrow.parquet as pq

    from newsaudit.batch.ray_engine import run_ray

    store = tmp_path / "local.duckdb"
    batch.run([corpus], store, workers=0)
    exporter = Store(store)
    exporter.export("parquet", tmp_path / "local.parquet")
    exporter.close()
    summary = run_ray([corpus], tmp_path / "ray", workers=2)
    assert summary.inputs == 9
    for part in (tmp_path / "ray").glob("*.parquet"):  # every file has the one schema, whatever its rows
        assert {f.name: str(f.type) for f in pq.read_schema(part)} == dict.fromkeys(
            ("key", "origin", "url", "status", "code", "message", "report"), "string"
        )

    def table(path: Path) -> dict[str, tuple[object, ...]]:
        out = {}
        for row in pq.read_table(path).to_pylist():
            report = json.loads(row["report"]) if row["report"] else None
            if report:
                report.pop("timings_ms")
            out[row["key"]] = (row["origin"], row["status"], row["code"], report)
        return out

    local, distributed = table(tmp_path / "local.parquet"), table(tmp_path / "ray")
    assert local.keys() == distributed.keys() and len(local) == 9
    for key in local:
        assert local[key] == distributed[key], key


def test_the_readme_queries_run_on_a_real_store(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "r.duckdb"
    batch.run([corpus], store, workers=0)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(queries) == 3
    results = [rows(store, q) for q in queries]
    cited = {name for _, name, _, _ in results[0]}
    assert "The Wall Street Journal" in cited
    assert all(0 <= share <= 1 for _, _, share in results[1])
    assert all(support in ("unsupported", "contradicted") for _, _, support, _ in results[2])

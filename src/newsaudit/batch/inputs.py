"""Reading corpora: every input becomes exactly one ``Item`` — an article to audit or an error to record.

Accepted inputs (each path given on the command line, folders walked recursively):

- HTML or text files (any other name);
- JSONL (``*.jsonl``, ``*.jsonl.gz``): one article per line with ``url`` and ``html`` or ``text``
  (a line with only ``url`` is fetched);
- WARC (``*.warc``, ``*.warc.gz``): response records (fastwarc);
- URL lists (``*.urls``, or a ``.txt`` whose every line is an http(s) URL): one URL per line.

A line that is not JSON, a corrupted WARC record or an unreadable file becomes an ``Item`` with an
``error``: it is recorded, never skipped, and the run goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit import errors

BAD_LINE = "E110"
BAD_WARC = "E111"
BAD_RECORD = "E112"
URL_LINE_PREFIXES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class Item:
    origin: str
    """Where the input is: ``path``, ``path:line``, ``path@offset`` (WARC)."""
    url: str | None = None
    content: bytes | None = None
    """The page; ``None`` when the URL is to be fetched."""
    error: tuple[str, str] | None = None
    """(code, message) when the input could not even be read."""

    @property
    def input_id(self) -> str:
        """The input's identity: its content and URL (or, for a URL to fetch or a broken input, where it is)."""
        h = hashlib.sha256()
        if self.error is not None:
            h.update(b"error\0" + self.origin.encode())
        elif self.content is None:
            h.update(b"fetch\0" + (self.url or "").encode())
        else:
            h.update((self.url or "").encode() + b"\0" + self.content)
        return h.hexdigest()


def iter_items(paths: Sequence[str | Path]) -> Iterator[Item]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    yield from _file_items(Path(root) / name)
        elif path.exists() or path.is_symlink():
            yield from _file_items(path)
        else:
            yield Item(str(path), error=(errors.NOT_FOUND, f"no such file or folder: {path}"))


def count_items(paths: Sequence[str | Path]) -> int | None:
    """How many items ``iter_items`` will yield (a cheap pass: lines and records are counted, not parsed)."""
    total = 0
    try:
        for raw in paths:
            path = Path(raw)
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for f in files:
                kind = _kind(f)
                if kind == "jsonl":
                    total += _count_lines(f)
                elif kind == "urls":
                    total += len(_url_lines(f))
                elif kind == "warc":
                    total += sum(1 for _ in _warc_records(f))
                else:
                    total += 1
    except Exception:  # counting is only for the progress bar
        return None
    return total


def _count_lines(path: Path) -> int:
    """Lines, counted in binary chunks (no decoding, no line objects: a JSONL line may hold a whole
    page). Blank lines, rare in JSONL, are counted too: the total is an upper bound, used only for
    the progress bar."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lines, last = 0, b"\n"
    with opener(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith(".urls") or (name.endswith(".txt") and _url_lines(path)):
        return "urls"
    return "file"


def _url_lines(path: Path) -> list[str]:
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
        lines = [line.strip() for line in head.decode("utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError):
        return []
    if lines and all(line.startswith(URL_LINE_PREFIXES) and " " not in line for line in lines):
        return lines
    return []


def _file_items(path: Path) -> Iterator[Item]:
    kind = _kind(path)
    try:
        if kind == "jsonl":
            yield from _jsonl_items(path)
        elif kind == "warc":
            yield from _warc_items(path)
        elif kind == "urls":
            for n, url in enumerate(_url_lines(path), start=1):
                yield Item(f"{path}:{n}", url=url)
        else:
            yield Item(str(path), content=path.read_bytes())
    except OSError as exc:
        yield Item(str(path), error=(errors.UNREADABLE, f"cannot read {path}: {exc.strerror or exc}"))


def _open_text(path: Path):  # type: ignore[no-untyped-def]
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _jsonl_items(path: Path) -> Iterator[Item]:
    with _open_text(path) as handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Item(origin, error=(BAD_LINE, f"line {n} is not JSON ({exc.msg})"))
                continue
            if not isinstance(record, dict):
                yield Item(origin, error=(BAD_LINE, f"line {n} is not a JSON object"))
                continue
            url = record.get("url") if isinstance(record.get("url"), str) else None
            body = record.get("html", record.get("text"))
            if isinstance(body, str) and body:
                yield Item(origin, url=url, content=body.encode("utf-8"))
            elif url:
                yield Item(origin, url=url)
            else:
                yield Item(origin, error=(BAD_LINE, f"line {n} has no html, text or url"))


def _warc_records(path: Path):  # type: ignore[no-untyped-def]
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as stream:
        yield from ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False)


def _warc_items(path: Path) -> Iterator[Item]:
    """Response records; a record that cannot be read becomes an error item, and reading goes on."""
    records = iter(_warc_records(path))
    position = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:
            yield Item(f"{path}@after-record-{position}", error=(BAD_WARC, f"corrupted WARC data in {path}: {exc}"))
            return
        position += 1
        origin = f"{path}@{record.stream_pos}"
        url = record.headers.get("WARC-Target-URI")
        try:
            if "WARC-Block-Digest" in record.headers and not record.verify_block_digest(consume=False):
                raise ValueError("block digest does not match")
            record.parse_http()
            status = record.http_headers.status_code if record.http_headers is not None else None
            body = record.reader.read()
        except Exception as exc:
            yield Item(origin, url=url, error=(BAD_RECORD, f"corrupted WARC record: {exc}"))
            continue
        if status is not None and status >= 400:
            yield Item(origin, url=url, error=(errors.HTTP_STATUS, f"the archived response has HTTP status {status}"))
            continue
        yield Item(origin, url=url, content=body)

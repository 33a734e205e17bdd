"""Reading corpora: every input becomes exactly one ``Item`` — an article to audit or an error to record.

Accepted inputs (each path given on the command line, folders walked recursively):

- HTML or text files (any other name);
- JSONL (``*.jsonl``, ``*.ndjson``, either ``.gz``): one article per line with ``url`` and ``html`` or ``text``
  (a line with only ``url`` is fetched);
- WARC (``*.warc``, ``*.warc.gz``): response records (fastwarc);
- URL lists (``*.urls``, or a ``.txt`` whose every line is an http(s) URL): one URL per line.

A line that is not JSON, a corrupted WARC record, a ``.gz`` that breaks off, a folder that cannot be
listed or an unreadable file becomes an ``Item`` with an ``error``: it is recorded, never skipped,
and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsaudit import errors

BAD_LINE = "E110"
BAD_WARC = "E111"
BAD_RECORD = "E112"
BAD_DATA = "E113"  # a file that breaks off: truncated or corrupted compressed data
URL_LINE_PREFIXES = ("http://", "https://")
READ_CHUNK = 1 << 20
INFLATE_PIECE = 1 << 16  # compressed bytes inflated at a time: a corrupted piece loses only its own lines
COUNT_SAMPLE = 16 << 20  # compressed bytes read to estimate a large .gz file's line count


@dataclass(frozen=True, slots=True)
class Item:
    origin: str
    """Where the input is: ``path``, ``path:line``, ``path@offset`` (WARC)."""
    url: str | None = None
    content: bytes | None = None
    """The page; ``None`` when the URL is to be fetched."""
    error: tuple[str, str] | None = None
    """(code, message) when the input could not even be read."""
    line: bytes | None = None
    """A JSONL line as read, not parsed yet: the worker parses it (``parsed``), so the process that
    reads the corpus only splits and hashes lines."""

    @property
    def input_id(self) -> str:
        """The input's identity: its content and URL (for a JSONL line, the line's bytes; for a URL to
        fetch or a broken input, where it is)."""
        h = hashlib.sha256()
        if self.line is not None:
            h.update(b"jsonl\0" + self.line)
        elif self.error is not None:
            h.update(b"error\0" + self.origin.encode())
        elif self.content is None:
            h.update(b"fetch\0" + (self.url or "").encode())
        else:
            h.update((self.url or "").encode() + b"\0" + self.content)
        return h.hexdigest()

    def parsed(self) -> Item:
        """The item with its JSONL line parsed into URL and page, or into an error (bad JSON, no page)."""
        if self.line is None:
            return self
        origin, n = self.origin, self.origin.rsplit(":", 1)[-1]
        try:
            record = json.loads(self.line.decode("utf-8", errors="replace").lstrip("\ufeff"))  # a BOM, if any
        except json.JSONDecodeError as exc:
            return Item(origin, error=(BAD_LINE, f"line {n} is not JSON ({exc.msg})"))
        if not isinstance(record, dict):
            return Item(origin, error=(BAD_LINE, f"line {n} is not a JSON object"))
        url = record.get("url") if isinstance(record.get("url"), str) else None
        body = record.get("html", record.get("text"))
        if isinstance(body, str) and body:
            return Item(origin, url=url, content=body.encode("utf-8"))
        if url:
            return Item(origin, url=url)
        return Item(origin, error=(BAD_LINE, f"line {n} has no html, text or url"))


def iter_items(paths: Sequence[str | Path]) -> Iterator[Item]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            unlistable: list[OSError] = []  # os.walk skips a folder it cannot list unless told
            for root, dirs, files in os.walk(path, onerror=unlistable.append):
                dirs.sort()
                for name in sorted(files):
                    yield from _file_items(Path(root) / name)
                yield from (_unlistable(exc) for exc in unlistable)
                unlistable.clear()
            yield from (_unlistable(exc) for exc in unlistable)
        elif path.exists() or path.is_symlink():
            yield from _file_items(path)
        else:
            yield Item(str(path), error=(errors.NOT_FOUND, f"no such file or folder: {path}"))


def _unlistable(exc: OSError) -> Item:
    where = str(exc.filename or "a folder")
    return Item(where, error=(errors.UNREADABLE, f"cannot list {where}: {exc.strerror or exc}"))


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
    the progress bar. A compressed file over ``COUNT_SAMPLE`` bytes is not inflated twice: its count
    is extrapolated from its first ``COUNT_SAMPLE`` compressed bytes (the bar's total is corrected
    when the run ends)."""
    if not _compressed(path):
        return _count_newlines(_raw_chunks(path))
    size = path.stat().st_size
    if size <= COUNT_SAMPLE:
        return _count_newlines(_inflated(_raw_chunks(path)))
    with path.open("rb") as handle:
        sample = handle.read(COUNT_SAMPLE)
    lines = _count_newlines(_inflated([sample], whole=False))  # inflated a piece at a time
    return max(1, round(lines * size / len(sample)))


def _count_newlines(chunks: Iterable[bytes]) -> int:
    lines, last = 0, b"\n"
    for chunk in chunks:
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    return lines + (last != b"\n")


def _compressed(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _raw_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            yield chunk


def _inflated(chunks: Iterable[bytes], *, whole: bool = True) -> Iterator[bytes]:
    """Gzip data (any number of members) inflated ``INFLATE_PIECE`` compressed bytes at a time. With
    ``whole``, data that stops inside a member (a truncated file) raises EOFError, after all that came
    before has been yielded; corrupted data raises at the piece that holds the damage."""
    inflater, inside = _gzip_inflater(), False
    pieces = (chunk[i : i + INFLATE_PIECE] for chunk in chunks for i in range(0, len(chunk), INFLATE_PIECE))
    for piece in pieces:
        data = piece
        while data:  # a piece may end one gzip member and start the next
            inside = True
            if out := inflater.decompress(data):
                yield out
            if not inflater.eof:
                break
            data, inflater, inside = inflater.unused_data, _gzip_inflater(), False
    if whole and inside:
        raise EOFError("the compressed data stops inside a gzip member (a truncated file)")


def _gzip_inflater() -> Any:
    """ISA-L's inflate (2–3× zlib's speed; reading is most of what the main process of a batch
    does), or zlib's where ISA-L has no wheel."""
    try:
        from isal import isal_zlib
    except ImportError:  # isal is a dependency; this is for a platform without its wheel
        return zlib.decompressobj(wbits=31)
    return isal_zlib.decompressobj(wbits=31)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
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


def _jsonl_items(path: Path) -> Iterator[Item]:
    """One item per non-blank line, unparsed (``Item.parsed`` parses it where the audit runs). A file
    that breaks off (a truncated or corrupted ``.gz``) keeps the lines read before the break, and the
    rest becomes one error item. gzip checks its CRC only at the end of a member, so lines inflated
    from corrupted data just before the error may come first (most fail as JSON)."""
    n = 0
    try:
        for n, line in _lines(path):
            if line.strip():
                yield Item(f"{path}:{n}", line=line)
    except Exception as exc:  # zlib, ISA-L and EOF errors have no common base; I/O errors included
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        yield Item(f"{path}:after-line-{n}", error=(BAD_DATA, f"cannot read {path} after line {n}: {reason}"))


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line without its ``\\n``) from 1 MB binary reads: no decoding, no per-line I/O.
    A broken ``.gz`` raises after every whole line before the break."""
    n, parts = 0, []
    for chunk in _inflated(_raw_chunks(path)) if _compressed(path) else _raw_chunks(path):
        pieces = chunk.split(b"\n")
        if len(pieces) == 1:
            parts.append(chunk)
            continue
        parts.append(pieces[0])
        n += 1
        yield n, b"".join(parts)
        for piece in pieces[1:-1]:
            n += 1
            yield n, piece
        parts = [pieces[-1]]
    tail = b"".join(parts)
    if tail:
        yield n + 1, tail


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

"""The corpus readers: JSONL lines split in binary chunks, parsed where the audit runs; line counts."""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from pathlib import Path

import pytest

from newsaudit.batch import inputs
from newsaudit.batch.inputs import Item, count_items, iter_items


def records(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "délta", "ε", "news", "said", "\u2028", 'quote"d']
    return [
        json.dumps({"url": f"https://example.org/{i}", "text": " ".join(rng.choices(words, k=rng.randint(1, 400)))})
        for i in range(n)
    ]


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_lines_survive_any_chunk_boundary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, ending: str
) -> None:
    monkeypatch.setattr(inputs, "READ_CHUNK", chunk)
    lines = records(25)
    path = tmp_path / "c.jsonl.gz"
    body = "\r\n".join(lines) if ending == "\r\n" else "\n".join(lines)
    data = (body + ending).encode("utf-8")
    path.write_bytes(gzip.compress(data[:1001]) + gzip.compress(data[1001:]))  # two gzip members, cut mid-line
    items = [item.parsed() for item in iter_items([path])]
    assert [i.url for i in items] == [json.loads(line)["url"] for line in lines]
    assert [i.content.decode("utf-8") if i.content else None for i in items] == [json.loads(x)["text"] for x in lines]
    assert [i.origin.rsplit(":", 1)[1] for i in items] == [str(n) for n in range(1, 26)]


def test_a_file_that_starts_with_a_byte_order_mark_reads_like_one_without(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(records(3)).encode("utf-8"))
    parsed = [item.parsed() for item in iter_items([path])]
    assert [i.error for i in parsed] == [None, None, None] and parsed[0].url == "https://example.org/0"


@pytest.mark.parametrize("name", ["a.jsonl", "a.ndjson", "a.jsonl.gz", "a.ndjson.gz"])
def test_jsonl_is_recognised_by_either_name_compressed_or_not(tmp_path: Path, name: str) -> None:
    data = "\n".join(records(2)).encode("utf-8")
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert [i.parsed().url for i in iter_items([tmp_path / name])] == [f"https://example.org/{i}" for i in range(2)]


def test_blank_lines_are_skipped_but_keep_the_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"url": "https://a.example/x"}\n\n   \n{"text": "Body."}\n', encoding="utf-8")
    items = list(iter_items([path]))
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:4"]


def test_a_line_is_parsed_into_an_error_or_an_article_and_keeps_its_identity(tmp_path: Path) -> None:
    bad = Item("x.jsonl:3", line=b"{not json")
    assert bad.parsed().error is not None and bad.parsed().error[0] == inputs.BAD_LINE  # type: ignore[index]
    assert Item("x.jsonl:4", line=b"[1, 2]").parsed().error is not None
    assert Item("x.jsonl:5", line=b'{"nothing": 1}').parsed().error is not None
    fetch = Item("x.jsonl:6", line=b'{"url": "https://a.example/x"}').parsed()
    assert fetch.url == "https://a.example/x" and fetch.content is None and fetch.error is None
    invalid_utf8 = Item("x.jsonl:7", line=b'{"text": "caf\xe9 au lait"}').parsed()
    assert invalid_utf8.content is not None and invalid_utf8.content.startswith(b"caf")
    one, same, other = (
        Item("a:1", line=b'{"text": "x"}'),
        Item("b:9", line=b'{"text": "x"}'),
        Item("a:1", line=b'{"text": "y"}'),
    )
    assert one.input_id == same.input_id != other.input_id


def test_small_files_are_counted_exactly_and_large_compressed_ones_estimated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = records(3000)
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end: still 3000 lines
    data = ("\n".join(lines) + "\n").encode("utf-8")
    half = len(data) // 2
    packed.write_bytes(gzip.compress(data[:half], compresslevel=1) + gzip.compress(data[half:], compresslevel=1))
    assert count_items([plain]) == 3000
    assert count_items([packed]) == 3000
    monkeypatch.setattr(inputs, "COUNT_SAMPLE", packed.stat().st_size * 6 // 10)  # crosses into member 2
    estimate = count_items([packed])
    assert estimate is not None and estimate != 3000 and abs(estimate - 3000) < 300  # seeded: not exact, close


@pytest.mark.parametrize("damage", ["truncated", "corrupted"])
def test_a_broken_gz_keeps_the_lines_before_the_break_and_records_the_rest(tmp_path: Path, damage: str) -> None:
    lines = records(2000)  # 290 kB compressed: several inflated pieces before the damage
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:
        middle = len(data) // 2
        data = data[:middle] + bytes(range(256)) * 8 + data[middle + 2048 :]
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(data)
    items = list(iter_items([path]))
    *good, last = items
    assert 0 < len(good) < 2000 and all(i.error is None for i in good)
    parsed = [i.parsed() for i in good]
    if damage == "truncated":  # every whole line before the break is kept, and only those
        whole = zlib.decompressobj(wbits=31).decompress(data).count(b"\n")
        assert [i.url for i in parsed] == [json.loads(line)["url"] for line in lines[:whole]]
    else:  # the lines before the damage are intact; gzip's checksum only flags the damage at the end of
        # the member, so garbage inflated from it may come first (as error rows, or as lines that parse)
        assert [i.url for i in parsed[:500]] == [json.loads(line)["url"] for line in lines[:500]]
    assert last.error is not None and last.error[0] == inputs.BAD_DATA
    assert last.origin == f"{path}:after-line-{len(good)}"


def test_a_folder_that_cannot_be_listed_is_an_error_item_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("Body.", encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:  # tests run as root here, so permissions cannot lock a folder
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_items([tmp_path]))
    assert [i.origin for i in items if i.error is None] == [str(tmp_path / "ok" / "a.txt")]
    (locked,) = [i for i in items if i.error is not None]
    assert locked.origin == str(tmp_path / "locked") and "Permission denied" in locked.error[1]  # type: ignore[index]

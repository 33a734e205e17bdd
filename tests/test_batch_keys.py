"""KeySet: the batch's compact key sets behave like a set of keys, edge digests included."""

from __future__ import annotations

import hashlib

import pytest

from newsaudit.batch import keys
from newsaudit.batch.keys import KeySet


def key(i: int) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()[:32]


EDGES = ["00" * 16, "ab" + "00" * 15, "ab" + "00" * 14 + "01", "00" * 15 + "ab", "ff" * 16]


def test_membership_matches_a_set_across_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "MERGE_AT", 100)  # merge often
    stored = [key(i) for i in range(1000)] + EDGES[:2]
    later = [key(i) for i in range(1000, 1500)] + EDGES[2:4]
    absent = [key(i) for i in range(1500, 2000)] + EDGES[4:]
    found = KeySet(stored)
    for k in later:
        assert k not in found
        found.add(k)
        assert k in found
    assert all(k in found for k in stored + later)
    assert not any(k in found for k in absent)
    for k in stored[:10] + later[:10]:
        found.add(k)  # adding a key twice keeps one
    assert len(found) == len(set(stored + later))


def test_trailing_zero_bytes_do_not_make_different_keys_equal() -> None:
    found = KeySet(["ab" + "00" * 15])
    assert "ab" + "00" * 15 in found
    assert "ab" + "00" * 14 + "01" not in found and "00" * 16 not in found
    assert "00" * 16 not in KeySet() and len(KeySet()) == 0
    assert 12 not in found  # not a key at all


def test_stored_keys_take_sixteen_bytes_each() -> None:
    found = KeySet(key(i) for i in range(200_000))
    assert found._sorted.nbytes == 16 * 200_000 and not found._recent

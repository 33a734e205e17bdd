"""Compact sets of batch keys, so that a run over millions of inputs keeps its memory flat.

A key is 32 hex digits (128 bits). A Python ``set`` of such strings takes ≈ 115 bytes a key (≈ 230 MB
a million inputs for the keys already stored plus the keys seen in the run); ``KeySet`` keeps the
16-byte digests in one sorted numpy array (16 bytes a key) and only the latest additions in a small
set, merged into the array when it fills.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

import numpy as np

MERGE_AT = 1 << 16
"""Recent additions kept in a set before they are merged into the sorted array."""
CHUNK = 1 << 17
DIGEST = "S16"
# numpy drops trailing NUL bytes of S16 values; a probe is converted to S16 too, so both sides of a
# comparison are cut alike and two different 16-byte digests never compare equal.


class KeySet:
    def __init__(self, keys: Iterable[str] = ()) -> None:
        chunks, source = [], iter(keys)
        while chunk := list(islice(source, CHUNK)):
            chunks.append(np.array([bytes.fromhex(k) for k in chunk], dtype=DIGEST))
        self._sorted = np.unique(np.concatenate(chunks)) if chunks else np.array([], dtype=DIGEST)
        self._recent: set[bytes] = set()

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        digest = bytes.fromhex(key)
        if digest in self._recent:
            return True
        probe = np.array(digest, dtype=DIGEST)
        i = int(np.searchsorted(self._sorted, probe))
        return i < len(self._sorted) and bool(self._sorted[i] == probe)

    def add(self, key: str) -> None:
        if key in self:
            return
        self._recent.add(bytes.fromhex(key))
        if len(self._recent) >= MERGE_AT:
            self._merge()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def _merge(self) -> None:
        if self._recent:
            added = np.array(list(self._recent), dtype=DIGEST)
            self._sorted = np.union1d(self._sorted, added)
            self._recent.clear()

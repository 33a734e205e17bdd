from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def pages() -> dict[str, dict[str, str]]:
    """Real stored pages (HTML) with their human-marked bodies."""
    marked = json.loads((DATA / "pages.json").read_text(encoding="utf-8"))
    return {
        name: {"html": gzip.decompress((DATA / name).read_bytes()).decode("utf-8"), **meta}
        for name, meta in marked.items()
    }


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never resolve names: a public test address stands in for every host but localhost."""
    from newsaudit import fetch

    real = fetch.resolve

    def fake_resolve(host: str, port: int) -> list[str]:
        if host in ("localhost",) or host[0].isdigit() or ":" in host:
            return real(host, port)
        if host.endswith(".invalid"):
            from newsaudit import errors

            raise errors.FetchError(f"cannot resolve host {host}", code=errors.UNREACHABLE)
        if host.startswith("internal."):
            return ["10.1.2.3"]
        return ["93.184.216.34"]

    monkeypatch.setattr(fetch, "resolve", fake_resolve)

"""The web page in a real browser (Debian's chromium driven by Playwright; no browser download).

Skipped, with the reason, where /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
The screenshot is written to ``$NEWSAUDIT_ARTIFACTS`` (default ``artifacts/``) as a test artifact.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSAUDIT_CHROMIUM", "/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
ARTIFACTS = Path(os.environ.get("NEWSAUDIT_ARTIFACTS", Path(__file__).resolve().parents[1] / "artifacts"))

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (CI installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from newsaudit.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    assert instance.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_paste_the_example_and_see_highlighted_sources(server: str) -> None:
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(server + "/")
        page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
        page.click("#submit")
        page.wait_for_selector("article span.claim", timeout=30_000)
        claims = page.locator("article span.claim")
        assert claims.count() >= 9
        sources = page.locator("aside table").inner_text()
        assert "The Wall Street Journal" in sources and "Human Rights Watch" in sources
        assert page.locator("details summary").inner_text().startswith("Removed from the page")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "browser-report.png"), full_page=True)
        browser.close()
    assert all(url.startswith(server) for url in requests), "the report page requested something external"

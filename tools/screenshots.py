"""Refresh the screenshots of the main web pages in docs/screenshots/ (PNG, each under 300 KB).

    .venv/bin/python tools/screenshots.py [--db STORE] [--chromium /usr/bin/chromium]

Without --db the pages show a small store built from the API tests' chronicles (sentences written for
the tests). The browser is Debian's Chromium driven by Playwright, as in tests/web.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
MAX_BYTES = 300_000
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


def sample_store(folder: Path) -> str:
    sys.path.insert(0, str(ROOT / "tests" / "api"))
    from api_fixtures import build_chronicles

    from kroniek.store.db import open_store
    from kroniek.store.fusion import fuse
    from kroniek.store.writer import write_chronicle

    db = str(folder / "screens.db")
    store = open_store(db)
    for chronicle in build_chronicles():
        write_chronicle(store, chronicle)
    fuse(store)
    store.close()
    return db


def pages(base: str, first_actor: int | None, first_fused: int | None) -> dict[str, str]:
    shots = {"index": "/", "search": "/search", "search-query": "/search?q=fishing", "events": "/events"}
    if first_actor is not None:
        shots["actor"] = f"/actors/{first_actor}"
    if first_fused is not None:
        shots["fused"] = f"/fused/{first_fused}"
    shots["docs"] = "/_docs"
    return {name: base + path for name, path in shots.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the store to show (default: a small sample store)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    import json
    import urllib.request

    import uvicorn
    from playwright.sync_api import sync_playwright

    from kroniek.api import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or sample_store(Path(tmp))
        server = uvicorn.Server(uvicorn.Config(create_app(db, create=False), host="127.0.0.1", port=8799, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = "http://127.0.0.1:8799"
        overview = json.load(urllib.request.urlopen(base + "/.json"))
        fused = json.load(urllib.request.urlopen(base + "/fused.json?min_sources=2&limit=1"))["fused"]
        actor = overview["top_actors"][0]["id"] if overview["top_actors"] else None
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            for name, url in pages(base, actor, fused[0]["id"] if fused else None).items():
                page.goto(url)
                if page.locator("#chart-data").count():
                    page.wait_for_function("window.kroniekCharts && window.kroniekCharts.rendered >= 3", timeout=20000)
                    page.wait_for_timeout(300)
                if name == "docs":
                    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
                path = OUT / f"{name}.png"
                page.screenshot(path=str(path), full_page=False)
                size = path.stat().st_size
                print(f"{path.relative_to(ROOT)}: {size // 1024} KB")
                if size > MAX_BYTES:
                    raise SystemExit(f"{path} is {size} bytes, over {MAX_BYTES}: make the viewport smaller")
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()

"""Regenerate docs/editor.png: the editor's page with the sample draft checked.

    python docs/screenshot.py        # needs Debian's chromium and playwright (pip install -e '.[test]')
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factcheck.web import create_app  # noqa: E402

OUT = Path(__file__).resolve().parent / "editor.png"


def main() -> None:
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1360, "height": 1000})
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        expect(page.locator("#draft")).not_to_have_value("")
        page.click("#check")
        page.locator("#rendered mark.contradiction").first.click()
        expect(page.locator("#panel")).to_be_visible()
        page.screenshot(path=str(OUT), full_page=True)
        browser.close()
    server.shutdown()
    print(OUT)


if __name__ == "__main__":
    main()

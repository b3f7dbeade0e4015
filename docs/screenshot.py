"""Regenerate the README's screenshots of the claim-diff page: the sample draft checked against
its reference, a contradiction selected (desktop, docs/editor.png; phone, docs/editor-phone.png).

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

DOCS = Path(__file__).resolve().parent
SHOTS = {"editor.png": {"viewport": {"width": 1360, "height": 1000}},
         "editor-phone.png": {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True,
                              "device_scale_factor": 2}}


def main() -> None:
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for name, options in SHOTS.items():
            page = browser.new_context(**options).new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            expect(page.locator("#draft")).not_to_have_value("")
            page.click("#check")
            mark = page.locator("#rendered mark.contradiction").first
            mark.click()
            expect(page.locator("#panel")).to_be_visible()
            if name == "editor.png":
                page.screenshot(path=str(DOCS / name), full_page=True)
            else:
                page.screenshot(path=str(DOCS / name))        # what the phone shows: the sentence and the sheet
            print(DOCS / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()

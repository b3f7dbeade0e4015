"""The editor's page in a real browser: Playwright driving Debian's Chromium.

The app is served on a loopback port by a real WSGI server in a background thread.
"""
import json
import subprocess
from pathlib import Path

import pytest

from factcheck.web import create_app

from .conftest import factcheck_command, live_server

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect
# The page's Content-Security-Policy forbids eval, so waits use expect(), not wait_for_function.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
DRAFT = ("Putin invited Trump to Moscow.\n\n"
         "Trump held a 60-minute call with Zelensky. Oil prices fell sharply on Thursday in London.")


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture(scope="module")
def base_url(app):
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/")
    expect(page.locator("#draft")).not_to_have_value("")        # the sample has loaded
    yield page
    assert not page.errors, page.errors
    context.close()


def check(page, text: str):
    page.fill("#draft", text)
    page.click("#check")
    page.wait_for_selector("#rendered mark")


def test_first_visit_loads_a_sample_and_it_can_be_reloaded(page):
    sample = page.input_value("#draft")
    assert "Trump" in sample and "Zelenskyy" in sample
    page.fill("#draft", "something else")
    page.click("#sample")
    expect(page.locator("#draft")).to_have_value(sample)


def test_what_is_typed_before_the_sample_arrives_is_kept(browser, base_url):
    """The first visit's sample comes by its own request; a draft typed before it arrives stays
    (this race once made a browser test check the sample instead of its own text)."""
    context = browser.new_context()
    page = context.new_page()
    held = []
    page.route("**/sample-draft.txt", lambda route: held.append(route))
    page.goto(base_url + "/")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.fill("#draft", "Storm Elena killed 12 people in Varna on Tuesday.")
    page.wait_for_timeout(100)
    assert held, "the page asked for no sample"
    held[0].fulfill(body="the sample draft", content_type="text/plain")
    page.wait_for_timeout(300)
    expect(page.locator("#draft")).to_have_value("Storm Elena killed 12 people in Varna on Tuesday.")
    context.close()


def test_a_contradiction_is_highlighted_and_the_panel_explains_it(page):
    check(page, DRAFT)
    mark = page.locator("#rendered mark.contradiction")
    assert mark.count() == 1
    assert mark.inner_text().endswith("Trump held a 60-minute call with Zelensky.")
    assert mark.get_attribute("data-label") == "contradiction" and mark.locator(".badge").inner_text() == "\u2717"
    # what needs attention first: agreements are not highlighted until asked for
    assert page.locator("#rendered mark.agreement").count() == 0
    assert page.locator("#rendered mark.new_claim").inner_text().endswith("Oil prices fell sharply on Thursday in London.")
    assert page.inner_text("#rendered") == DRAFT.replace("Trump held", "\u2717Trump held").replace("Oil", "+Oil")
    mark.click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert "CONTRADICTION" in text.upper()
    assert "numeric.duration" in text and "The reference gives 90 minutes; this says 60." in text
    assert "zelensky-call.duration" in text and "Trump's call with Zelensky lasted 90 minutes." in text
    assert "\u201ca 90-minute conversation with Ukrainian President Volodymyr Zelensky\u201d" in text
    # the two compared values are marked: in the sentence, in the panel's sentence and in the evidence
    assert mark.locator("strong.value").all_inner_texts() == ["60-minute"]
    assert panel.locator("#panel-sentence strong.value").all_inner_texts() == ["60-minute"]
    assert panel.locator(".evidence strong.value").all_inner_texts() == ["90-minute"]
    summary = page.inner_text("#summary")
    assert "1 contradiction" in summary and "1 agreement" in summary and "1 new claim" in summary
    assert "checked against: seed-article" in summary
    assert page.locator("#omitted li").count() == 34       # 36 fact claims, 2 mentioned


def test_filters_per_kind_and_the_list_puts_contradictions_first(page):
    check(page, DRAFT)
    assert [li.get_attribute("data-kind") for li in page.locator("#findings-list li").all()] == ["contradiction", "new_claim"]
    page.click(".filter[data-kind=agreement]")
    assert page.locator(".filter[data-kind=agreement]").get_attribute("aria-pressed") == "true"
    assert page.locator("#rendered mark.agreement").inner_text().endswith("Putin invited Trump to Moscow.")
    assert [li.get_attribute("data-kind") for li in page.locator("#findings-list li").all()] == ["contradiction", "new_claim", "agreement"]
    page.click(".filter[data-kind=contradiction]")
    assert page.locator("#rendered mark.contradiction").count() == 0
    assert page.inner_text("#summary").startswith("\u2717 1 contradiction")      # the counts are the report's


def test_next_problem_from_the_keyboard(page):
    check(page, DRAFT + " Rubio met Lavrov in Riyadh.")
    page.locator("#results-title").focus()
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.dataset.kind")
    assert first == "contradiction" and page.locator("#panel").is_visible()
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.dataset.kind") == "new_claim"
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.dataset.kind") == "contradiction"
    page.keyboard.press("Escape")
    page.locator("#results-title").focus()
    page.keyboard.press("p")                                   # from nothing selected: the last problem
    assert page.evaluate("document.activeElement.dataset.kind") == "new_claim"
    page.fill("#draft", page.input_value("#draft") + " n")       # typing "n" in the draft is typing
    assert page.input_value("#draft").endswith(" n")


def test_the_reference_pane_marks_each_claim_and_the_compared_values(page):
    check(page, DRAFT)
    reference = page.locator("#reference-rendered")
    assert "(seed-article)" in page.inner_text("#reference-pane-title")
    contradicted = reference.locator("mark.claim.contradicted")
    assert contradicted.count() >= 1
    assert reference.locator("mark.claim.contradicted strong.value").all_inner_texts() == ["90-minute"]
    assert reference.locator("mark.claim.omitted").count() > 10
    assert "a 90-minute conversation with Ukrainian President Volodymyr Zelensky" in reference.inner_text()
    # a finding selected in the draft lights up its claim in the reference, and back
    page.locator("#rendered mark.contradiction").click()
    linked = reference.locator("mark.linked")
    assert linked.count() >= 1 and "zelensky-call.duration" in linked.first.get_attribute("data-claims")
    page.keyboard.press("Escape")
    contradicted.first.click()
    panel = page.locator("#panel")
    assert "REFERENCE CLAIM: CONTRADICTED" in panel.inner_text().upper()
    assert page.locator("#rendered mark.contradiction.linked").count() == 1


def test_paste_a_reference_of_ones_own(page):
    page.select_option("#source", "__paste")
    expect(page.locator("#reference-text")).to_be_focused()
    page.fill("#reference-text", "The central bank cut its main rate by half a percentage point on Wednesday, 18 September 2024.\n")
    check(page, "The central bank cut its main rate by a quarter point on Wednesday.")
    assert page.locator("#rendered mark.contradiction").count() == 1
    assert "checked against: the reference you pasted" in page.inner_text("#summary")
    assert "(the one you pasted)" in page.inner_text("#reference-pane-title")
    assert page.locator("#reference-rendered mark.claim.contradicted").count() == 1
    assert page.locator("#reference-rendered strong.value").all_inner_texts() == ["half a percentage point"]
    bundled = page.locator("#source option").all_inner_texts()
    assert any(o.startswith("seed-article (") for o in bundled) and any(o.startswith("riyadh-talks (") for o in bundled)


def test_accept_a_finding_then_export_and_import_the_suppressions_file(page, tmp_path):
    check(page, DRAFT)
    page.locator("#rendered mark.contradiction").click()
    page.click("#panel button.accept")
    expect(page.locator("#summary")).to_contain_text("1 suppressed")
    expect(page.locator("#results-title")).to_be_focused()      # not lost with the highlight that went
    assert page.locator("#rendered mark.contradiction").count() == 0
    expect(page.locator("#announce")).to_contain_text("is now suppressed")
    assert page.inner_text("#accepted-count") == "1 accepted finding"
    assert "zelensky-call.duration" in page.inner_text("#accepted-list")
    with page.expect_download() as info:
        page.click("#export")
    assert info.value.suggested_filename == "factcheck-suppressions.json"
    exported = Path(info.value.path()).read_text()
    assert json.loads(exported)["suppressions"][0]["claim"] == "zelensky-call.duration"
    # the file the page exports is one the CLI honours
    (tmp_path / "supp.json").write_text(exported)
    (tmp_path / "draft.txt").write_text(DRAFT)
    run = subprocess.run(factcheck_command() + ["check", "--format", "json", "--suppressions", str(tmp_path / "supp.json"),
                                                str(tmp_path / "draft.txt")], capture_output=True, timeout=120, check=False)
    report = json.loads(run.stdout)["files"][0]["report"]
    assert run.returncode == 0 and report["summary"]["suppressed"] == 1 and report["summary"]["contradictions"] == 0
    page.click("#clear-accepted")
    assert page.inner_text("#accepted-count") == "0 accepted findings"
    page.set_input_files("#import", str(tmp_path / "supp.json"))
    expect(page.locator("#accepted-count")).to_have_text("1 accepted finding")
    # forgetting one entry checks its finding again
    page.click("#accepted-list button.forget")
    expect(page.locator("#accepted-count")).to_have_text("0 accepted findings")
    expect(page.locator("#rendered mark.contradiction")).to_have_count(1)
    (tmp_path / "bad.json").write_text('{"nope": 1}')
    page.set_input_files("#import", str(tmp_path / "bad.json"))
    expect(page.locator("#status")).to_contain_text("not a suppressions file")


def test_results_are_announced_to_screen_readers(page):
    check(page, DRAFT)
    expect(page.locator("#announce")).to_have_text(
        "Checked against seed-article: 1 contradiction, 1 new claim, 1 agreement.")
    assert page.locator("#announce").get_attribute("role") == "status"


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(base_url + "/")
    expect(page.locator("#draft")).not_to_have_value("")
    yield page
    assert not page.errors, page.errors
    context.close()


def test_at_phone_width_the_panel_opens_over_the_selected_sentence(phone):
    long_draft = "\n\n".join(["Oil prices were steady in Asian trading on Monday morning."] * 12 + [DRAFT])
    check(phone, long_draft)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375          # no sideways scrolling
    mark = phone.locator("#rendered mark.contradiction")
    mark.tap()
    panel = phone.locator("#panel")
    expect(panel).to_be_visible()
    box, seen = panel.bounding_box(), mark.bounding_box()
    assert 0 <= box["y"] < 740 and box["y"] + box["height"] <= 741           # on screen, not 2,500 px below
    assert 0 <= seen["y"] < box["y"]                                         # and the sentence above it, visible


def test_no_accessibility_violations(browser, base_url):
    from axe_playwright_python.sync_playwright import Axe
    context = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base_url + "/")
    expect(page.locator("#draft")).not_to_have_value("")
    axe = Axe()
    assert axe.run(page).violations_count == 0, axe.run(page).generate_report()
    check(page, DRAFT)
    page.locator("#rendered mark.contradiction").click()
    expect(page.locator("#panel")).to_be_visible()
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    context.close()


def test_keyboard_only(page):
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "draft"
    page.keyboard.press("Control+A")
    page.keyboard.type("Vance will meet Zelensky in Paris.")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#rendered mark.contradiction")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.dataset.kind") == "contradiction"
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "panel"
    assert "The reference places it in Germany; this says Paris." in page.inner_text("#panel")
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    assert page.evaluate("document.activeElement.dataset.kind") == "contradiction"


XSS = ('Putin invited Trump to Moscow <script>window.__xss = 1; alert("script")</script>. '
       'Trump held a 60-minute call with Zelensky <img src=x onerror="window.__xss = 2; alert(\'img\')">. '
       'Read <a href="javascript:window.__xss = 3; alert(\'link\')">this analysis</a> of the talks in Riyadh.')


def test_drafts_with_html_execute_nothing(page):
    check(page, XSS)
    page.locator("#rendered mark").last.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("#rendered script, #rendered img, #rendered a, #panel script, #panel img, #panel a").count() == 0
    assert "<script>window.__xss = 1" in page.inner_text("#rendered")
    assert "onerror=" in page.inner_text("#rendered")


def test_empty_draft_is_refused_without_a_request(page):
    requests = []
    page.on("request", lambda r: requests.append(r.url) if "/v1/compare" in r.url else None)
    page.fill("#draft", "   \n  ")
    page.click("#check")
    page.wait_for_selector("#status:not([hidden])")
    assert "The draft is empty." in page.inner_text("#status")
    assert requests == []


def test_a_draft_over_the_limit_shows_the_problem_and_stays(page):
    big = "Oil prices fell sharply today. " * 36000      # > 1 MiB as JSON
    page.evaluate("text => { const t = document.getElementById('draft'); t.value = text; t.dispatchEvent(new Event('input')); }", big)
    page.click("#check")
    page.wait_for_selector("#status:not([hidden])")
    status = page.inner_text("#status")
    assert "The body is too large." in status and "1,048,576 bytes" in status
    assert page.input_value("#draft") == big


def test_a_server_error_shows_the_problem_and_keeps_the_draft(page, app, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(app.extensions["factcheck"], "check", broken)
    page.fill("#draft", DRAFT)
    page.click("#check")
    page.wait_for_selector("#status:not([hidden])")
    status = page.inner_text("#status")
    assert "Internal error." in status and "request id" in status and "boom" not in status
    assert page.input_value("#draft") == DRAFT


def test_the_draft_survives_a_reload(page):
    page.fill("#draft", "My draft about the Riyadh talks, not finished.")
    page.reload()
    page.wait_for_selector("#draft")
    assert page.input_value("#draft") == "My draft about the Riyadh talks, not finished."


def test_download_and_copy_the_report(page):
    check(page, DRAFT)
    with page.expect_download() as info:
        page.click("#download")
    report = json.loads(Path(info.value.path()).read_text())
    assert report["summary"]["contradictions"] == 1 and report["findings"][0]["claim"]["id"]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy")
    expect(page.locator("#copied")).to_have_text("Report copied.")
    assert json.loads(page.evaluate("navigator.clipboard.readText()")) == report


def test_highlights_stay_on_their_span_after_emoji(page):
    text = "\U0001F1FA\U0001F1E6 Big day. Trump held a 60-minute call with Zelensky \U0001F4DE."
    check(page, text)
    assert page.locator("#rendered mark.contradiction").inner_text() == "\u2717Trump held a 60-minute call with Zelensky \U0001F4DE."


def test_a_conflict_between_sources_shows_both_sides(browser, tmp_path):
    """Two added references that disagree on the toll: the draft's sentence is a conflict, and
    the panel shows each source's claim with its date."""
    from factcheck.models import SourceMeta
    app = create_app({"DATABASE_URL": str(tmp_path / "sources.db")})
    catalog = app.extensions["factcheck.catalog"]
    catalog.add(SourceMeta(id="wire", title="Storm hits Varna", published="2026-11-30"),
                "Storm Elena hit the port city of Varna on Tuesday, killing 12 people.\n")
    catalog.add(SourceMeta(id="local", title="Storm in Varna", published="2026-12-01"),
                "Storm Elena struck Varna on Tuesday, killing 15 people, officials said.\n")
    with live_server(app) as url:
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/")
        check(page, "Storm Elena killed 12 people in Varna on Tuesday.")
        mark = page.locator("#rendered mark.conflict")
        expect(mark).to_have_count(1)
        expect(page.locator("#summary .pill.conflict")).to_have_text("\u21c4 1 conflict between sources")
        mark.click()
        sides = page.locator("#panel-body .side")
        expect(sides).to_have_count(2)
        expect(sides.nth(0)).to_contain_text("contradicts local (2026-12-01)")
        expect(sides.nth(1)).to_contain_text("agrees with wire (2026-11-30)")
        assert not errors, errors
        context.close()

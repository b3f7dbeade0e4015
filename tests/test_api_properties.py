"""Property tests of the HTTP layer: any text gets a sane answer in bounded time."""
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.web import create_app

APP = create_app()
CLIENT = APP.test_client()

nasty = st.one_of(
    st.text(max_size=2000),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=500),          # control chars, surrogates excluded by hypothesis
    st.lists(st.sampled_from(["\u200b", "\u200d", "\ufeff", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                              "U.S.", "Feb.", "!!!", "...", "Zelenskyy", "90-minute", "\r\n", "\x00", "ﬁ", "İ", " "]),
             max_size=200).map("".join),
)


def check(text: str):
    t0 = time.perf_counter()
    r = CLIENT.post("/v1/compare", json={"text": text})
    elapsed = time.perf_counter() - t0
    assert r.status_code < 500, r.data[:500]
    assert elapsed < 5, f"{elapsed:.1f}s for {len(text)} chars"
    if r.status_code == 200:
        for f in r.get_json()["findings"]:
            assert 0 <= f["span"]["start"] < f["span"]["end"] <= len(text)
            assert text[f["span"]["start"]:f["span"]["end"]] == f["text"]
    else:
        assert r.mimetype == "application/problem+json"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nasty)
def test_any_text_gets_a_report_or_a_problem(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["text/plain", "application/json", "text/plain; charset=utf-16", "application/json; charset=latin-1"]))
def test_any_bytes_get_a_report_or_a_4xx(body, content_type):
    r = CLIENT.post("/v1/compare", data=body, content_type=content_type)
    assert r.status_code < 500 and (r.status_code == 200 or r.mimetype == "application/problem+json")


def test_a_200_kb_line_without_punctuation_is_linear():
    check("trump putin zelensky moscow kyiv talks " * 5200)
    check("a" * 200_000)
    check("!" * 200_000 + "a")
    check("U.S. " * 40_000)

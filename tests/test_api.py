"""The HTTP API through Flask's test client: every endpoint and every error status."""
import json
import logging

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from factcheck.web import create_app
from factcheck.web.openapi import document

ARTICLE = "Trump held a 60-minute call with Zelensky. Putin invited Trump to Moscow. Oil prices fell sharply on Thursday."


@pytest.fixture(scope="module")
def app():
    return create_app({"CORS_ORIGINS": ["https://newsroom.example"]})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def openapi(app):
    return document(sorted(app.extensions["factcheck"].reference.sources))


def conforms(openapi, response, status: str, path: str, method: str = "get"):
    """Validate a response body against the schema the OpenAPI document gives for it."""
    responses = openapi["paths"][path][method]["responses"]
    schema = (responses.get(status) or responses["default"])["content"][response.mimetype]["schema"]
    # '#/components/...' references resolve against a root that carries the components
    jsonschema.Draft202012Validator({**schema, "components": openapi["components"]}).validate(response.get_json())


def test_compare_json(client, openapi):
    r = client.post("/v1/compare", json={"text": ARTICLE, "title": "Draft 3"})
    assert r.status_code == 200 and r.mimetype == "application/json"
    report = r.get_json()
    assert report["title"] == "Draft 3"
    assert [f["kind"] for f in report["findings"]] == ["contradiction", "agreement", "new_claim"]
    for f in report["findings"]:
        assert ARTICLE[f["span"]["start"]:f["span"]["end"]] == f["text"]
    conforms(openapi, r, "200", "/v1/compare", "post")


def test_the_reference_is_the_one_the_text_is_about_or_the_one_asked_for(client):
    riyadh = client.post("/v1/compare", json={"text": "The talks in Riyadh lasted about two hours."}).get_json()
    assert riyadh["reference"] == "riyadh-talks" and riyadh["findings"][0]["claim"]["id"] == "riyadh-talks.duration"
    seed = client.post("/v1/compare", json={"text": ARTICLE}).get_json()
    assert seed["reference"] == "seed-article" and all(c["source"] == "seed-article" for c in seed["omitted"])
    forced = client.post("/v1/compare", json={"text": ARTICLE, "source": "riyadh-talks"}).get_json()
    assert forced["reference"] == "riyadh-talks" and not [f for f in forced["findings"] if f["kind"] == "contradiction"]
    plain = client.post("/v1/compare?source=riyadh-talks", data=ARTICLE.encode(), content_type="text/plain").get_json()
    assert plain == {**forced, "title": None}


def test_an_unknown_source_is_422(client):
    body = problem(client.post("/v1/compare", json={"text": ARTICLE, "source": "nope"}), 422, "validation-error")
    assert body["errors"] == [{"pointer": "/source", "detail": "is not a loaded source (riyadh-talks, seed-article)"}]
    q = problem(client.post("/v1/compare?source=nope", data=b"Some text here.", content_type="text/plain"), 422, "validation-error")
    assert q["errors"][0]["parameter"] == "source"
    problem(client.get("/v1/claims?source=nope"), 422, "validation-error")
    problem(client.get("/v1/claims?source=seed-article&source=seed-article"), 422, "validation-error")
    both = client.post("/v1/compare?source=seed-article", json={"text": ARTICLE, "source": "riyadh-talks"})
    assert both.status_code == 200 and both.get_json()["reference"] == "riyadh-talks"      # the body wins


def test_compare_plain_text_gives_the_same_report_as_the_core(client, app):
    r = client.post("/v1/compare", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200
    assert r.get_json() == json.loads(app.extensions["factcheck"].check(ARTICLE).model_dump_json())


def test_compare_plain_text_in_a_declared_charset(client):
    r = client.post("/v1/compare", data="Zelensky met Macron in Paris, café.".encode("latin-1"), content_type="text/plain; charset=latin-1")
    assert r.status_code == 200


def problem(r, status: int, slug: str) -> dict:
    assert r.status_code == status, r.data[:300]
    assert r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["type"] == f"/problems/{slug}" and body["status"] == status and body["title"] and body["detail"]
    assert body["request_id"] == r.headers["X-Request-ID"]
    assert b"Traceback" not in r.data and b"<html" not in r.data.lower()
    return body


def test_malformed_json_is_400(client, openapi):
    r = client.post("/v1/compare", data='{"text": "x"', content_type="application/json")
    body = problem(r, 400, "invalid-json")
    assert "line 1" in body["detail"]
    conforms(openapi, r, "400", "/v1/compare", "post")


def test_undecodable_bytes_are_400(client):
    problem(client.post("/v1/compare", data=b"\xff\xfe\x00abc", content_type="text/plain"), 400, "undecodable-body")
    problem(client.post("/v1/compare", data=b'{"text": "\xff"}', content_type="application/json"), 400, "undecodable-body")


def test_body_over_the_limit_is_413(client):
    problem(client.post("/v1/compare", data=b"a" * (1_048_576 + 1), content_type="text/plain"), 413, "body-too-large")


def test_limit_is_configurable():
    small = create_app({"MAX_BODY_BYTES": 100}).test_client()
    problem(small.post("/v1/compare", json={"text": "x" * 200}), 413, "body-too-large")
    assert small.post("/v1/compare", json={"text": "Oil prices fell sharply today."}).status_code == 200


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", None])
def test_unsupported_content_type_is_415(client, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    problem(client.post("/v1/compare", data=b"text=hello", **kwargs), 415, "unsupported-media-type")


@pytest.mark.parametrize("body, pointers", [
    ({}, ["/text"]),
    ({"text": 5}, ["/text"]),
    ({"text": "Hello there.", "author": "me"}, ["/author"]),
    ({"text": ""}, ["/text"]),
    ({"text": "   \n "}, ["/text"]),
    ({"text": "ok text", "title": ["a"]}, ["/title"]),
    ([1, 2], [""]),
    ("just a string", [""]),
])
def test_body_breaking_the_schema_is_422_with_pointers(client, openapi, body, pointers):
    r = client.post("/v1/compare", json=body)
    got = problem(r, 422, "validation-error")
    assert sorted(e["pointer"] for e in got["errors"]) == pointers
    conforms(openapi, r, "422", "/v1/compare", "post")


def test_empty_plain_text_is_422(client):
    problem(client.post("/v1/compare", data=b"  ", content_type="text/plain"), 422, "validation-error")


def test_unknown_path_is_404_and_wrong_method_405(client):
    problem(client.get("/v2/compare"), 404, "not-found")
    body = problem(client.get("/v1/compare"), 405, "method-not-allowed")
    assert "GET" in body["detail"]
    assert "POST" in client.get("/v1/compare").headers["Allow"]
    problem(client.delete("/v1/claims"), 405, "method-not-allowed")


def test_claims(client, openapi):
    r = client.get("/v1/claims")
    page = r.get_json()
    claims = page["claims"]
    assert r.status_code == 200 and len(claims) == 93 and page["next_cursor"] is None
    conforms(openapi, r, "200", "/v1/claims")
    seed = client.get("/v1/claims?source=seed-article").get_json()["claims"]
    assert len(seed) == 46 and {c["source"] for c in seed} == {"seed-article"}
    one = client.get(f"/v1/claims/{claims[0]['id']}")
    assert one.status_code == 200 and one.get_json() == claims[0]
    conforms(openapi, one, "200", "/v1/claims/{claim_id}")
    missing = problem(client.get("/v1/claims/no-such-claim"), 404, "not-found")
    assert "no-such-claim" in missing["detail"]


def test_claims_come_in_pages_that_cover_each_claim_once(client, openapi):
    everything = client.get("/v1/claims").get_json()["claims"]
    assert [c["id"] for c in everything] == sorted(c["id"] for c in everything)
    seen, cursor, pages = [], None, 0
    while True:
        r = client.get("/v1/claims?limit=40" + (f"&cursor={cursor}" if cursor else ""))
        conforms(openapi, r, "200", "/v1/claims")
        page = r.get_json()
        seen += page["claims"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and seen == everything
    # any string is a cursor: the claims after it in id order
    assert client.get("/v1/claims?cursor=zelensky").get_json()["claims"] == [c for c in everything if c["id"] > "zelensky"]
    for bad in ("limit=0", "limit=1001", "limit=ten", "limit=5&limit=6", "cursor=a&cursor=b"):
        problem(client.get(f"/v1/claims?{bad}"), 422, "validation-error")


def test_rules(client, openapi):
    r = client.get("/v1/rules")
    rules = r.get_json()
    assert r.status_code == 200 and {x["id"] for x in rules} >= {"numeric.duration", "title.office", "frames.place"}
    assert all(x["examples"]["flag"] and x["examples"]["pass"] for x in rules)
    conforms(openapi, r, "200", "/v1/rules")
    one = client.get("/v1/rules/numeric.duration")
    assert one.get_json() == next(x for x in rules if x["id"] == "numeric.duration")
    assert one.get_json()["compares"].startswith("Flags a duration")
    conforms(openapi, one, "200", "/v1/rules/{rule_id}")
    assert "did you mean 'numeric.duration'" in problem(client.get("/v1/rules/numeric.durations"), 404, "not-found")["detail"]


def test_openapi_components_are_titled_once_each(client):
    schemas_ = client.get("/openapi.json").get_json()["components"]["schemas"]
    assert all(s["title"] == name for name, s in schemas_.items())
    assert "ClaimRef" not in schemas_        # the report's claims are the Claim component


def test_healthz(client, openapi, app):
    r = client.get("/healthz")
    body = r.get_json()
    assert body["status"] == "ok" and body["claims"] == 93 and body["rules"] == 13 and len(body["data_hash"]) == 64
    assert body["sources"] == ["riyadh-talks", "seed-article"]
    conforms(openapi, r, "200", "/healthz")


def test_problem_types_are_documented(client):
    r = client.get("/problems/validation-error")
    assert r.status_code == 200 and r.get_json()["status"] == 422
    problem(client.get("/problems/nope"), 404, "not-found")


def test_openapi_document_is_valid_3_1_built_from_schemas(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0"
    validate_openapi(doc)
    from factcheck import schemas
    request_schema = doc["components"]["schemas"]["CheckRequest"]
    as_components = json.loads(json.dumps(schemas.load("request")["properties"]).replace("#/$defs/", "#/components/schemas/"))
    narrowed = ("source", "sources")          # to the loaded sources
    assert {k: v for k, v in request_schema["properties"].items() if k not in narrowed} == {
        k: v for k, v in as_components.items() if k not in narrowed}
    assert request_schema["properties"]["source"]["anyOf"][0]["enum"] == ["riyadh-talks", "seed-article"]
    assert request_schema["properties"]["sources"]["anyOf"][0]["items"]["enum"] == ["riyadh-talks", "seed-article"]
    for path in ("/v1/compare", "/v1/claims", "/v1/claims/{claim_id}", "/v1/rules", "/v1/rules/{rule_id}", "/healthz", "/openapi.json"):
        assert path in doc["paths"]


def test_a_bug_is_a_generic_500_with_a_logged_traceback(app, client, monkeypatch, caplog):
    def broken(*a, **k):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(app.extensions["factcheck"], "check", broken)
    logger = logging.getLogger("factcheck.web")
    logger.addHandler(caplog.handler)
    try:
        r = client.post("/v1/compare", json={"text": "Hello world, this is a test."}, headers={"X-Request-ID": "req-42"})
    finally:
        logger.removeHandler(caplog.handler)
    body = problem(r, 500, "internal-error")
    assert body["request_id"] == "req-42" and b"secret internals" not in r.data
    errors = [json.loads(rec.getMessage()) for rec in caplog.records if '"event":"error"' in rec.getMessage()]
    assert errors and errors[0]["request_id"] == "req-42" and "RuntimeError: secret internals" in errors[0]["traceback"]


def test_request_id_is_echoed_or_made(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc.123"}).headers["X-Request-ID"] == "abc.123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"}).headers["X-Request-ID"]
    assert len(made) == 32 and made.isalnum()


def test_one_structured_log_line_per_request(client, caplog):
    logger = logging.getLogger("factcheck.web")
    logger.addHandler(caplog.handler)
    try:
        client.post("/v1/compare", json={"text": "Oil prices fell sharply today."}, headers={"X-Request-ID": "log-1"})
    finally:
        logger.removeHandler(caplog.handler)
    lines = [json.loads(r.getMessage()) for r in caplog.records if "log-1" in r.getMessage()]
    assert len(lines) == 1
    line = lines[0]
    assert line["method"] == "POST" and line["path"] == "/v1/compare" and line["status"] == 200 and line["latency_ms"] >= 0


def test_cors_only_for_allowed_origins(client):
    ok = client.post("/v1/compare", json={"text": "Oil prices fell sharply today."}, headers={"Origin": "https://newsroom.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
    other = client.post("/v1/compare", json={"text": "Oil prices fell sharply today."}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_cors_off_by_default():
    client = create_app().test_client()
    r = client.get("/healthz", headers={"Origin": "https://newsroom.example"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_no_debug_mode(app):
    assert not app.debug


def test_bad_configuration_stops_start_up(monkeypatch):
    from factcheck.errors import DataError
    monkeypatch.setenv("FACTCHECK_MAX_BODY_BYTES", "lots")
    with pytest.raises(DataError, match="FACTCHECK_MAX_BODY_BYTES: must be a whole number"):
        create_app()


@pytest.mark.parametrize("source", ["", " ", "Seed-Article"])
def test_a_source_that_is_not_loaded_is_422_in_the_body_as_in_the_query(client, source):
    """The same value gets the same answer wherever it is given (schemathesis found `""`
    accepted in the body while `?source=` was refused)."""
    in_body = problem(client.post("/v1/compare", json={"text": ARTICLE, "source": source}), 422, "validation-error")
    assert in_body["errors"] == [{"pointer": "/source", "detail": "is not a loaded source (riyadh-talks, seed-article)"}]
    in_query = problem(client.post("/v1/compare", query_string={"source": source}, json={"text": ARTICLE}), 422, "validation-error")
    assert in_query["errors"][0]["parameter"] == "source"
    both = client.post("/v1/compare?source=seed-article", json={"text": ARTICLE, "source": source})
    problem(both, 422, "validation-error")        # an invalid body member is not overridden by a valid query


def test_a_null_source_in_the_body_defers_to_the_query(client):
    r = client.post("/v1/compare?source=riyadh-talks", json={"text": ARTICLE, "source": None})
    assert r.status_code == 200 and r.get_json()["reference"] == "riyadh-talks"


def test_a_bad_suppression_points_at_its_member(client):
    body = problem(client.post("/v1/compare", json={"text": "x", "suppressions": [{"claim": "a", "sentence": "b", "reason": None}]}),
                   422, "validation-error")
    assert body["errors"] == [{"pointer": "/suppressions/0/reason", "detail": "None is not of type 'string'"}]
    body = problem(client.post("/v1/compare", json={"text": "x", "title": 5}), 422, "validation-error")
    assert body["errors"] == [{"pointer": "/title", "detail": "must be string or null"}]


def test_accepted_findings_sent_with_a_check_are_suppressed_by_the_request(client):
    text = "Trump held a 60-minute call with Zelensky."
    report = client.post("/v1/compare", json={"text": text, "suppressions": [
        {"claim": "zelensky-call.duration", "sentence": "trump held a 60-minute call with ZELENSKY.", "reason": "desk"}]}).get_json()
    assert report["summary"]["contradictions"] == 0 and report["summary"]["suppressed"] == 1
    assert report["suppressed"][0]["by"] == "request" and report["suppressed"][0]["reason"] == "desk"

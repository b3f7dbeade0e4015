"""The source store, against SQLite and a real PostgreSQL server: the same tests on both.

Adding, listing, replacing and removing sources; what is refused before anything is written;
two clients adding one id; a replica seeing another's change; the README's walk-through
(start with a key, add with curl, check a draft, list the conflicts, the unauthorised add
refused); and writes killed at random points leaving whole sources only.
"""
import hashlib
import json
import os
import random
import signal
import threading
import time
import urllib.error
import urllib.request

import pytest

from factcheck.errors import InputError
from factcheck.models import SourceMeta
from factcheck.sources.catalog import Catalog, ReadOnlySource, UnknownSource
from factcheck.sources.conflicts import find_conflicts
from factcheck.sources.store import SourceExists, StoreError, open_store
from factcheck.web import create_app

from .conftest import live_server

KEY = "desk-key-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {KEY}"}
WIRE = ("Storm Elena hit the port city of Varna on Tuesday, killing 12 people and forcing 3,000 residents from their homes.\n"
        "Mayor Ivan Petrov said the city would need two weeks to restore power.\n")
LOCAL = ("Storm Elena struck Varna on Tuesday, killing 15 people, officials said.\n"
         "Mayor Ivan Petrov said power would be restored within two weeks.\n")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A URL of an empty store: an SQLite file, or a fresh database on a throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "sources.db")
    return request.getfixturevalue("postgres_url")


def _meta(sid, **kw):
    return SourceMeta(id=sid, title=kw.pop("title", f"About {sid}"), **kw)


def _wire_and_local(database) -> Catalog:
    """A store of two references that disagree on the toll (12 and 15), the second a day newer."""
    catalog = Catalog.load(database=database)
    catalog.add(_meta("wire", published="2026-11-30"), WIRE)
    catalog.add(_meta("local", published="2026-12-01"), LOCAL)
    return catalog


def test_added_sources_are_listed_shown_replaced_and_removed(database):
    store = open_store(database)
    assert store.list() == [] and store.generation() == 0          # nothing written yet: an empty store
    catalog = Catalog.load(database=store)
    summary = catalog.add(_meta("wire", outlet="Wire", published="2026-11-30", url="https://example.org/a"), WIRE, by="desk")
    assert (summary.origin, summary.outlet, summary.published, summary.claims) == ("added", "Wire", "2026-11-30", 2)
    assert [s.id for s in catalog.summaries()] == ["riyadh-talks", "seed-article", "wire"]
    shown = catalog.show("wire")
    assert shown.text == WIRE and all(WIRE[c.evidence.start:c.evidence.end] == c.evidence.text for c in shown.claims)
    assert catalog.checker.check("Storm Elena killed 20 people in Varna.", source="wire").summary.contradictions == 1
    with pytest.raises(SourceExists):
        catalog.add(_meta("wire"), LOCAL)
    before = store.get("wire").revision
    catalog.add(_meta("wire", title="Replaced"), LOCAL, replace=True)
    assert store.get("wire").revision > before and catalog.show("wire").title == "Replaced"
    assert catalog.checker.check("Storm Elena killed 15 people in Varna.", source="wire").summary.contradictions == 0
    catalog.remove("wire", by="desk")
    assert "wire" not in catalog.checker.source_ids and store.list() == []
    assert [(c["source"], c["action"], c["by"]) for c in store.changes()] == [
        ("wire", "removed", "desk"), ("wire", "replaced", "cli"), ("wire", "added", "desk")]
    with pytest.raises(UnknownSource):
        catalog.remove("wire")


def test_a_restart_reads_the_added_sources_again(database):
    Catalog.load(database=database).add(_meta("wire"), WIRE)
    again = Catalog.load(database=database)
    assert "wire" in again.checker.source_ids and again.summary("wire").claims == 2


@pytest.mark.parametrize("meta, article, why", [
    (dict(id="Bad Id"), WIRE, "id"),
    (dict(id="x", published="2026-02-31"), WIRE, "real date"),
    (dict(id="x", url="ftp://example.org"), WIRE, "url"),
    (dict(id="x"), "   \n", "empty"),
    (dict(id="seed-article"), WIRE, "read-only"),
])
def test_what_is_refused_writes_nothing(database, meta, article, why):
    catalog = Catalog.load(database=database)
    with pytest.raises((InputError, ValueError), match=why):
        catalog.add(SourceMeta.model_construct(**{"title": "T", "outlet": None, "published": None, "url": None, **meta}), article)
    assert open_store(database).generation() == 0


def test_a_review_naming_no_extracted_claim_is_refused_before_writing(database):
    catalog = Catalog.load(database=database)
    with pytest.raises(InputError, match="no extracted claim 'wire.s09.none'"):
        catalog.add(_meta("wire"), WIRE, review=json.dumps({"remove": ["wire.s09.none"]}))
    assert open_store(database).generation() == 0
    catalog.add(_meta("wire"), WIRE, review=json.dumps({"statements": {"wire.s02.need": "Power is out for two weeks."}}))
    assert catalog.show("wire").claims[1].statement == "Power is out for two weeks."


def test_bundled_sources_are_read_only(database):
    catalog = Catalog.load(database=database)
    with pytest.raises(ReadOnlySource):
        catalog.remove("seed-article")


def test_an_unreachable_store_stops_start_up_with_where_it_is():
    with pytest.raises(StoreError, match="cannot connect to postgresql://nobody@127.0.0.1"):
        Catalog.load(database="postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StoreError, match="unknown database URL scheme 'mysql'"):
        open_store("mysql://x/y")


# --- the HTTP API -----------------------------------------------------------------------------

def _app(database, **config):
    return create_app({"DATABASE_URL": database, "API_KEYS": {"desk": KEY}, "SYNC_SECONDS": 0.0, **config})


def test_the_readme_walk_through(database):
    """Start the service with a key, add two references with a POST each, check a draft against
    one, list the conflicts between them, and see an add without the key refused."""
    client = _app(database).test_client()
    added = client.post("/v1/sources", json={"id": "wire", "text": WIRE, "title": "Storm hits Varna", "outlet": "Wire",
                                             "published": "2026-11-30"}, headers=AUTH)
    assert added.status_code == 201 and added.headers["Location"] == "/v1/sources/wire"
    assert added.json["claims"] == 2 and added.json["origin"] == "added"
    assert client.post("/v1/sources", json={"id": "local", "text": LOCAL, "published": "2026-11-30T18:00:00Z"},
                       headers=AUTH).status_code == 201
    report = client.post("/v1/compare", json={"text": "Storm Elena killed 20 people in Varna on Tuesday.", "source": "wire"}).json
    assert [(f["kind"], f["claim"]["source"]) for f in report["findings"]] == [("contradiction", "wire")]
    conflicts = find_conflicts(client.application.extensions["factcheck"], ["local", "wire"])
    assert [(c.sources, c.slot, c.values, c.published) for c in conflicts] == [
        (["local", "wire"], "numeric", ["15 people", "12 people"], ["2026-11-30T18:00:00Z", "2026-11-30"])]
    refused = client.post("/v1/sources", json={"id": "other", "text": WIRE})
    assert refused.status_code == 401 and refused.mimetype == "application/problem+json"
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = client.post("/v1/sources", json={"id": "other", "text": WIRE}, headers={"Authorization": "Bearer not-the-key-at-all"})
    assert wrong.status_code == 401 and "not valid" in wrong.json["detail"]
    assert "other" not in [s["id"] for s in client.get("/v1/sources").json]


def test_no_key_configured_means_no_writes(tmp_path):
    client = create_app({"DATABASE_URL": str(tmp_path / "s.db")}).test_client()
    for response in (client.post("/v1/sources", json={"id": "x", "text": WIRE}, headers=AUTH),
                     client.delete("/v1/sources/x", headers=AUTH)):
        assert response.status_code == 403 and response.json["type"] == "/problems/writes-disabled"


@pytest.mark.parametrize("body, status, pointer", [
    ({"text": WIRE}, 422, "/id"),
    ({"id": "x", "text": WIRE, "colour": "red"}, 422, "/colour"),
    ({"id": "x", "text": WIRE, "published": "2026-13-01"}, 422, "/published"),
    ({"id": "x", "text": WIRE, "published": "2026-02-30"}, 422, "/published"),
    ({"id": "seed-article", "text": WIRE}, 409, None),
    ({"id": "x", "text": WIRE, "review": {"remove": ["x.s07.none"]}}, 422, None),
])
def test_bad_adds_are_problems_and_write_nothing(tmp_path, body, status, pointer):
    database = str(tmp_path / "s.db")
    response = _app(database).test_client().post("/v1/sources", json=body, headers=AUTH)
    assert response.status_code == status and response.mimetype == "application/problem+json", response.json
    if pointer:
        assert pointer in [e["pointer"] for e in response.json["errors"]]
    assert open_store(database).generation() == 0


def test_remove_through_the_api_and_the_log_names_the_key_not_the_key_itself(database, caplog):
    client = _app(database).test_client()
    assert client.post("/v1/sources", json={"id": "wire", "text": WIRE}, headers=AUTH).status_code == 201
    assert client.delete("/v1/sources/seed-article", headers=AUTH).status_code == 409
    assert client.delete("/v1/sources/wire", headers=AUTH).status_code == 204
    assert client.delete("/v1/sources/wire", headers=AUTH).status_code == 404
    assert client.get("/v1/sources/wire").status_code == 404
    changes = open_store(database).changes()
    assert [(c["action"], c["by"]) for c in changes] == [("removed", "desk"), ("added", "desk")]


def test_concurrent_adds_of_one_id_give_one_source_and_one_409(database):
    with live_server(_app(database)) as base:
        statuses = []
        barrier = threading.Barrier(2)

        def add(text):
            barrier.wait()
            request = urllib.request.Request(f"{base}/v1/sources", json.dumps({"id": "same", "text": text}).encode(),
                                             {"Content-Type": "application/json", **AUTH})
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)

        threads = [threading.Thread(target=add, args=(t,)) for t in (WIRE, LOCAL)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(statuses) == [201, 409]
    stored = open_store(database).list()
    assert [s.id for s in stored] == ["same"] and stored[0].article in (WIRE, LOCAL)


def test_a_replica_sees_another_replicas_change_within_the_sync_interval(database):
    """Two app instances on one store, as two replicas: what one adds or removes, the other
    uses after its next sync (FACTCHECK_SYNC_SECONDS)."""
    one = _app(database, SYNC_SECONDS=0.2).test_client()
    two = _app(database, SYNC_SECONDS=0.2).test_client()
    assert "wire" not in [s["id"] for s in two.get("/v1/sources").json]
    assert one.post("/v1/sources", json={"id": "wire", "text": WIRE}, headers=AUTH).status_code == 201
    time.sleep(0.25)
    assert "wire" in [s["id"] for s in two.get("/v1/sources").json]
    report = two.post("/v1/compare", json={"text": "Storm Elena killed 20 people in Varna.", "source": "wire"}).json
    assert report["summary"]["contradictions"] == 1
    assert one.delete("/v1/sources/wire", headers=AUTH).status_code == 204
    time.sleep(0.25)
    assert two.get("/v1/sources/wire").status_code == 404


def test_checking_against_several_chosen_sources(database):
    catalog = Catalog.load(database=database)
    catalog.add(_meta("wire"), WIRE)
    report = catalog.checker.check("Storm Elena killed 20 people in Varna.", sources=["seed-article", "wire"])
    assert report.reference == "wire" and report.summary.contradictions == 1
    with pytest.raises(InputError, match="unknown source 'nope'"):
        catalog.checker.check("Storm Elena killed 20 people.", sources=["wire", "nope"])


# --- nothing lost: writes killed at random points -----------------------------------------------

TRIES = 200


def _writer(database: str, seed: int) -> None:
    """Add, replace and remove sources for ever (until killed): each row's columns agree with
    each other, so a half-written one would show."""
    store = open_store(database)
    rng = random.Random(seed)
    while True:
        sid = f"s{rng.randrange(5)}"
        if rng.random() < 0.2:
            try:
                store.remove(sid, by="writer")
            except InputError:
                pass
            continue
        article = " ".join(rng.choice(["storm", "Varna", "killed", "12", "people", "Tuesday"]) for _ in range(rng.randrange(20, 400))) + "."
        digest = hashlib.sha256(article.encode()).hexdigest()
        store.add(SourceMeta(id=sid, title=f"t-{digest[:12]}"), article, None, len(article) % 97, by="writer", replace=True)


def _whole(database: str) -> int:
    sources = open_store(database).list()
    for s in sources:
        digest = hashlib.sha256(s.article.encode()).hexdigest()
        assert s.meta.title == f"t-{digest[:12]}" and s.claims == len(s.article) % 97, s.id
    return len(sources)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked writer")
def test_a_write_killed_at_any_point_leaves_whole_sources(database):
    _whole(database)                # creates nothing; and the tables are made by the first write
    rng = random.Random(1)
    store = open_store(database)
    for attempt in range(TRIES):
        before = store.generation()
        pid = os.fork()
        if pid == 0:                # the child writes until it is killed
            try:
                _writer(database, attempt)
            finally:
                os._exit(0)
        deadline = time.monotonic() + 30
        while store.generation() == before and time.monotonic() < deadline:
            time.sleep(0.001)       # the writer is connected and writing: now kill it at a random point
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        _whole(database)
    assert store.generation() >= TRIES          # every writer wrote before it was killed
    catalog = Catalog.load(database=database)              # and the service loads what is left
    assert {s.origin for s in catalog.summaries()} >= {"bundled"}


# --- checking against all sources ---------------------------------------------------------------

def test_sources_that_disagree_make_a_conflict_and_those_that_agree_one_finding(database):
    catalog = _wire_and_local(database)
    report = catalog.checker.check("Storm Elena killed 12 people in Varna on Tuesday. "
                                   "Mayor Ivan Petrov said power would take two weeks to restore.")
    conflict, agreement = report.findings
    assert conflict.kind == "conflict" and report.summary.conflicts == 1
    assert [(s.source, s.verdict, s.published) for s in conflict.sides] == [
        ("local", "contradiction", "2026-12-01"), ("wire", "agreement", "2026-11-30")]
    assert conflict.rules[0].found.text == "12 people" and conflict.rules[0].reference.text == "15 people"
    assert agreement.kind == "agreement" and {agreement.claim.source} | {c.source for c in agreement.also} == {"wire", "local"}
    # 20 against 15 and against 12: a contradiction of each, not one "saying the same"
    wrong = catalog.checker.check("Storm Elena killed 20 people in Varna on Tuesday.")
    assert sorted((f.kind, f.claim.source, f.rules[0].reference.text, len(f.also)) for f in wrong.findings) == [
        ("contradiction", "local", "15 people", 0), ("contradiction", "wire", "12 people", 0)]
    # choosing one source is a check against it alone: no conflict
    assert [f.kind for f in catalog.checker.check("Storm Elena killed 12 people in Varna on Tuesday.", source="wire").findings] == ["agreement"]


def test_a_conflict_in_the_linter_outputs(database, tmp_path, cli):
    catalog = _wire_and_local(database)
    draft = tmp_path / "draft.txt"
    draft.write_text("Storm Elena killed 12 people in Varna on Tuesday.\n")
    env = {**os.environ, "FACTCHECK_DATABASE_URL": database}
    run = cli("check", "--color", "never", draft, env=env)
    assert run.returncode == 1, run.stderr.decode()          # a conflict fails like a contradiction
    line = run.stdout.decode().splitlines()[0]
    assert line.startswith(f"{draft}:1:20: conflict between sources: contradicts local (2026-12-01, local.s01.strike-elena); "
                           "agrees with wire (2026-11-30, wire.s01.hit-elena): The reference gives 15 people; this says 12."), line
    sarif = json.loads(cli("check", "--format", "sarif", draft, env=env).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["level"] == "warning" and [s["source"] for s in result["properties"]["sides"]] == ["local", "wire"]


def _http(method: str, url: str, body: dict | None = None, headers: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data, {"Content-Type": "application/json", **(headers or {})}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_the_readme_walk_through_on_a_real_server(database, cli):
    """What the README says, on `factcheck serve` with two workers: start it with a key, add two
    references over HTTP, check a draft against one (on whichever worker), list the conflicts
    with the CLI, and see the add without a key refused."""
    from .test_server import start_server, stop_server
    env = {"FACTCHECK_API_KEYS": f"desk={KEY}", "FACTCHECK_DATABASE_URL": database, "FACTCHECK_SYNC_SECONDS": "0.2"}
    base, proc = start_server("--workers", "2", env=env)
    try:
        assert _http("POST", f"{base}/v1/sources", {"id": "wire", "text": WIRE, "published": "2026-11-30"}, AUTH)[0] == 201
        assert _http("POST", f"{base}/v1/sources", {"id": "local", "text": LOCAL, "published": "2026-12-01"}, AUTH)[0] == 201
        time.sleep(0.3)           # each worker looks at the store again after FACTCHECK_SYNC_SECONDS
        for _ in range(4):        # several requests, so that both workers answer some
            status, report = _http("POST", f"{base}/v1/compare", {"text": "Storm Elena killed 20 people in Varna.", "source": "wire"})
            assert status == 200 and [f["kind"] for f in report["findings"]] == ["contradiction"], report
        run = cli("sources", "conflicts", "--format", "json", env={**os.environ, "FACTCHECK_DATABASE_URL": database})
        assert run.returncode == 1, run.stderr.decode()
        [conflict] = json.loads(run.stdout)
        assert (conflict["sources"], conflict["slot"], conflict["values"]) == (["local", "wire"], "numeric", ["15 people", "12 people"])
        status, problem = _http("POST", f"{base}/v1/sources", {"id": "other", "text": WIRE})
        assert status == 401 and problem["type"] == "/problems/unauthorized"
        assert "other" not in [s["id"] for s in _http("GET", f"{base}/v1/sources")[1]]
    finally:
        stop_server(proc)


def test_sides_are_newest_first_by_instant_not_by_spelling(database):
    catalog = Catalog.load(database=database)
    catalog.add(_meta("wire", published="2026-11-30T20:00:00-08:00"), WIRE)       # 1 December, 04:00 UTC
    catalog.add(_meta("local", published="2026-12-01T02:00:00Z"), LOCAL)
    [conflict] = catalog.checker.check("Storm Elena killed 12 people in Varna on Tuesday.").findings
    assert [s.source for s in conflict.sides] == ["wire", "local"]


def test_chosen_sources_are_all_kept_however_little_the_text_says_of_one(database):
    catalog = Catalog.load(database=database)
    catalog.add(_meta("wire"), WIRE + "The port of Varna reopened to ships on Friday.\n")
    catalog.add(_meta("visit"), "Bulgarian Prime Minister Rosen Zhelyazkov visited Burgas hospital on Thursday.\n")
    draft = WIRE + "The port of Varna reopened to ships on Friday.\nBulgarian Prime Minister Rosen Zhelyazkov visited Burgas hospital on Monday."
    report = catalog.checker.check(draft, sources=["wire", "visit"])
    assert [(f.kind, f.claim.source) for f in report.findings if f.kind == "contradiction"] == [("contradiction", "visit")]


def test_a_lone_surrogate_in_a_review_is_refused_and_stores_nothing(database, tmp_path, cli):
    client = _app(database).test_client()
    response = client.post("/v1/sources", data=json.dumps({"id": "x", "text": WIRE, "review": {"statements": {"x.s01.kill-elena": "bad \ud800"}}}),
                           content_type="application/json", headers=AUTH)
    assert response.status_code == 422 and response.json["errors"][0]["pointer"] == "/review/statements/x.s01.kill-elena"
    review = tmp_path / "review.json"
    review.write_text('{"statements": {"x.s01.kill-elena": "bad \\ud800 here"}}')
    article = tmp_path / "x.txt"
    article.write_text(WIRE)
    run = cli("sources", "add", article, "--review", review, env={**os.environ, "FACTCHECK_DATABASE_URL": database})
    assert run.returncode == 2 and "lone surrogate" in run.stderr.decode() and "Traceback" not in run.stderr.decode()
    assert open_store(database).list() == []


def test_a_store_that_goes_away_leaves_the_loaded_sources_in_use(tmp_path):
    database = tmp_path / "sources.db"
    one, two = _app(str(database)).test_client(), _app(str(database)).test_client()
    assert one.post("/v1/sources", json={"id": "wire", "text": WIRE}, headers=AUTH).status_code == 201
    assert "wire" in [s["id"] for s in two.get("/v1/sources").json]
    database.rename(tmp_path / "elsewhere.db")          # an unmounted volume
    assert "wire" in [s["id"] for s in two.get("/v1/sources").json]
    database.mkdir()                                     # worse: a folder in its place
    added = one.post("/v1/sources", json={"id": "other", "text": LOCAL}, headers=AUTH)
    assert added.status_code == 503 and added.json["type"] == "/problems/store-unavailable" and added.headers["Retry-After"]
    assert two.post("/v1/compare", json={"text": "Storm Elena killed 20 people in Varna.", "source": "wire"}).status_code == 200


def test_a_read_only_store_is_read(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    Catalog.load(database=str(folder / "sources.db")).add(_meta("wire"), WIRE)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root writes into a read-only folder")
        assert "wire" in Catalog.load(database=str(folder / "sources.db")).checker.source_ids
    finally:
        folder.chmod(0o755)


def test_a_stored_source_hidden_by_a_bundled_one_can_be_removed(database, tmp_path):
    from factcheck.paths import data_dir
    store = open_store(database)
    store.add(SourceMeta(id="seed-article", title="old copy"), WIRE, None, 2, by="before")
    catalog = Catalog.load(database=store)
    assert catalog.show("seed-article").origin == "bundled"          # the bundled one is used
    catalog.remove("seed-article")
    assert store.list() == [] and "seed-article" in catalog.checker.source_ids
    with pytest.raises(ReadOnlySource):
        catalog.remove("seed-article")


def test_conflicts_with_a_bundled_source_are_listed_once_by_its_own_claim(database):
    catalog = Catalog.load(database=database)
    catalog.add(_meta("alt"), "Following his discussion with President Putin, President Trump held a 45-minute "
                              "conversation with Ukrainian President Volodymyr Zelensky.\n")
    conflicts = [c for c in find_conflicts(catalog.checker) if "alt" in c.sources]
    assert len(conflicts) == 1, conflicts
    [bundled] = [c for c in conflicts[0].claims if c.source == "seed-article"]
    assert bundled.id in catalog.checker.hand_claim_refs


def test_a_conflict_can_be_suppressed(database, tmp_path, cli):
    catalog = _wire_and_local(database)
    draft = tmp_path / "draft.txt"
    draft.write_text("Storm Elena killed 12 people in Varna on Tuesday.\n")
    env = {**os.environ, "FACTCHECK_DATABASE_URL": database}
    suppressions = tmp_path / "suppressions.json"
    assert cli("suppress", draft, "--suppressions", suppressions, "--reason", "local is wrong", env=env).returncode == 0
    run = cli("check", "--color", "never", draft, "--suppressions", suppressions, env=env)
    assert run.returncode == 0 and "1 agreement" in run.stdout.decode(), run.stdout.decode()


def test_a_claims_file_edited_by_hand_is_not_overwritten_without_force(tmp_path, cli):
    article = tmp_path / "wire.txt"
    article.write_text(WIRE)
    out = tmp_path / "wire.claims.json"
    assert cli("extract", article, "-o", out).returncode == 0
    assert cli("extract", article, "-o", out).returncode == 0          # the same content again: nothing to lose
    edited = out.read_text().replace("Storm Elena", "Storm ELENA")
    out.write_text(edited)
    refused = cli("extract", article, "-o", out)
    assert refused.returncode == 2 and "--force" in refused.stderr.decode() and out.read_text() == edited
    assert cli("extract", article, "-o", out, "--force").returncode == 0 and out.read_text() != edited


def test_the_pytest_helpers_see_conflicts_and_grouped_claims(database):
    from factcheck.testing import assert_contradicts, assert_no_contradictions
    catalog = _wire_and_local(database)
    draft = "Storm Elena killed 12 people in Varna on Tuesday."
    with pytest.raises(AssertionError, match="expected no contradiction"):
        assert_no_contradictions(draft, checker=catalog.checker)
    [conflict] = assert_contradicts(draft, claim="local.s01.strike-elena", checker=catalog.checker)
    assert conflict.kind == "conflict"

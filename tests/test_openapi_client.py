"""A Python client generated from GET /openapi.json (openapi-python-client) talks to the real
service: the document is good enough for the generators people use."""
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.web import create_app

from .conftest import live_server

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.fixture(scope="module")
def base_url():
    with live_server(create_app()) as url:
        yield url


@pytest.fixture(scope="module")
def generated(tmp_path_factory, base_url):
    import httpx
    folder = tmp_path_factory.mktemp("client")
    (folder / "openapi.json").write_text(json.dumps(httpx.get(base_url + "/openapi.json").json()))
    (folder / "config.yaml").write_text("post_hooks: []\n")
    run = subprocess.run([str(GENERATOR), "generate", "--path", str(folder / "openapi.json"), "--config", str(folder / "config.yaml"),
                          "--meta", "none", "--output-path", str(folder / "factcheck_client")],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    # every model the API returns is generated (a duplicated title once made it drop Report)
    assert "removal of" not in run.stdout, run.stdout
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("factcheck_client")
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == "factcheck_client" or m.startswith("factcheck_client.")]:
            del sys.modules[name]


def test_a_generated_client_checks_a_draft_and_pages_the_claims(generated, base_url):
    compare, list_claims, get_rule = (importlib.import_module(f"factcheck_client.api.default.{name}")
                                      for name in ("compare", "list_claims", "get_rule"))
    models = importlib.import_module("factcheck_client.models")
    client = generated.Client(base_url=base_url)
    report = compare.sync(client=client, body=models.CheckRequest(text="Trump held a 60-minute call with Zelensky."))
    assert isinstance(report, models.Report)
    assert report.summary.contradictions == 1
    hit = report.findings[0].rules[0]
    assert (hit.found.text, hit.reference.text) == ("60-minute", "90-minute")
    first = list_claims.sync(client=client, limit=50)
    rest = list_claims.sync(client=client, limit=50, cursor=first.next_cursor)
    assert isinstance(first, models.ClaimPage) and len(first.claims) + len(rest.claims) == 93 and not rest.next_cursor
    assert isinstance(get_rule.sync(client=client, rule_id="nope"), models.Problem)

"""pytest plugin (entry point `pytest11`): the `factchecker` fixture and reference-data options.

Installing factcheck is enough; tests use `factcheck.testing`'s helpers with the fixture:

    def test_known_error(factchecker):
        assert_contradicts("Trump held a 60-minute call with Zelensky.", claim="zelensky-call.duration")
"""
from __future__ import annotations

import pytest

from . import testing


def pytest_addoption(parser):
    group = parser.getgroup("factcheck", "fact-checking against a reference article")
    group.addoption("--factcheck-seeds", metavar="DIR", help="claims directory for the factchecker fixture (default: bundled)")
    group.addoption("--factcheck-rules", metavar="DIR", help="rules directory for the factchecker fixture (default: bundled)")
    parser.addini("factcheck_seeds", "claims directory for the factchecker fixture", default="")
    parser.addini("factcheck_rules", "rules directory for the factchecker fixture", default="")


def _setting(config, name: str):
    value = config.getoption(f"factcheck_{name}") or config.getini(f"factcheck_{name}")
    if not value:
        return None
    path = config.rootpath / value if not str(value).startswith("/") else value
    return str(path)


def pytest_configure(config):
    testing.configure(_setting(config, "seeds"), _setting(config, "rules"))


@pytest.fixture(scope="session")
def factchecker(pytestconfig):
    """The loaded checker (claims, rules, lexicons), shared by the whole session."""
    return testing.default_checker()

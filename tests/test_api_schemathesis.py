"""schemathesis against /openapi.json, in process: no server errors, responses conform."""
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from factcheck.web import create_app

# with a key, so that adding and removing sources is exercised (and a request without it is a
# 401); on a store of its own, which the sources it adds do not leave
KEY = "schemathesis-key-0123456789"
STORE = Path(tempfile.mkdtemp(prefix="factcheck-schemathesis-")) / "sources.db"
schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app({"DATABASE_URL": str(STORE), "API_KEYS": {"schemathesis": KEY}}))
# valid requests must be accepted, invalid ones rejected with a 4xx
schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    # An added source is also refused for what no schema can say (an article with no checkable
    # claim, a review naming claims its extraction does not give): a 422 there is not a valid
    # request rejected. Its documented statuses are still checked.
    semantic = case.method.upper() == "POST" and case.path == "/v1/sources"
    response = case.call_and_validate(headers={"Authorization": f"Bearer {KEY}"},
                                      excluded_checks=[positive_data_acceptance] if semantic else None)
    if semantic:
        assert response.status_code in (201, 400, 401, 409, 413, 415, 422), response.text

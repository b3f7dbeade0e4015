"""schemathesis against /openapi.json, in process: no server errors, responses conform."""
import schemathesis
from hypothesis import HealthCheck, settings

from factcheck.web import create_app

schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app())
# valid requests must be accepted, invalid ones rejected with a 4xx
schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate()

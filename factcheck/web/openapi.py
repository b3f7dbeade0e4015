"""The OpenAPI 3.1 document of the service, built from the JSON Schemas in schemas/.

OpenAPI 3.1 speaks JSON Schema 2020-12, so the checked-in schemas are used as they are:
their `$defs` move to `components/schemas` and their references follow.
"""
from __future__ import annotations

import copy

from .. import __version__, schemas
from .problems import PROBLEM_JSON, TYPES

DEFAULT_PAGE, MAX_PAGE = 100, 1000      # GET /v1/claims

# component name -> schema file
COMPONENTS = {"CheckRequest": "request", "Report": "report", "Claim": "claim", "ClaimPage": "claim-page", "Source": "source",
              "SourceSummary": "source-summary", "SourceAdd": "source-add", "RuleInfo": "rule-info",
              "Health": "health", "Problem": "problem"}


def _rewrite(node, defs_prefix: str = "#/$defs/"):
    if isinstance(node, dict):
        return {k: (v.replace(defs_prefix, "#/components/schemas/") if k == "$ref" and isinstance(v, str) else _rewrite(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


def components() -> dict:
    """Every schema once, each titled with its component name: a schema file's own model that
    another file also carries as a `$def` (the report's ClaimRef is the Claim component) is one
    component, so that client generators, which key models by title, keep both."""
    out: dict = {}
    for name, file in COMPONENTS.items():
        schema = copy.deepcopy(schemas.load(file))
        for def_name, sub in schema.pop("$defs", {}).items():
            sub = _rewrite(sub)
            if def_name in out and out[def_name] != sub:
                raise ValueError(f"schema {def_name!r} differs between schema files")
            out[def_name] = sub
        schema.pop("$schema", None)
        schema.pop("$id", None)
        out[name] = _rewrite(schema)
    aliases = {d: name for name in COMPONENTS for d, sub in out.items()
               if d not in COMPONENTS and sub == out[name]}
    out = {k: _retarget(v, aliases) for k, v in out.items() if k not in aliases}
    for name, sub in out.items():
        sub["title"] = name
    return out


def _retarget(node, aliases: dict[str, str]):
    if isinstance(node, dict):
        return {k: (f"#/components/schemas/{aliases[v.rsplit('/', 1)[1]]}"
                    if k == "$ref" and isinstance(v, str) and v.rsplit("/", 1)[1] in aliases else _retarget(v, aliases))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_retarget(v, aliases) for v in node]
    return node


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _problem(description: str) -> dict:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": _ref("Problem")}}}


def _ok(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _get_one(operation: str, summary: str, parameter: str, component: str, noun: str, errors: dict) -> dict:
    """GET of one resource by its id in the path: the resource, or a 404 problem."""
    return {"get": {"operationId": operation, "summary": summary,
                    "parameters": [{"name": parameter, "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": _ok(_ref(component), f"The {noun}"), "404": _problem(f"No such {noun}"), **errors}}}


def document(sources: list[str] | None = None) -> dict:
    """The document; `sources` (the loaded reference sources) narrows `source` to them."""
    errors = {"default": _problem("An error (RFC 9457 problem details)")}
    source_schema = {"type": "string", "enum": sorted(sources)} if sources else {"type": "string"}
    doc = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": schemas.DIALECT,
        "info": {"title": "factcheck", "version": __version__,
                 "description": "Check an article against the canonical claims of a reference article: "
                                "agreements, contradictions, new claims and omitted reference claims."},
        "paths": {
            "/v1/compare": {"post": {
                "operationId": "compare",
                "summary": "Check an article against the reference",
                "parameters": [{"name": "source", "in": "query", "required": False, "schema": source_schema,
                                "description": "the reference source to check against (a JSON body's own `source` takes precedence)"}],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("CheckRequest")},
                    "text/plain": {"schema": {"type": "string", "minLength": 1, "pattern": "\\S"}},
                }},
                "responses": {
                    "200": _ok(_ref("Report"), "The report (same as `factcheck check --format json`)"),
                    "400": _problem("Malformed JSON or undecodable bytes"),
                    "408": _problem("The body did not arrive in time"),
                    "413": _problem("Body over the size limit, or too many sentences"),
                    "415": _problem("Unsupported content type, charset or content coding"),
                    "422": _problem("Body breaks the request schema, or the check ran over its time"),
                    "503": _problem("At capacity: retry after the Retry-After header's seconds"),
                    **errors,
                }}},
            "/v1/claims": {"get": {
                "operationId": "listClaims", "summary": "The canonical claims with their evidence",
                "parameters": [{"name": "source", "in": "query", "required": False, "schema": source_schema,
                                "description": "only the claims of this reference source"},
                               {"name": "limit", "in": "query", "required": False,
                                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_PAGE},
                                "description": "claims per page"},
                               {"name": "cursor", "in": "query", "required": False, "schema": {"type": "string"},
                                "description": "the previous page's next_cursor: the page holds the claims after this id"}],
                "responses": {"200": _ok(_ref("ClaimPage"), "A page of claims, in id order"),
                              "422": _problem("A limit out of range, or an unknown source"), **errors}}},
            "/v1/claims/{claim_id}": _get_one("getClaim", "One canonical claim", "claim_id", "Claim", "claim", errors),
            "/v1/sources": {
                "get": {
                    "operationId": "listSources", "summary": "The loaded references, bundled and added",
                    "responses": {"200": _ok({"type": "array", "items": _ref("SourceSummary")}, "Every reference"), **errors}},
                "post": {
                    "operationId": "addSource", "summary": "Add a reference article; its claims are extracted on the server",
                    "security": [{"bearer": []}],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("SourceAdd")}}},
                    "responses": {
                        "201": {**_ok(_ref("SourceSummary"), "Added: the source and its claim count"),
                                "headers": {"Location": {"schema": {"type": "string"}, "description": "the new source's URL"}}},
                        "400": _problem("Malformed JSON or undecodable bytes"),
                        "401": _problem("No API key, or one that is not valid"),
                        "403": _problem("Changing sources is off: no API key is configured"),
                        "408": _problem("The body did not arrive in time"),
                        "409": _problem("A source with this id exists, or the id is a bundled source's"),
                        "413": _problem("Body over the size limit, or too many sentences"),
                        "415": _problem("Not application/json, or an unsupported charset"),
                        "422": _problem("Body breaks the schema, an article with no checkable claim, or a review that does not fit its claims"),
                        "503": _problem("The source store cannot be used now (Retry-After)"),
                        **errors}}},
            "/v1/sources/{source_id}": {
                **_get_one("getSource", "One reference: what it is, its article and claims", "source_id", "Source",
                           "reference", errors),
                "delete": {
                    "operationId": "removeSource", "summary": "Remove an added reference",
                    "security": [{"bearer": []}],
                    "parameters": [{"name": "source_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"204": {"description": "Removed"},
                                  "401": _problem("No API key, or one that is not valid"),
                                  "403": _problem("Changing sources is off: no API key is configured"),
                                  "404": _problem("No such source"),
                                  "409": _problem("A bundled source, which is read-only"),
                                  "503": _problem("The source store cannot be used now (Retry-After)"), **errors}}},
            "/v1/rules": {"get": {
                "operationId": "listRules", "summary": "The rules with their examples",
                "responses": {"200": _ok({"type": "array", "items": _ref("RuleInfo")}, "Every rule"), **errors}}},
            "/v1/rules/{rule_id}": _get_one("getRule", "One rule: what it compares, its messages and examples", "rule_id",
                                            "RuleInfo", "rule", errors),
            "/healthz": {"get": {
                "operationId": "health", "summary": "Liveness and the loaded data's version",
                "responses": {"200": _ok(_ref("Health"), "Alive"), **errors}}},
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document",
                "responses": {"200": _ok({"type": "object"}, "OpenAPI 3.1 document"), **errors}}},
            "/problems/{slug}": {"get": {
                "operationId": "problemType", "summary": "What a problem type means",
                "parameters": [{"name": "slug", "in": "path", "required": True,
                                "schema": {"type": "string", "enum": sorted(TYPES)}}],
                "responses": {"200": _ok({"type": "object"}, "The problem type"), "404": _problem("Unknown problem type"), **errors}}},
        },
        "components": {"schemas": components(),
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "a key of FACTCHECK_API_KEYS"}}},
    }
    if sources:
        doc["components"]["schemas"]["CheckRequest"]["properties"]["source"] = {
            "anyOf": [source_schema, {"type": "null"}], "default": None,
            "description": "check against this source only (default: the one the text is about)"}
        listed = doc["components"]["schemas"]["CheckRequest"]["properties"]["sources"]
        listed["anyOf"][0]["items"] = source_schema
    return doc

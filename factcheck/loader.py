"""Read a data file: JSON -> JSON Schema validation -> pydantic model, errors with path and pointer."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

import jsonschema
from pydantic import BaseModel, ValidationError

from . import schemas
from .errors import DataError, SchemaError

M = TypeVar("M", bound=BaseModel)


def read_json(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot read: {exc}") from None
    return parse_json(text, path)


def parse_json(text: str, path):
    """JSON text read from `path` (a file, or what names where the text came from)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(path, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise SchemaError(path, "invalid JSON: nested too deeply to read") from None
    except ValueError as exc:          # a number of more than 4,300 digits
        raise SchemaError(path, f"invalid JSON: {exc}") from None


def pointer(parts) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts) if parts else ""


def validate(data, schema_name: str, path: Path) -> None:
    """Raise SchemaError for the most relevant violation of schema `schema_name`."""
    validator = jsonschema.Draft202012Validator(schemas.load(schema_name))
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise SchemaError(path, error.message, pointer(error.absolute_path))


def load_model(path: Path, schema_name: str, model: type[M]) -> M:
    return load_data(read_json(path), path, schema_name, model)


def load_data(data, path, schema_name: str, model: type[M]) -> M:
    """JSON data validated by schema `schema_name`, then as `model`; errors name `path`."""
    validate(data, schema_name, path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:  # the schema and the model disagree: still a data error
        first = exc.errors()[0]
        raise SchemaError(path, first["msg"], pointer(first["loc"])) from None

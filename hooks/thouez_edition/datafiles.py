"""Read a YAML data file with the line of every value, and check it against its JSON Schema.

Every problem is reported as a `Problem` naming the file, the line, the entry and the field, so
that an editor can go straight to it. Nothing here raises anything but `DataError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .errors import DataError, Problem

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed data file: its plain Python value and the line where each value starts."""

    display_path: str
    data: Any
    lines: dict[JsonPath, int] = field(repr=False)

    def line(self, path: JsonPath) -> int | None:
        """The line of the value at `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def read_yaml(path: Path, display_path: str) -> YamlDocument:
    """Parse `path`; a syntax error or a repeated key is a `DataError` with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError([Problem(display_path, None, "", "", f"cannot be read ({error.strerror})")]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise DataError([Problem(display_path, line, "", "", f"is not valid YAML: {problem}")]) from None
    lines: dict[JsonPath, int] = {}
    problems: list[Problem] = []
    data = _to_python(root, (), lines, problems, display_path) if root is not None else None
    if problems:
        raise DataError(problems)
    return YamlDocument(display_path, data, lines)


def _to_python(
    node: yaml.Node,
    path: JsonPath,
    lines: dict[JsonPath, int],
    problems: list[Problem],
    display_path: str,
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in result:
                problems.append(
                    Problem(display_path, key_node.start_mark.line + 1, field_path(path), str(key),
                            "is given twice in the same entry; expected each field once")
                )
                continue
            result[key] = _to_python(value_node, (*path, key), lines, problems, display_path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*path, index), lines, problems, display_path)
            for index, item in enumerate(node.value)
        ]
    return _construct_scalar(node)


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    """Resolve a scalar exactly as `yaml.safe_load` would (ints, booleans, null, strings)."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def field_path(path: JsonPath) -> str:
    """`("relations", 0, "target")` reads as `relations[0].target`."""
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


# --- schema validation --------------------------------------------------------------------

EntryNamer = Callable[[Any, JsonPath], tuple[str, str]]


def list_entry_namer(key: str = "id") -> EntryNamer:
    """For a file that is a list of entries: name each by its `key` (or its position), then the field."""

    def name(data: Any, path: JsonPath) -> tuple[str, str]:
        if not path:
            return "", ""
        index = path[0]
        item = data[index] if isinstance(data, list) and isinstance(index, int) and index < len(data) else None
        label = item.get(key) if isinstance(item, dict) else None
        return (label if isinstance(label, str) else f"[{index}]"), field_path(path[1:])

    return name


def schema_validator(schema_dir: Path, name: str) -> jsonschema.Draft202012Validator:
    """A validator for `schema_dir/name`, resolving references to the other schemas beside it."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in schema_dir.glob("*.json")}
    registry = Registry().with_resources(
        (schema.get("$id", file_name), DRAFT202012.create_resource(schema)) for file_name, schema in schemas.items()
    )
    return jsonschema.Draft202012Validator(schemas[name], registry=registry)


def check_schema(
    document: YamlDocument, validator: jsonschema.Draft202012Validator, name_entry: EntryNamer
) -> list[Problem]:
    """Every way `document` breaks its schema, each with its line, entry, field and expectation."""
    problems = []
    for error in validator.iter_errors(document.data):
        path: JsonPath = tuple(error.absolute_path)
        field_name = ""
        if error.validator == "required":
            field_name = _missing_property(error)
        entry, field_path = name_entry(document.data, path)
        field_label = ".".join(part for part in (field_path, field_name) if part)
        problems.append(
            Problem(document.display_path, document.line(path), entry, field_label, explain(error))
        )
    return problems


def _missing_property(error: jsonschema.ValidationError) -> str:
    # jsonschema words this as "'name' is a required property".
    return str(error.message).split("'")[1] if "'" in error.message else ""


def explain(error: jsonschema.ValidationError) -> str:
    """Say what is wrong and what was expected, in an editor's words rather than jsonschema's."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected = schema.get("description")
    value = error.instance
    kind = error.validator
    if kind == "required":
        name = _missing_property(error)
        sub = schema.get("properties", {}).get(name, {})
        hint = sub.get("description") if isinstance(sub, dict) else None
        return f"is missing; expected {hint}" if hint else "is missing; this field is required"
    if kind == "type":
        wanted = error.validator_value
        wanted_text = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return f"is {_describe(value)}; expected {expected or _article(wanted_text)}"
    if kind == "enum":
        options = ", ".join(json.dumps(option, ensure_ascii=False) for option in error.validator_value)
        return f"is {_describe(value)}; expected one of {options}"
    if kind == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        extra = sorted(set(value) - set(schema.get("properties", {}))) if isinstance(value, dict) else []
        return f"has unknown field {', '.join(extra) or '?'}; expected only {allowed}"
    if kind in {"pattern", "format"}:
        return f"is {_describe(value)}; expected {expected or f'a value matching {error.validator_value}'}"
    if kind in {"minLength", "minItems"}:
        return f"is empty; expected {expected or 'a value'}"
    if kind in {"minimum", "maximum"}:
        return f"is {_describe(value)}; expected {expected or f'{kind} {error.validator_value}'}"
    if kind == "uniqueItems":
        return "repeats an item; expected each item once"
    return f"{error.message}" + (f"; expected {expected}" if expected else "")


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _article(type_name: str) -> str:
    return {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
            "boolean": "true or false", "number": "a number", "null": "nothing"}.get(type_name, f"a {type_name}")

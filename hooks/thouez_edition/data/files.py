"""Read a YAML data file safely, with the line of every value, and check it against its JSON Schema.

Reading is safe whatever the file holds: bytes that are not UTF-8, YAML tags, repeated keys,
keys that are lists, recursive anchors and aliases that expand without end are all reported as
problems, never as a traceback or a hung build. Every problem is a `Problem` naming the file,
the line, the entry (by its id where it has one) and the field, and saying what was expected.
Nothing here raises anything but `DataError`.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import referencing.exceptions
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from thouez_edition.errors import DataError, Problem
from thouez_edition.urls import FORMAT as URL_FORMAT
from thouez_edition.urls import url_problem

JsonPath = tuple[str | int, ...]
# The formats the schemas name beyond JSON Schema's own: checked here, described there for editors.
DATE_FORMAT = "calendar-date"

# Bounds that no edition file comes near: an alias bomb or a runaway file stops with a message.
MAX_FILE_BYTES = 5_000_000
MAX_ALIASES = 1_000
MAX_VALUES = 200_000
MAX_DEPTH = 40
# An id: a slug that is safe in a URL, a file name, an HTML id and a BibTeX key.
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64


@dataclass(frozen=True)
class Finding:
    """Something wrong seen while reading, at a path; named by the file's entries once all is read."""

    path: JsonPath
    line: int
    message: str


@dataclass(frozen=True)
class YamlDocument:
    """A parsed data file: its plain Python value, the line where each value starts, and what
    was wrong with it as YAML (repeated keys, tags, characters that are not text)."""

    display_path: str
    data: Any
    lines: dict[JsonPath, int] = field(repr=False)
    findings: tuple[Finding, ...] = ()

    def line(self, path: JsonPath) -> int | None:
        """The line of the value at `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def read_yaml(path: Path, display_path: str) -> YamlDocument:
    """Parse `path`; a file that cannot be read as YAML at all is a `DataError` with its line."""

    def fail(line: int | None, message: str) -> DataError:
        return DataError([Problem(display_path, line, "", "", message)])

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise fail(None, f"cannot be read ({error.strerror}); expected a YAML file at this place") from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(None, f"is {len(raw):,} bytes long; expected at most {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise fail(line, f"holds the byte 0x{raw[error.start]:02X} at column {column}, which is not "
                         "UTF-8; expected the file saved as UTF-8 text") from None
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise fail(line, f"holds the character U+{error.character:04X}, which YAML does not allow; "
                         "expected text without control characters") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "it cannot be parsed"
        raise fail(mark.line + 1 if mark else None,
                   f"is not valid YAML: {problem}; expected YAML like the file's other entries "
                   "(check the indentation, colons and quotes)") from None
    except _TooManyAliases as error:
        raise fail(error.line, f"uses more than {MAX_ALIASES} aliases; expected few or none") from None
    except RecursionError:
        raise fail(None, f"nests lists or mappings too deeply; expected at most {MAX_DEPTH} levels") from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return YamlDocument(display_path, None, {(): 1})
    reader = _Converter(loader.tags if loader else {})
    try:
        data = reader.convert(root, (), frozenset())
    except _TooLarge as error:
        raise fail(error.line, f"expands to more than {MAX_VALUES:,} values through its aliases; "
                               "expected each alias (*name) to stand for a small part of the file") from None
    except _TooDeep as error:
        raise fail(error.line, f"nests lists or mappings too deeply; expected at most {MAX_DEPTH} levels") from None
    return YamlDocument(display_path, data, reader.lines, tuple(reader.findings))


class _Bound(Exception):
    """A file went past one of the bounds; `line` is where."""

    def __init__(self, line: int | None) -> None:
        self.line = line


class _TooManyAliases(_Bound):
    pass


class _TooLarge(_Bound):
    pass


class _TooDeep(_Bound):
    pass


class _Loader(yaml.SafeLoader):
    """PyYAML's safe composer, remembering which nodes carried an explicit tag and counting aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.tags: dict[int, str] = {}
        self.alias_count = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise _TooManyAliases(event.start_mark.line + 1 if event.start_mark else None)
            return super().compose_node(parent, index)
        tag = getattr(event, "tag", None)
        node = super().compose_node(parent, index)
        if tag is not None:
            self.tags[id(node)] = tag
        return node


_SCALAR_TYPES = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                 "tag:yaml.org,2002:float"}


class _Converter:
    """Turns composed nodes into plain values, recording lines and findings, within the bounds."""

    def __init__(self, tags: dict[int, str]) -> None:
        self.tags = tags
        self.lines: dict[JsonPath, int] = {}
        self.findings: list[Finding] = []
        self.values = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def find(self, path: JsonPath, line: int, message: str) -> None:
        self.findings.append(Finding(path, line, message))

    def convert(self, node: yaml.Node, path: JsonPath, ancestors: frozenset[int]) -> Any:
        line = node.start_mark.line + 1
        self.values += 1
        if self.values > MAX_VALUES:
            raise _TooLarge(line)
        if len(path) > MAX_DEPTH:
            raise _TooDeep(line)
        self.lines[path] = line
        if id(node) in ancestors:
            self.find(path, line, "refers to itself through an alias; expected a value that ends")
            return None
        tag = self.tags.get(id(node))
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.find(path, line, f"carries the YAML tag {shown}; expected a plain value without a tag")
        inside = ancestors | {id(node)}
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    kind = "list" if isinstance(key_node, yaml.SequenceNode) else "mapping"
                    self.find(path, key_node.start_mark.line + 1, f"has a {kind} as a key; expected a field name")
                    continue
                key = key_node.value
                if key in result:
                    self.find((*path, key), key_node.start_mark.line + 1,
                              "is given twice in the same entry; expected each field once")
                    continue
                result[key] = self.convert(value_node, (*path, key), inside)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, index), inside) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode), "YAML's composer makes mappings, sequences and scalars"
        return self.scalar(node, path, line, tagged=tag is not None)

    def scalar(self, node: yaml.ScalarNode, path: JsonPath, line: int, tagged: bool) -> Any:
        """Resolve as `yaml.safe_load` would (ints, booleans, null), but keep dates as written."""
        value: Any = node.value
        if not tagged and node.tag in _SCALAR_TYPES:
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError):
                value = node.value
        if isinstance(value, str):
            bad = next((character for character in value if not _is_text(character)), None)
            if bad is not None:
                self.find(path, line, f"holds U+{ord(bad):04X}, which is not a character of text; expected "
                                      "text without control characters")
        return value


def _is_text(character: str) -> bool:
    if character in "\t\n":
        return True
    category = unicodedata.category(character)
    return category not in ("Cc", "Cs") and character not in "\ufffe\uffff"


def field_path(path: JsonPath) -> str:
    """`("relations", 0, "target")` reads as `relations[0].target`."""
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID_LENGTH and ID.match(value) is not None


# --- schemas ------------------------------------------------------------------------------------

EntryNamer = Callable[[Any, JsonPath], tuple[str, str]]


def list_entry_namer(key: str = "id") -> EntryNamer:
    """For a file that is a list of entries: name each by its `key` (or its position), then the field.

    An id is used only if it is a well-formed id, and any other key only if it is short text, so
    a message never repeats a long or hostile value as the entry's name.
    """

    def name(data: Any, path: JsonPath) -> tuple[str, str]:
        if not path:
            return "", ""
        index = path[0]
        item = data[index] if isinstance(data, list) and isinstance(index, int) and index < len(data) else None
        label = item.get(key) if isinstance(item, dict) else None
        if isinstance(label, str) and (is_id(label) if key == "id" else 0 < len(label) <= 40 and label.isprintable()):
            return label, field_path(path[1:])
        return f"[{index}]", field_path(path[1:])

    return name


FORMAT_CHECKER = jsonschema.FormatChecker(formats=())


@FORMAT_CHECKER.checks(URL_FORMAT, raises=ValueError)
def _check_url(value: object) -> bool:
    if isinstance(value, str):
        problem = url_problem(value)
        if problem:
            raise ValueError(problem)
    return True


@FORMAT_CHECKER.checks(DATE_FORMAT, raises=ValueError)
def _check_date(value: object) -> bool:
    """A year, or ISO dates (`2003-10`, `2003-10-16`, a range with `/`) that are in the calendar."""
    if isinstance(value, str):
        for part in value.split("/"):
            pieces = [int(piece) for piece in part.split("-") if piece.isdigit()]
            if len(pieces) >= 2:
                datetime.date(pieces[0], pieces[1], pieces[2] if len(pieces) > 2 else 1)
    return True


@dataclass(frozen=True)
class Schemas:
    """The JSON Schemas beside the data, each read and checked once per build."""

    display_dir: str
    schemas: Mapping[str, Any]
    problems: tuple[Problem, ...]

    def validator(self, name: str) -> jsonschema.Draft202012Validator:
        """The validator for `name`; a `DataError` naming the schema file if it cannot be had."""
        if name not in self.schemas:
            own = [problem for problem in self.problems if problem.file == f"{self.display_dir}/{name}"]
            raise DataError(own or [Problem(f"{self.display_dir}/{name}", None, "", "",
                                            "is missing; expected the JSON Schema of this data file")])
        registry = Registry().with_resources(
            (schema.get("$id", file_name), DRAFT202012.create_resource(schema))
            for file_name, schema in self.schemas.items()
        )
        return jsonschema.Draft202012Validator(self.schemas[name], registry=registry, format_checker=FORMAT_CHECKER)


def json_lines(text: str) -> dict[JsonPath, int]:
    """The line on which each value of a JSON document (valid JSON) begins, by its path."""
    newlines = [index for index, character in enumerate(text) if character == "\n"]
    lines: dict[JsonPath, int] = {}
    whitespace = re.compile(r"[ \t\n\r]*")
    string = re.compile(r'"(?:[^"\\]|\\.)*"')
    scalar = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")

    def skip(position: int) -> int:
        match = whitespace.match(text, position)
        return match.end() if match else position

    def value(position: int, path: JsonPath) -> int:
        position = skip(position)
        lines[path] = bisect.bisect_left(newlines, position) + 1
        opening = text[position]
        if opening in "{[":
            closing, index = "}]"["{[".index(opening)], 0
            position = skip(position + 1)
            while text[position] != closing:
                if opening == "{":
                    key = string.match(text, position)
                    assert key is not None, "a key of valid JSON is a string"
                    position = value(skip(key.end()) + 1, (*path, json.loads(key.group())))  # past the colon
                else:
                    position = value(position, (*path, index))
                    index += 1
                position = skip(position)
                if text[position] == ",":
                    position = skip(position + 1)
            return position + 1
        match = (string if opening == '"' else scalar).match(text, position)
        return match.end() if match else position + 1

    value(0, ())
    return lines


def _references(schema: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every `$ref` in a schema, with the path of its value."""
    if isinstance(schema, dict):
        for key, item in schema.items():
            if key == "$ref" and isinstance(item, str):
                yield (*path, key), item
            else:
                yield from _references(item, (*path, key))
    elif isinstance(schema, list):
        for index, item in enumerate(schema):
            yield from _references(item, (*path, index))


def _resolves(reference: str, here: Any, schemas: Mapping[str, Any]) -> bool:
    """Whether `reference` (`common.schema.json#/$defs/id`, `#/$defs/x`) leads to a schema."""
    resource, _, pointer = reference.partition("#")
    target = here if not resource else next(
        (schema for name, schema in schemas.items() if resource in (name, schema.get("$id"))), None)
    for part in filter(None, pointer.split("/")):
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            return False
    return isinstance(target, (dict, bool))


def load_schemas(schema_dir: Path, display_dir: str = "data/schemas") -> Schemas:
    """Read every `*.schema.json` in `schema_dir`; a file that is not valid JSON or not a valid
    schema, or that refers to a schema that is not there, is a problem of its own, and the data
    files it checks cannot be checked."""
    schemas: dict[str, Any] = {}
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(schema_dir.glob("*.json")):
        shown = f"{display_dir}/{path.name}"
        try:
            texts[path.name] = path.read_bytes().decode("utf-8")
            schema = json.loads(texts[path.name])
        except OSError as error:
            problems.append(Problem(shown, None, "", "", f"cannot be read ({error.strerror}); expected a JSON Schema"))
            continue
        except UnicodeDecodeError as error:
            problems.append(Problem(shown, path.read_bytes().count(b"\n", 0, error.start) + 1, "", "",
                                    "is not UTF-8 text; expected a JSON Schema saved as UTF-8"))
            continue
        except json.JSONDecodeError as error:
            problems.append(Problem(shown, error.lineno, "", "",
                                    f"is not valid JSON: {error.msg} at column {error.colno}; expected a JSON Schema"))
            continue
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            where = tuple(error.absolute_path)
            line = _nearest_line(json_lines(texts[path.name]), where)
            problems.append(Problem(shown, line, "", field_path(where),
                                    f"is not a valid JSON Schema: {_short(error.message)}; expected a schema "
                                    "of JSON Schema draft 2020-12"))
            continue
        if not isinstance(schema, dict):
            problems.append(Problem(shown, None, "", "", "is not a JSON object; expected a JSON Schema"))
            continue
        schemas[path.name] = schema
    broken = {name: [(where, reference) for where, reference in _references(schema)
                     if not _resolves(reference, schema, schemas)]
              for name, schema in schemas.items()}
    for name, references in broken.items():
        if references:
            del schemas[name]
            lines = json_lines(texts[name])
            problems += [Problem(f"{display_dir}/{name}", _nearest_line(lines, where), "", field_path(where),
                                 f"refers to {reference}, which no schema in {display_dir} defines; expected "
                                 "the name of a schema file there and the path of one of its definitions, "
                                 "such as common.schema.json#/$defs/id")
                         for where, reference in references]
    return Schemas(display_dir, schemas, tuple(problems))


def _nearest_line(lines: Mapping[JsonPath, int], path: JsonPath) -> int | None:
    """The line of the value at `path`, or of its nearest parent that has one."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# --- checking a document ------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    """What checking a document found: its problems, and the paths of the values its schema refused."""

    problems: list[Problem]
    error_paths: frozenset[JsonPath]

    @property
    def whole_file_invalid(self) -> bool:
        return () in self.error_paths

    def is_valid(self, path: JsonPath) -> bool:
        """Whether the value at `path` passed its schema, with everything in it and around it."""
        return not any(error[: len(path)] == path or path[: len(error)] == error for error in self.error_paths)


def check_document(
    document: YamlDocument, validator: jsonschema.Draft202012Validator, name_entry: EntryNamer
) -> Checked:
    """Every way `document` breaks its schema or YAML's rules for these files, each with its
    line, entry, field and expectation."""
    problems: list[Problem] = []
    error_paths: set[JsonPath] = set()
    for finding in document.findings:
        entry, field_label = name_entry(document.data, finding.path)
        problems.append(Problem(document.display_path, finding.line, entry, field_label, finding.message))
    # A tagged value was read as plain text: what its schema says about that text would only confuse.
    tagged = {finding.path for finding in document.findings if finding.message.startswith("carries the YAML tag")}
    try:
        errors = list(validator.iter_errors(document.data))
    except referencing.exceptions.Unresolvable as unresolvable:
        reference = getattr(unresolvable, "ref", str(unresolvable))
        return Checked([Problem(document.display_path, None, "", "",
                                f"cannot be checked: its schema refers to {reference}, which cannot be found; "
                                "expected the schemas in data/schemas to be complete")], frozenset({()}))
    for error in _most_specific(errors):
        path: JsonPath = tuple(error.absolute_path)
        if path in tagged:
            error_paths.add(path)
            continue
        error_paths.add(path)
        field_name = _missing_property(error) if error.validator == "required" else ""
        entry, field_label = name_entry(document.data, path)
        field_label = ".".join(part for part in (field_label, field_name) if part)
        problems.append(Problem(document.display_path, document.line(path), entry, field_label, explain(error)))
    return Checked(problems, frozenset(error_paths))


def schema_validator(schema_dir: Path, name: str) -> jsonschema.Draft202012Validator:
    """A validator for `schema_dir/name`, resolving references to the other schemas beside it."""
    return load_schemas(schema_dir).validator(name)


def check_schema(
    document: YamlDocument, validator: jsonschema.Draft202012Validator, name_entry: EntryNamer
) -> list[Problem]:
    return check_document(document, validator, name_entry).problems


def _most_specific(errors: list[jsonschema.ValidationError]) -> Iterator[jsonschema.ValidationError]:
    """A value that fails its format (a URL parsed and refused) also fails the pattern that
    stands for the format in editors: say it once, with the parser's reason."""
    formatted = {tuple(error.absolute_path) for error in errors if error.validator == "format"}
    for error in errors:
        if error.validator == "pattern" and tuple(error.absolute_path) in formatted:
            continue
        yield error


def _missing_property(error: jsonschema.ValidationError) -> str:
    # jsonschema words this as "'name' is a required property".
    return str(error.message).split("'")[1] if "'" in error.message else ""


def explain(error: jsonschema.ValidationError) -> str:
    """Say what is wrong and what was expected, in an editor's words rather than jsonschema's."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected = schema.get("description")
    # A validator's errors always carry the instance and the rule's value; only an error made by
    # hand leaves them unset (`Unset` in jsonschema's stubs).
    value: Any = error.instance
    rule: Any = error.validator_value
    kind = error.validator
    if kind == "required":
        name = _missing_property(error)
        sub = schema.get("properties", {}).get(name, {})
        hint = sub.get("description") if isinstance(sub, dict) else None
        return f"is missing; expected {hint}" if hint else "is missing; this field is required"
    if kind == "type":
        wanted_text = " or ".join(rule) if isinstance(rule, list) else rule
        return f"is {_describe(value)}; expected {expected or _article(wanted_text)}"
    if kind == "enum":
        options = ", ".join(json.dumps(option, ensure_ascii=False) for option in rule)
        return f"is {_describe(value)}; expected one of {options}"
    if kind == "const":
        return f"is {_describe(value)}; expected {json.dumps(rule, ensure_ascii=False)}"
    if kind == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        extra = sorted(set(value) - set(schema.get("properties", {}))) if isinstance(value, dict) else []
        return f"has unknown field {', '.join(_short(name) for name in extra) or '?'}; expected only {allowed}"
    if kind == "format" and rule == DATE_FORMAT:
        return f"is {_describe(value)}, which is not a date of the calendar; expected {expected or 'a date'}"
    if kind == "format":
        return f"is {_describe(value)}, which {error.cause}; expected {expected or 'a valid value'}"
    if kind == "pattern":
        return f"is {_describe(value)}; expected {expected or f'a value matching {rule}'}"
    if kind == "maxLength":
        return f"is {len(value)} characters long; expected {expected or 'a shorter value'}"
    if kind in {"minLength", "minItems"}:
        return f"is empty; expected {expected or 'a value'}"
    if kind in {"minimum", "maximum"}:
        return f"is {_describe(value)}; expected {expected or f'{kind} {rule}'}"
    if kind == "uniqueItems":
        return "repeats an item; expected each item once"
    if kind == "oneOf":
        forms = [branch.get("description") or "" for branch in rule if isinstance(branch, dict)]
        if forms and all(forms):
            # jsonschema gives the branches' errors when none matched, none when several did.
            what = "is none of the forms it may take" if error.context else "fits more than one of the forms it may take"
            return f"{what}; expected exactly one: " + _alternatives(forms)
        return f"is {_describe(value)}; expected {expected or 'one of the forms its schema allows'}"
    return _short(str(error.message)) + (f"; expected {expected}" if expected else "")


def _alternatives(forms: list[str]) -> str:
    """“a, b or c”: the forms a value may take, as a sentence lists them."""
    return forms[0] if len(forms) == 1 else "; ".join(forms[:-1]) + "; or " + forms[-1]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        # Invisible and control characters spelled out, so a message cannot be reordered or hidden.
        shown = json.dumps(_short(value), ensure_ascii=False)
        return "".join(character if character.isprintable() else f"\\u{ord(character):04x}" for character in shown)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return _short(repr(value))


def _article(type_name: str) -> str:
    return {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
            "boolean": "true or false", "number": "a number", "null": "nothing"}.get(type_name, f"a {type_name}")

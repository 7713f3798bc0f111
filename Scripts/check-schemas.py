#!/usr/bin/env python3
"""Checks YAML definition files against the JSON Schema their first line names.

    python3 Scripts/check-schemas.py FILE...

Each FILE must begin with `# yaml-language-server: $schema=PATH` (PATH relative to the file,
as editors read it). The file is read the way a YAML 1.2 editor reads it (the core schema:
`on`, `yes` and `no` are text, dates and times are text), turned into JSON and validated with
the `jsonschema` package (draft 2020-12), independently of Docket's own decoders.

Prints `ok FILE` or `FILE: <where>: <message>` lines; exit status 0 when every file is
valid, 1 when some file is not, 2 when a file names no schema or a tool is missing.
"""
import json
import os
import re
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError as error:  # the Swift test installs jsonschema when it is missing
    print(f"missing Python package: {error.name}", file=sys.stderr)
    sys.exit(2)

MARKER = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars instead of YAML 1.1's."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)


def to_json(value):
    """Mapping keys become text, as in JSON."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, bool) else str(k).lower(): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def check(path, schemas):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = MARKER.match(text.split("\n", 1)[0])
    if not match:
        print(f"{path}: the first line does not name a schema (# yaml-language-server: $schema=...)")
        return 2
    schema_path = os.path.normpath(os.path.join(os.path.dirname(path), match.group(1)))
    if schema_path not in schemas:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        schemas[schema_path] = Draft202012Validator(schema)
    document = to_json(yaml.load(text, Loader=CoreLoader))
    errors = sorted(schemas[schema_path].iter_errors(document), key=lambda e: list(e.absolute_path))
    if not errors:
        print(f"ok {path}")
        return 0
    for error in errors:
        # Inside `anyOf`/`oneOf`, the alternative that got furthest says what is wrong.
        error = best_match([error])
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {where}: {error.message}")
    return 1


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schemas = {}
    worst = 0
    for path in paths:
        worst = max(worst, check(path, schemas))
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Gives every bundled YAML file the first line that names its JSON Schema for editors:

    # yaml-language-server: $schema=<path from the file to schemas/<kind>.schema.json>

Run from the repository root after adding a workflow, rule, fixture, calendar or example
file:  python3 Scripts/add-schema-comments.py   (then `python3 .ci/embed-home.py`).
A file that already has such a line gets it rewritten; nothing else changes.
"""
import glob
import os

PATTERNS = [
    "workflows/*.yaml", "staff.yaml", "docket.yaml", "calendars/*.yaml", "rules/*.yaml",
    "rules/fixtures/*.yaml", "examples/**/*.yaml",
]


def kind(path):
    parts = path.split(os.sep)
    if "fixtures" in parts:
        return "fixture"
    for folder, name in [("workflows", "workflow"), ("calendars", "calendar"), ("rules", "rule")]:
        if folder in parts:
            return name
    return {"staff.yaml": "staff", "docket.yaml": "settings"}.get(parts[-1])


def main():
    files = sorted({f for pattern in PATTERNS for f in glob.glob(pattern, recursive=True)})
    for path in files:
        name = kind(path)
        if name is None:
            continue
        schema = os.path.relpath(f"schemas/{name}.schema.json", os.path.dirname(path) or ".")
        line = f"# yaml-language-server: $schema={schema}\n"
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if text.startswith("# yaml-language-server:"):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        if not text.startswith(line):
            with open(path, "w", encoding="utf-8") as f:
                f.write(line + text)


if __name__ == "__main__":
    main()

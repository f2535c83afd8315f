"""YAML that remembers on which line each top-level key stands, for ``file:line`` messages."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import yaml

from bot.common.issues import Issue, Severity

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """Parse ``text``; return the data and the line of each top-level key (``first_line`` = line 1)."""
    # One pass with libyaml when it is there: the content is parsed on every reload, and the
    # pure-Python parser twice over (compose, then load) took seconds on a busy machine.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line if mark else 0) + first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(line, f"YAML syntax error: {problem}") from exc
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[str(key.value)] = key.start_mark.line + first_line
                _nested_lines(value, str(key.value), lines, first_line)
    return data, lines


def _nested_lines(node: yaml.Node, prefix: str, lines: dict[str, int], first_line: int) -> None:
    # "sites.0.address" style keys, so nested values get their own line too
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}.{key.value}"
                lines[name] = key.start_mark.line + first_line
                _nested_lines(value, name, lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}.{index}"
            lines[name] = item.start_mark.line + first_line
            _nested_lines(item, name, lines, first_line)


class Reporter:
    """Collects issues for one file, finding the line of a (dotted) key."""

    def __init__(self, path: Path, issues: list[Issue], lines: dict[str, int] | None = None) -> None:
        self.path = path
        self.issues = issues
        self.lines = lines or {}

    def line_of(self, key: str) -> int:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0]
        return 1

    def error(self, key: str, message: str, line: int | None = None) -> None:
        self.issues.append(Issue(self.path, line or self.line_of(key), Severity.ERROR, message))

    def warning(self, key: str, message: str, line: int | None = None) -> None:
        self.issues.append(Issue(self.path, line or self.line_of(key), Severity.WARNING, message))


def read_text(path: Path, issues: list[Issue]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        issues.append(Issue(path, 1, Severity.ERROR, "file is not UTF-8 text"))
    except OSError as exc:
        issues.append(Issue(path, 1, Severity.ERROR, f"cannot read file: {exc.strerror}"))
    return None


def load_mapping(
    path: Path, issues: list[Issue], missing: str, shape: str
) -> tuple[dict[str, Any], Reporter] | None:
    """Read a YAML file that must hold a mapping; report a missing file, bad YAML or another shape."""
    r = Reporter(path, issues)
    if not path.is_file():
        r.error("", missing)
        return None
    text = read_text(path, issues)
    if text is None:
        return None
    try:
        raw, r.lines = parse_yaml(text)
    except YamlError as exc:
        r.error("", exc.message, exc.line)
        return None
    if not isinstance(raw, dict):
        r.error("", shape)
        return None
    return raw, r


def parse_time(value: Any) -> time | None:
    """``"09:00"`` as a time; None when it is not one."""
    if isinstance(value, int):  # YAML reads 09:00 unquoted as a sexagesimal int
        value = f"{value // 60:02d}:{value % 60:02d}"
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def int_key(r: Reporter, raw: dict[str, Any], key: str, default: int, minimum: int, where: str) -> int:
    """A whole number of at least ``minimum`` under ``key`` (``where`` is the section, for the message)."""
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        r.error(f"{where}.{key}" if where else key, f"{key} must be a whole number of at least {minimum}")
        return default
    return value


def time_key(
    r: Reporter, raw: dict[str, Any], key: str, default: time, where: str, optional: bool = False
) -> time | None:
    """A time like ``"18:00"`` under ``key``; with ``optional``, null or false mean "off" (None)."""
    if key not in raw:
        return default
    if optional and raw[key] in (None, False):
        return None
    value = parse_time(raw[key])
    if value is None:
        r.error(f"{where}.{key}", f'{key} must be a time like "18:00"')
        return default
    return value

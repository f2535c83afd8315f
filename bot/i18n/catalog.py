"""Fluent message catalogs: every UI string the bot shows, one folder per language.

``locales/<lang>/*.ftl`` is all it takes to add a language: the folder name is the language code and
the message ``language-name`` is how the language calls itself in the picker.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.common.issues import Issue, Severity

log = logging.getLogger(__name__)

REFERENCE = "en"


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


@dataclass(frozen=True, slots=True)
class Locale:
    code: str
    bundle: FluentBundle
    variables: Mapping[str, frozenset[str]]  # message id -> variables it uses
    lines: Mapping[str, tuple[Path, int]]  # message id -> where it is defined


class Translator:
    """Formats messages for one language, falling back to the reference language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog = catalog
        self.lang = lang

    def __call__(self, msg_id: str, **args: Any) -> str:
        return self.catalog.format(self.lang, msg_id, args)


class Catalog:
    """All loaded locales."""

    def __init__(self, locales: dict[str, Locale], order: list[str], default: str) -> None:
        self.locales = locales
        self.languages = [code for code in order if code in locales] + sorted(
            code for code in locales if code not in order
        )
        self.default = default if default in locales else (self.languages[0] if self.languages else REFERENCE)

    def translator(self, lang: str) -> Translator:
        return Translator(self, lang if lang in self.locales else self.default)

    def format(self, lang: str, msg_id: str, args: Mapping[str, Any]) -> str:
        for code in (lang, REFERENCE, self.default):
            locale = self.locales.get(code)
            if locale is None or not locale.bundle.has_message(msg_id):
                continue
            message = locale.bundle.get_message(msg_id)
            if message.value is None:
                continue
            text, errors = locale.bundle.format_pattern(message.value, dict(args))
            if errors:
                log.warning("fluent errors in %s/%s: %s", code, msg_id, [type(e).__name__ for e in errors])
            return str(text)
        log.error("missing message %s", msg_id)
        return msg_id

    def name_of(self, lang: str) -> str:
        return self.format(lang, "language-name", {}) if lang in self.locales else lang


def _parse_file(path: Path, code: str, issues: list[Issue]) -> ast.Resource | None:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(Issue(path, 1, Severity.ERROR, f"cannot read file: {exc}"))
        return None
    resource = FluentParser().parse(source)
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            line = source.count("\n", 0, entry.span.start if entry.span else 0) + 1
            detail = "; ".join(str(a.message) for a in entry.annotations) or "syntax error"
            issues.append(Issue(path, line, Severity.ERROR, f"Fluent syntax error: {detail}"))
    return resource


def load_catalog(
    locales_dir: Path, *, required: list[str], order: list[str], default: str
) -> tuple[Catalog, list[Issue]]:
    """Load every ``<lang>/*.ftl`` and check it; the catalog is only safe to serve without errors."""
    issues: list[Issue] = []
    locales: dict[str, Locale] = {}
    if not locales_dir.is_dir():
        issues.append(Issue(locales_dir, 1, Severity.ERROR, "locales folder is missing"))
        return Catalog({}, order, default), issues
    for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        code = folder.name
        bundle = FluentBundle([code], use_isolating=False)
        variables: dict[str, frozenset[str]] = {}
        lines: dict[str, tuple[Path, int]] = {}
        for path in sorted(folder.glob("*.ftl")):
            resource = _parse_file(path, code, issues)
            if resource is None:
                continue
            source = path.read_text(encoding="utf-8")
            for entry in resource.body:
                if not isinstance(entry, ast.Message | ast.Term):
                    continue
                name = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                line = source.count("\n", 0, entry.span.start if entry.span else 0) + 1
                if name in lines:
                    first = lines[name]
                    issues.append(
                        Issue(
                            path,
                            line,
                            Severity.ERROR,
                            f"message {name} is defined twice (first {first[0]}:{first[1]})",
                        )
                    )
                    continue
                visitor = _Variables()
                visitor.visit(entry)
                variables[name] = frozenset(visitor.names)
                lines[name] = (path, line)
            bundle.add_resource(resource, allow_overrides=True)
        locales[code] = Locale(code, bundle, variables, lines)
    _check_parity(locales, locales_dir, required, issues)
    return Catalog(locales, order, default), issues


def _check_parity(locales: dict[str, Locale], root: Path, required: list[str], issues: list[Issue]) -> None:
    reference = locales.get(REFERENCE)
    for code in required:
        if code not in locales:
            issues.append(
                Issue(root / code, 1, Severity.ERROR, f"required language {code} has no locale folder")
            )
    if reference is None:
        issues.append(Issue(root / REFERENCE, 1, Severity.ERROR, "reference locale 'en' is missing"))
        return
    for code, locale in locales.items():
        if code == REFERENCE:
            continue
        severity = Severity.ERROR if code in required else Severity.WARNING
        folder = root / code
        for msg_id, names in sorted(reference.variables.items()):
            if msg_id not in locale.variables:
                where = locale.lines.get(msg_id, (folder, 1))
                issues.append(
                    Issue(where[0], where[1], severity, f"message {msg_id} is missing (untranslated)")
                )
            elif locale.variables[msg_id] != names:
                path, line = locale.lines[msg_id]
                issues.append(
                    Issue(
                        path,
                        line,
                        Severity.ERROR,
                        f"message {msg_id} uses variables {sorted(locale.variables[msg_id])}, "
                        f"but en uses {sorted(names)}",
                    )
                )
        for msg_id in sorted(set(locale.variables) - set(reference.variables)):
            path, line = locale.lines[msg_id]
            issues.append(Issue(path, line, Severity.WARNING, f"message {msg_id} is not in en (unused?)"))


def negotiate(stored: str | None, platform: str | None, available: list[str], default: str) -> str:
    """Stored choice, then the platform's language code, then the default."""
    if stored and stored in available:
        return stored
    guess = platform_language(platform, available)
    return guess or default


def platform_language(platform: str | None, available: list[str]) -> str | None:
    if not platform:
        return None
    code = platform.replace("_", "-").split("-")[0].split(".")[0].lower()
    return code if code in available else None

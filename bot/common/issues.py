"""Problems found in files staff edit, reported as ``file:line: severity: message``."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    path: Path
    line: int
    severity: Severity
    message: str

    def format(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            with contextlib.suppress(ValueError):
                path = self.path.resolve().relative_to(root.resolve())
        return f"{path}:{self.line}: {self.severity}: {self.message}"


def has_errors(issues: list[Issue]) -> bool:
    return any(i.severity is Severity.ERROR for i in issues)

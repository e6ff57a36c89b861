"""Problems found in content: collected, never printed by the core, each naming file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. Sorts by file, then position, so reports read top to bottom."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.error

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        prefix = "" if self.severity is Severity.error else "警告："
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{field}{self.message}"


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.error for p in problems)


def report(problems: list[Problem]) -> str:
    """Every problem on its own line, sorted, followed by a count in Chinese."""
    lines = [str(p) for p in sorted(problems)]
    errors = sum(p.severity is Severity.error for p in problems)
    warnings = len(problems) - errors
    lines.append(f"共 {errors} 个错误，{warnings} 个警告。")
    return "\n".join(lines)


class ContentError(Exception):
    """Raised by callers that must stop: carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))

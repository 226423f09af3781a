"""Every exception inspectkit raises on purpose, and the exit-code table.

Library code raises these; only the CLI turns them into exit codes, in one place. Each error
that concerns a file carries its problems as diagnostics so that they are reported with a
place. The hierarchy::

    InspectkitError                 exit 5 unless a subclass says otherwise
    ├── UsageError                  exit 2: the command line asks for the impossible
    │   ├── OutputRefused           an output path would overwrite or pollute an input
    │   ├── ReportExists            a report file is there and --force was not given
    │   └── TemplateProblem         a report template cannot be found, read or rendered
    ├── FrameworkError              exit 3: a framework is missing, unreadable or invalid
    ├── InputError                  exit 4: an input cannot be read at all
    └── Findings                    exit 1: the inputs have problems that stop the command
        ├── NotGradable             a folder has errors, so it cannot be graded
        └── PersonalDataFound       a report would show possible personal data

:class:`ReadFailure` is not an :class:`InspectkitError`: readers raise it with one placed
diagnostic, and their callers collect it with the other problems of the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspectkit.diagnostics import Diagnostic

__all__ = [
    "ExitCode",
    "Findings",
    "FrameworkError",
    "InputError",
    "InspectkitError",
    "NotGradable",
    "OutputRefused",
    "PersonalDataFound",
    "ReadFailure",
    "ReportExists",
    "TemplateProblem",
    "UsageError",
]


class ExitCode(IntEnum):
    """Exit codes shared by every command (documented in ``--help`` and the README)."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INVALID_FRAMEWORK = 3
    CANNOT_READ = 4
    INTERNAL = 5


class InspectkitError(Exception):
    """Base class of every error inspectkit raises on purpose."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = list(diagnostics)


class UsageError(InspectkitError):
    """The command line asks for something that cannot be done (exit 2)."""

    exit_code = ExitCode.USAGE


class OutputRefused(UsageError):
    """An output path is one of the inputs, or lies inside the evidence (exit 2)."""


class ReportExists(UsageError):
    """A report file is already there and ``--force`` was not given (exit 2)."""


class TemplateProblem(UsageError):
    """A report template cannot be found, read or rendered (exit 2)."""


class FrameworkError(InspectkitError):
    """A framework file is missing, unreadable or invalid (exit 3)."""

    exit_code = ExitCode.INVALID_FRAMEWORK


class InputError(InspectkitError):
    """An input file or folder cannot be read at all (exit 4)."""

    exit_code = ExitCode.CANNOT_READ


class Findings(InspectkitError):
    """The inputs have problems that stop this command (exit 1); they are the diagnostics."""

    exit_code = ExitCode.FINDINGS


class NotGradable(Findings):
    """An evidence folder has errors, so it cannot be graded, reported or compared."""


class PersonalDataFound(Findings):
    """Possible personal data was found and the report may not show it."""


class ReadFailure(Exception):
    """A file could not be read; ``diagnostic`` says why and where."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

"""The exception hierarchy and the exit-code table.

Library code raises these; only the CLI turns them into exit codes. Each error that
concerns a file carries its problems as diagnostics so that they are reported with a place.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspectkit.diagnostics import Diagnostic


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


class FrameworkError(InspectkitError):
    """A framework file is missing, unreadable or invalid (exit 3)."""

    exit_code = ExitCode.INVALID_FRAMEWORK


class InputError(InspectkitError):
    """An input file or folder cannot be read at all (exit 4)."""

    exit_code = ExitCode.CANNOT_READ

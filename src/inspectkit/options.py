"""The options of the pipeline, apart from the pipeline itself.

Kept in a module of their own, light to import, so that a command can make them (and a
worker process receive them) without loading the evidence checks and grading first:
``validate`` over many folders forks its workers before those heavy modules are imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from inspectkit.diagnostics import Severity

if TYPE_CHECKING:  # a pydantic model: the process that forks the workers never loads pydantic
    from inspectkit.evidence.accepted import AcceptedFinding

__all__ = ["Accepted", "InspectOptions"]


@dataclass(frozen=True)
class Accepted:
    """Accepted findings from the project configuration, and the file they came from."""

    entries: tuple[AcceptedFinding, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class InspectOptions:
    """How to inspect a folder.

    Attributes:
        names: Patterns of local names to look for (:func:`inspectkit.privacy.read_names`).
        strict: Report possible personal data as errors rather than warnings.
        grade: Propose grades when the folder has no errors (``validate`` does not).
        fail_under: Report an error for each final grade below this.
        require_evaluations: A graded indicator without an evaluation is an error.
        severity: A severity per code, replacing the code's own (the configuration's).
        accepted: Accepted findings from the project configuration.
    """

    names: Sequence[re.Pattern[str]] = ()
    strict: bool = False
    grade: bool = True
    fail_under: int | None = None
    require_evaluations: bool = False
    severity: Mapping[str, Severity] = field(default_factory=dict)
    accepted: Accepted = field(default_factory=Accepted)

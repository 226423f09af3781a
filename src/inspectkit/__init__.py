"""inspectkit: validate, grade and report inspections against a published quality framework.

The public API is small and stable; everything else is internal. Heavy modules are imported
lazily so that ``inspectkit --version`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "ExitCode",
    "Framework",
    "InspectkitError",
    "Severity",
    "__version__",
    "load_framework",
]

if TYPE_CHECKING:  # pragma: no cover
    from inspectkit.diagnostics import Diagnostic, Severity
    from inspectkit.errors import ExitCode, InspectkitError
    from inspectkit.framework.models import Framework
    from inspectkit.framework.registry import load_framework

_LAZY = {
    "Diagnostic": "inspectkit.diagnostics",
    "Severity": "inspectkit.diagnostics",
    "ExitCode": "inspectkit.errors",
    "InspectkitError": "inspectkit.errors",
    "Framework": "inspectkit.framework.models",
    "load_framework": "inspectkit.framework.registry",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'inspectkit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

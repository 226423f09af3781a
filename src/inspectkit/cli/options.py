"""Options that several commands take, and ``--format`` from the format registries."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from inspectkit.errors import InspectkitError
from inspectkit.formats import (
    FormatRegistry,
)

if TYPE_CHECKING:
    pass


FRAMEWORKS_ENV = "INSPECTKIT_FRAMEWORKS_PATH"


def complete_frameworks(incomplete: str) -> list[str]:
    """Framework ids for shell completion: the built-ins and $INSPECTKIT_FRAMEWORKS_PATH's."""
    from inspectkit.framework.registry import Registry

    dirs = [Path(p) for p in os.environ.get(FRAMEWORKS_ENV, "").split(os.pathsep) if p]
    try:
        ids = {entry.id for entry in Registry([d for d in dirs if d.is_dir()]).entries()}
    except InspectkitError:
        return []
    return sorted(i for i in ids if i.startswith(incomplete))


FrameworksDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--frameworks-dir",
        metavar="DIR",
        help=f"A folder of your own framework files, searched before the built-ins. "
        f"Repeatable; else ${FRAMEWORKS_ENV} (separated by '{os.pathsep}'), else the "
        "configuration's frameworks-dirs.",
    ),
]


NamesFile = Annotated[
    Path | None,
    typer.Option(
        "--names-file",
        metavar="FILE",
        help="A local list of names (one per line) to look for in "
        "the evidence; keep it outside the evidence folder. It is never copied anywhere. "
        "Else $INSPECTKIT_NAMES_FILE, else the configuration's names-file.",
    ),
]


Strict = Annotated[
    bool | None,
    typer.Option(
        "--strict/--no-strict",
        show_default=False,
        help="Warnings fail too, and possible personal data is an error "
        "(else $INSPECTKIT_STRICT, else the configuration's strict).",
    ),
]


FrameworkRef = Annotated[
    str,
    typer.Option(
        "--framework",
        metavar="ID[@VERSION]",
        autocompletion=complete_frameworks,
        help="The framework the inspection follows.",
    ),
]


class _FormatParser:
    """Checks a ``--format`` value against a registry (typer calls it with the text)."""

    def __init__(self, registry: FormatRegistry) -> None:
        self.registry = registry

    def __call__(self, value: str) -> str:
        if value in self.registry.names():
            return value
        raise typer.BadParameter(self.registry.unknown(value))


def format_option(registry: FormatRegistry, help_text: str = "") -> Any:
    """The ``--format`` option of a command, its choices taken from ``registry``."""

    def complete(incomplete: str) -> list[str]:
        return [name for name in registry.names() if name.startswith(incomplete)]

    return typer.Option(
        "--format",
        "-f",
        parser=_FormatParser(registry),
        metavar="<" + "|".join(registry.names()) + ">",
        autocompletion=complete,
        help=help_text or f"The output format ({registry.help()}).",
    )


SCHEMAS = ("framework", "manifest", "evidence", "evaluations", "grade-results")


DIAGNOSTIC_HELP = (
    "auto (github under GitHub Actions, else text), text, parsable, json, github, junit or sarif."
)


Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Folders checked at once (default: CPU cores)."
    ),
]


Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE instead of standard output."
    ),
]

"""``inspectkit init``, ``template`` and ``schema``: what a new inspection starts with."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.errors import ExitCode, UsageError
from inspectkit.formats import (
    TEMPLATE_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import app, log
from inspectkit.cli.options import (
    SCHEMAS,
    FrameworkRef,
    FrameworksDirs,
    Output,
    complete_frameworks,
    format_option,
)
from inspectkit.cli.run import framework_files, guard_outputs, open_registry, run_command


@app.command("init")
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to create (or complete).")],
    framework: FrameworkRef,
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Write a ready-to-fill evidence folder; never overwrites an existing file.

    Example: inspectkit init glenbrae-2026 --framework cso-at-home
    """

    def body() -> int:
        from inspectkit.scaffold import scaffold_files, write_scaffold

        guard_outputs([folder], framework_files(frameworks_dir))
        fw = open_registry(frameworks_dir).load(framework).framework
        written, kept = write_scaffold(folder, scaffold_files(fw))
        for rel in written:
            log(f"created  {(folder / rel).as_posix()}")
        for rel in kept:
            log(f"kept     {(folder / rel).as_posix()} (already exists)")
        log(
            f"Next: fill in {(folder / 'inspection.yaml').as_posix()}, then run "
            f"'inspectkit validate {folder.as_posix()}'."
        )
        return ExitCode.OK

    run_command(body)


@app.command("template")
def template(
    folder: Annotated[Path, typer.Argument(help="The folder to write into (an evidence folder).")],
    framework: Annotated[
        str,
        typer.Option(
            "--framework", metavar="ID[@VERSION]", help="The framework the forms are for."
        ),
    ],
    fmt: Annotated[str, format_option(TEMPLATE_FORMATS)] = "xlsx",
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Write forms to fill in: workbooks in records/ and surveys/, or printable forms in
    forms/. Never overwrites an existing file.

    Example: inspectkit template glenbrae-2026 --framework cso-at-home --format all
    """

    def body() -> int:
        from inspectkit.files import write_new
        from inspectkit.forms import template_files

        guard_outputs([folder], framework_files(frameworks_dir))
        fw = open_registry(frameworks_dir).load(framework).framework
        formats = tuple(f.name for f in TEMPLATE_FORMATS.expand(fmt))
        for rel, data in template_files(fw, formats).items():
            done = write_new(folder / rel, data)
            shown = (folder / rel).as_posix()
            sys.stderr.write(
                f"created  {shown}\n" if done else f"kept     {shown} (already exists)\n"
            )
        return ExitCode.OK

    run_command(body)


@app.command("schema")
def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            autocompletion=lambda incomplete: [n for n in SCHEMAS if n.startswith(incomplete)],
            help="framework, manifest, evidence, evaluations or grade-results.",
        ),
    ],
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            metavar="ID[@VERSION]",
            autocompletion=complete_frameworks,
            help="Made for this framework: its ids as the allowed values (manifest, "
            "evidence and evaluations), as 'inspectkit init' writes them.",
        ),
    ] = None,
    frameworks_dir: FrameworksDirs = None,
    output: Output = None,
) -> None:
    """Print the JSON Schema of a kind of file, for editors and other tools.

    Example: inspectkit schema evidence --framework cso-at-home > evidence.schema.json
    """

    def body() -> int:
        from inspectkit.console import emit
        from inspectkit.fwschema import EDITOR_SCHEMAS, framework_schema_text
        from inspectkit.schemas import schema_text

        guard_outputs([output], framework_files(frameworks_dir))
        if name not in SCHEMAS:
            raise UsageError(f"Unknown schema '{name}': use one of {', '.join(SCHEMAS)}.")
        if framework is None:
            emit(schema_text(name).encode("utf-8"), output)
            return ExitCode.OK
        if name not in EDITOR_SCHEMAS:
            raise UsageError(f"--framework is for {', '.join(EDITOR_SCHEMAS)}, not '{name}'.")
        fw = open_registry(frameworks_dir).load(framework).framework
        emit(framework_schema_text(name, fw).encode("utf-8"), output)
        return ExitCode.OK

    run_command(body)

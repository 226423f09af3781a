"""``inspectkit validate``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.formats import (
    DIAGNOSTIC_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import app, debug
from inspectkit.cli.options import (
    DIAGNOSTIC_HELP,
    FrameworksDirs,
    Jobs,
    NamesFile,
    Output,
    Strict,
    format_option,
)
from inspectkit.cli.run import (
    finish,
    guard_outputs,
    inspect_options,
    jobs_for,
    open_registry,
    read_names_file,
    run_command,
    settings_for,
)


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Evidence folders, or single files within them."),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(DIAGNOSTIC_FORMATS, DIAGNOSTIC_HELP)] = "auto",
    strict: Strict = None,
    names_file: NamesFile = None,
    jobs: Jobs = None,
    output: Output = None,
) -> None:
    """Check evidence folders against their framework and report every problem.

    Findings go to standard output (or --output) in every format; logs to standard error.
    A folder that holds evidence folders stands for each of them; several folders are
    checked in parallel (--jobs).

    Example: inspectkit validate examples/cso-at-home-glenbrae --format github
    """

    def body() -> int:
        import inspectkit.settings  # noqa: F401  (imported before the fork, shared by the workers)
        from inspectkit.batch import start_workers, validate_paths

        guard_outputs([output], paths)
        # The workers start first and import the checks while the settings are read here.
        with start_workers(paths, jobs_for(jobs)) as workers:
            settings = settings_for(
                strict=strict, names_file=names_file, frameworks_dirs=frameworks_dir
            )
            names = read_names_file(settings.names_file, paths)
            options = inspect_options(settings, names)
            dirs = settings.frameworks_dirs
            found = validate_paths(
                paths,
                dirs,
                # Opened here only to check the user's folders (exit 3); workers open their own.
                registry=open_registry(frameworks_dir) if dirs else None,
                strict=settings.strict,
                options=options,
                workers=workers,
            )
        debug(f"checked {len(found.folders)} folders, {len(found.files)} files")
        code = finish(found.diagnostics, found.files, fmt, settings.strict, output, found.silenced)
        return max(found.exit_code, code)

    run_command(body)

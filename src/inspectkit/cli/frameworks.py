"""``inspectkit frameworks list | show | lint``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.errors import ExitCode
from inspectkit.formats import (
    DIAGNOSTIC_FORMATS,
    FRAMEWORK_LIST_FORMATS,
    FRAMEWORK_SHOW_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import frameworks_app
from inspectkit.cli.options import (
    DIAGNOSTIC_HELP,
    FrameworksDirs,
    Output,
    Strict,
    complete_frameworks,
    format_option,
)
from inspectkit.cli.run import (
    finish,
    framework_files,
    guard_outputs,
    open_registry,
    run_command,
    settings_for,
    write_view,
)


@frameworks_app.command("list")
def frameworks_list(
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(FRAMEWORK_LIST_FORMATS)] = "text",
    output: Output = None,
) -> None:
    """List every framework: id, version, status, where it came from, title.

    Example: inspectkit frameworks list --frameworks-dir ./my-frameworks
    """

    def body() -> int:
        guard_outputs([output], framework_files(frameworks_dir))
        write_view(FRAMEWORK_LIST_FORMATS, fmt, open_registry(frameworks_dir).entries(), output)
        return ExitCode.OK

    run_command(body)


@frameworks_app.command("show")
def frameworks_show(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID[@VERSION]", autocompletion=complete_frameworks, help="e.g. cso-at-home@1.0"
        ),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(FRAMEWORK_SHOW_FORMATS)] = "text",
    output: Output = None,
) -> None:
    """Show a framework: scale, key questions, indicators, what is graded, evidence.

    Example: inspectkit frameworks show cso-at-home
    """

    def body() -> int:
        guard_outputs([output], framework_files(frameworks_dir))
        fw = open_registry(frameworks_dir).load(ref).framework
        write_view(FRAMEWORK_SHOW_FORMATS, fmt, fw, output)
        return ExitCode.OK

    run_command(body)


@frameworks_app.command("lint")
def frameworks_lint(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...", help="Framework files; all visible frameworks if none."
        ),
    ] = None,
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(DIAGNOSTIC_FORMATS, DIAGNOSTIC_HELP)] = "auto",
    strict: Strict = None,
    output: Output = None,
) -> None:
    """Check framework files: fields, ids, references, bands, and the domain rules.

    Example: inspectkit frameworks lint frameworks/*.yaml
    """

    def body() -> int:
        from inspectkit.framework.registry import Registry
        from inspectkit.textfile import display_path

        # Lint reports a broken framework file rather than refusing to start.
        settings = settings_for(strict=strict, frameworks_dirs=frameworks_dir)
        registry = Registry(settings.frameworks_dirs)
        paths = list(files or []) or [e.path for e in registry.entries()]
        guard_outputs([output], [*paths, *framework_files(frameworks_dir)])
        diagnostics = list(registry.problems)
        for path in paths:
            diagnostics += registry.lint(path)[1]
        shown = [display_path(p) for p in paths]
        code = finish(diagnostics, shown, fmt, settings.strict, output)
        return ExitCode.INVALID_FRAMEWORK if registry.problems else code

    run_command(body)

"""``inspectkit diff`` and ``inspectkit overview``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.errors import ExitCode
from inspectkit.formats import (
    DIFF_FORMATS,
    OVERVIEW_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import STATE, app, log, width_for
from inspectkit.cli.options import FrameworksDirs, Jobs, Output, format_option
from inspectkit.cli.run import (
    frameworks_dirs,
    guard_outputs,
    jobs_for,
    open_registry,
    run_command,
    write_view,
)


@app.command("diff")
def diff(
    old: Annotated[
        Path,
        typer.Argument(
            metavar="OLD", help="The earlier evidence folder, or a saved grade JSON file."
        ),
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NEW", help="The later evidence folder or saved grade file.")
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(DIFF_FORMATS)] = "text",
    fail_on_drop: Annotated[
        bool, typer.Option("--fail-on-drop", help="Exit 1 if any final grade went down.")
    ] = False,
    output: Output = None,
) -> None:
    """Compare two inspections: grades, evidence, evaluations and strand figures that moved.

    A folder is validated and graded first; with a saved grade file, evidence is compared
    on what the file holds.

    Example: inspectkit diff last-year/glenbrae glenbrae --format md --output changes.md
    """

    def body() -> int:
        from inspectkit import compare

        guard_outputs([output], [old, new])
        registry = open_registry(frameworks_dir)
        found = compare.build_diff(
            compare.load_snapshot(old, registry), compare.load_snapshot(new, registry)
        )
        write_view(DIFF_FORMATS, fmt, found, output)
        if fail_on_drop and found.final_drops:
            sys.stderr.write(f"inspectkit: {compare.drops_line(found)}\n")
            return ExitCode.FINDINGS
        return ExitCode.OK

    run_command(body)


@app.command("overview")
def overview(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="DIR...", help="Evidence folders, or folders that hold them."),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, format_option(OVERVIEW_FORMATS)] = "text",
    jobs: Jobs = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="FILE", help="Also write an accessible HTML page."),
    ] = None,
    output: Output = None,
) -> None:
    """Validate and grade many evidence folders in parallel, and show their grades together.

    Folders that fail validation are listed with their error counts (exit 1); the others are
    still graded. Folders on different frameworks are grouped per framework.

    Example: inspectkit overview evidence/ --jobs 4 --html overview.html
    """

    def body() -> int:
        from inspectkit import overview as ov
        from inspectkit.console import progress
        from inspectkit.files import write_atomic

        folders = ov.find_folders(paths)
        guard_outputs([output, html], [*paths, *folders])
        open_registry(frameworks_dir)  # a missing or broken folder stops here, not per folder
        shown = sys.stderr.isatty() and not STATE.session.quiet
        with progress(len(folders), sys.stderr, enabled=shown) as done:
            dirs = list(frameworks_dirs(frameworks_dir))
            outcomes = ov.assess_all(folders, dirs, jobs=jobs_for(jobs), on_done=done)
        found = ov.summarise(outcomes)
        # Rendered before anything is written, so that a template error writes nothing.
        page = ov.render_html(found) if html is not None else None
        shown = ov.OverviewView(found, width_for(sys.stdout) if output is None else 0)
        write_view(OVERVIEW_FORMATS, fmt, shown, output)
        if html is not None and page is not None:
            write_atomic(html, page.encode("utf-8"))
            log(f"wrote    {html.as_posix()}")
        return ExitCode.FINDINGS if found.failed else ExitCode.OK

    run_command(body)

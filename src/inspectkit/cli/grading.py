"""``inspectkit grade`` and ``inspectkit evaluate``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.errors import ExitCode, UsageError
from inspectkit.formats import (
    GRADE_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import app, width_for
from inspectkit.cli.options import FrameworksDirs, Output, Strict, format_option
from inspectkit.cli.run import (
    guard_outputs,
    inspect_options,
    inspect_with,
    run_command,
    settings_for,
    warn_problems,
    write_view,
)


@app.command("grade")
def grade(
    folder: Annotated[Path, typer.Argument(help="The evidence folder.")],
    indicator: Annotated[
        str | None, typer.Argument(help="Only this indicator (with --explain).")
    ] = None,
    frameworks_dir: FrameworksDirs = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Explain each proposed grade in full: '--explain 5.3' explains one indicator.",
        ),
    ] = False,
    fmt: Annotated[str, format_option(GRADE_FORMATS)] = "text",
    fail_under: Annotated[
        int | None,
        typer.Option("--fail-under", metavar="N", help="Exit 1 if any final grade is below N."),
    ] = None,
    require_evaluations: Annotated[
        bool,
        typer.Option(
            "--require-evaluations", help="Exit 1 if a graded indicator has no evaluation."
        ),
    ] = False,
    strict: Strict = None,
    output: Output = None,
) -> None:
    """Propose a grade for each graded indicator, explained, beside the team's evaluation.

    The evidence is validated first; a folder with errors is not graded.

    Example: inspectkit grade examples/cso-at-home-glenbrae --explain 5.3
    """

    def body() -> int:
        from inspectkit.diagnostics import has_errors
        from inspectkit.output.grades import GradeView

        guard_outputs([output], [folder])
        settings = settings_for(strict=strict, frameworks_dirs=frameworks_dir)
        more = {"fail_under": fail_under, "require_evaluations": require_evaluations}
        inspection = inspect_with(folder, frameworks_dir, inspect_options(settings, (), **more))
        report = inspection.graded()
        if indicator is not None and indicator not in report.framework.graded:
            raise UsageError(
                f"Indicator '{indicator}' is not graded in {report.framework.ref} "
                f"(graded: {', '.join(report.framework.graded)})."
            )
        view = GradeView(report, explain, indicator, width=width_for(sys.stdout))
        write_view(GRADE_FORMATS, fmt, view, output)
        problems = inspection.problems
        warn_problems([d for d in problems if d.severity.value != "note"])
        return ExitCode.FINDINGS if has_errors(problems, strict=settings.strict) else ExitCode.OK

    run_command(body)


@app.command("evaluate")
def evaluate(
    folder: Annotated[Path, typer.Argument(help="The evidence folder.")],
    lock: Annotated[
        bool,
        typer.Option(
            "--lock",
            help="Record in each moderated evaluation the evidence it was moderated on; "
            "'validate' then warns when that evidence changes.",
        ),
    ] = False,
    indicator: Annotated[
        list[str] | None, typer.Option("--indicator", help="Only this indicator (repeatable).")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="Date of moderation.")
    ] = None,
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Work on the team's evaluations: '--lock' fingerprints the evidence behind them.

    Only the 'moderated_on' block of each entry in evaluations.yaml is written; comments
    and everything else stay as they are. The date defaults to today.

    Example: inspectkit evaluate examples/cso-at-home-glenbrae --lock --date 2026-02-04
    """

    def body() -> int:
        import datetime as dt

        from inspectkit.evidence.lock import lock_file
        from inspectkit.inspection import InspectOptions

        if not lock:
            raise UsageError("Say what to do: 'inspectkit evaluate FOLDER --lock'.")
        when = dt.date.fromisoformat(date) if date else dt.date.today()
        inspection = inspect_with(folder, frameworks_dir, InspectOptions(grade=False))
        if inspection.framework is None or any(
            d.severity.value == "error" for d in inspection.diagnostics
        ):
            warn_problems(inspection.diagnostics)
            return ExitCode.FINDINGS
        locked = lock_file(inspection.folder, inspection.framework, when, indicator or ())
        typer.echo(f"locked {', '.join(locked.indicators) or 'nothing'} on {when}", err=True)
        return ExitCode.OK

    run_command(body)

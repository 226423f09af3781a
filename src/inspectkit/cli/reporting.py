"""``inspectkit report``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inspectkit.errors import ExitCode
from inspectkit.formats import (
    REPORT_FORMATS,
)

if TYPE_CHECKING:
    pass

from inspectkit.cli.app import app, log
from inspectkit.cli.options import FrameworksDirs, NamesFile, format_option
from inspectkit.cli.run import (
    guard_outputs,
    inspect_options,
    inspect_with,
    read_names_file,
    run_command,
    settings_for,
    warn_problems,
)


@app.command("report")
def report(
    folder: Annotated[Path, typer.Argument(help="The evidence folder.")],
    fmt: Annotated[
        str | None,
        format_option(REPORT_FORMATS, "md, html, docx, pdf or both (md and html; the default)."),
    ] = None,
    view: Annotated[
        str,
        typer.Option(
            "--view",
            metavar="NAME",
            help="Who it is for: team (the draft, with proposals and evidence ids), "
            "partnership (the factual-accuracy check) or publication (the clean copy).",
        ),
    ] = "team",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="The folder to write into (default: the configuration's, else "
            "./inspectkit-report, refused inside the evidence folder).",
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template", metavar="NAME", help="Render NAME.md.j2 / NAME.html.j2 (default: report)."
        ),
    ] = None,
    templates_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--templates-dir",
            metavar="DIR",
            help="A folder of your own templates, searched "
            "before the built-ins (which stay reachable as builtin/NAME). Repeatable.",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The "
            "report date; else the manifest's report_date, "
            "else SOURCE_DATE_EPOCH, never the clock.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing report files.")] = False,
    names_file: NamesFile = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact", help="Replace each possible piece of personal data with a marker."
        ),
    ] = False,
    allow_personal_data: Annotated[
        bool,
        typer.Option(
            "--allow-personal-data",
            help="Write the report even though possible personal data "
            "was found (after checking each finding by hand).",
        ),
    ] = False,
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Write an inspection report (Markdown, HTML, Word or PDF) from a validated folder.

    The report is refused (exit 1) while the evidence holds possible personal data, unless
    --redact or --allow-personal-data is given. Exit 2 for a template error or a report file
    that exists without --force.

    Example: inspectkit report examples/cso-at-home-glenbrae --output reports
    """

    def body() -> int:
        from inspectkit.policy import PersonalData, ReleasePolicy, build_date, release
        from inspectkit.report import ReportRequest, write_report

        flags = {"template": template, "templates_dirs": templates_dir, "report_format": fmt}
        settings = settings_for(names_file=names_file, report_output=output, **flags)
        formats = tuple(f.name for f in REPORT_FORMATS.expand(settings.report.format))
        names = read_names_file(settings.names_file, [folder])
        output_dir = settings.report.output
        guard_outputs([output_dir], [folder])
        inspection = inspect_with(folder, frameworks_dir, inspect_options(settings, names))
        personal = (
            PersonalData.ALLOW
            if allow_personal_data
            else PersonalData.REDACT
            if redact
            else PersonalData.REFUSE
        )
        policy = ReleasePolicy.from_environment(
            os.environ, personal_data=personal, names=names, date=date
        )
        released = release(inspection, policy)
        when = build_date(released, policy)
        chosen = settings.report
        request = ReportRequest(
            formats, chosen.template, chosen.templates_dirs, output_dir, when, force, view
        )
        written = write_report(released, request)
        warn_problems([d for d in inspection.diagnostics if d.severity.value != "note"])
        for path in written:
            log(f"wrote    {path.as_posix()}")
        return ExitCode.OK

    run_command(body)

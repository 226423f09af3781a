"""The command line: parse options, call one library function, format, return an exit code.

Heavy modules are imported inside the commands so that ``--help`` and ``--version`` start
fast. Every error is handled in :func:`_run`; no traceback reaches the user.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from inspectkit import __version__
from inspectkit.errors import ExitCode, InspectkitError, UsageError
from inspectkit.formats import (
    DIAGNOSTIC_FORMATS,
    DIFF_FORMATS,
    FRAMEWORK_LIST_FORMATS,
    FRAMEWORK_SHOW_FORMATS,
    GRADE_FORMATS,
    OVERVIEW_FORMATS,
    REPORT_FORMATS,
    FormatRegistry,
)

if TYPE_CHECKING:
    import re

    from inspectkit.diagnostics import Diagnostic
    from inspectkit.framework.registry import Registry
    from inspectkit.inspection import Inspection, InspectOptions

ISSUES_URL = "https://github.com/inspectkit/inspectkit/issues"
FRAMEWORKS_ENV = "INSPECTKIT_FRAMEWORKS_PATH"

EXIT_CODES = """Exit codes: 0 clean (warnings allowed); 1 findings (errors, or warnings with
--strict); 2 usage error; 3 invalid framework; 4 cannot read input; 5 internal error."""

app = typer.Typer(
    name="inspectkit",
    help="Validate, grade and report inspections run against a published quality framework "
    "on a six-point scale.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
frameworks_app = typer.Typer(help="List, show and lint frameworks.", no_args_is_help=True)
app.add_typer(frameworks_app, name="frameworks")

FrameworksDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--frameworks-dir",
        envvar=FRAMEWORKS_ENV,
        metavar="DIR",
        help=f"A folder of your own framework files, searched before the built-ins. "
        f"Repeatable; also read from ${FRAMEWORKS_ENV} (separated by "
        f"'{os.pathsep}').",
    ),
]
NamesFile = Annotated[
    Path | None,
    typer.Option(
        "--names-file",
        metavar="FILE",
        help="A local list of names (one per line) to look for in "
        "the evidence; keep it outside the evidence folder. It is never copied anywhere.",
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


def _format(registry: FormatRegistry, help_text: str = "") -> Any:
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


NoColor = Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal.")]
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inspectkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """inspectkit: quality-framework inspections, validated, graded and reported."""


def _run(action: Callable[[], int]) -> NoReturn:
    """Run a command body, turning every error into a message and an exit code."""
    try:
        code = action()
    except InspectkitError as exc:
        code = _report_error(exc)
    except KeyboardInterrupt:
        sys.stderr.write("inspectkit: interrupted\n")
        code = 130
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        sys.stderr.write(
            f"inspectkit: internal error: {type(exc).__name__}: {exc}\n"
            f"inspectkit: this is a bug; please report it at {ISSUES_URL} "
            "with the command you ran (but no evidence).\n"
        )
        code = ExitCode.INTERNAL
    raise typer.Exit(int(code))


def _report_error(exc: InspectkitError) -> int:
    from inspectkit.console import error
    from inspectkit.errors import Findings

    if exc.diagnostics:
        _warn_problems(exc.diagnostics)
    if not exc.diagnostics or isinstance(exc, Findings):
        error(exc.message)
    return int(exc.exit_code)


def _registry(dirs: list[Path] | None) -> Registry:
    """The frameworks visible to this command; a missing or broken user folder is exit 3."""
    from inspectkit.framework.registry import Registry

    return Registry.open(dirs or ())


def _inspect(folder: Path, dirs: list[Path] | None, options: InspectOptions) -> Inspection:
    from inspectkit.inspection import inspect_folder

    return inspect_folder(folder, _registry(dirs), options)


def _write(registry: FormatRegistry, name: str, view: object, output: Path | None) -> None:
    """Write ``view`` in the format ``name`` to ``output`` or standard output."""
    from inspectkit.console import emit

    fmt = registry.get(name)
    if fmt.binary and output is None:
        raise UsageError(f"The {name} format is not text: give --output FILE to write it.")
    emit(fmt.write(view), output, binary=fmt.binary)


@frameworks_app.command("list")
def frameworks_list(
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(FRAMEWORK_LIST_FORMATS)] = "text",
    output: Output = None,
) -> None:
    """List every framework: id, version, status, where it came from, title.

    Example: inspectkit frameworks list --frameworks-dir ./my-frameworks
    """

    def body() -> int:
        _guard([output], _framework_files(frameworks_dir))
        _write(FRAMEWORK_LIST_FORMATS, fmt, _registry(frameworks_dir).entries(), output)
        return ExitCode.OK

    _run(body)


@frameworks_app.command("show")
def frameworks_show(
    ref: Annotated[str, typer.Argument(metavar="ID[@VERSION]", help="e.g. cso-at-home@1.0")],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(FRAMEWORK_SHOW_FORMATS)] = "text",
    output: Output = None,
) -> None:
    """Show a framework: scale, key questions, indicators, what is graded, evidence.

    Example: inspectkit frameworks show cso-at-home
    """

    def body() -> int:
        _guard([output], _framework_files(frameworks_dir))
        fw = _registry(frameworks_dir).load(ref).framework
        _write(FRAMEWORK_SHOW_FORMATS, fmt, fw, output)
        return ExitCode.OK

    _run(body)


@frameworks_app.command("lint")
def frameworks_lint(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...", help="Framework files; all visible frameworks if none."
        ),
    ] = None,
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(DIAGNOSTIC_FORMATS, _DIAGNOSTIC_HELP)] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    no_color: NoColor = False,
    output: Output = None,
) -> None:
    """Check framework files: fields, ids, references, bands, and the domain rules.

    Example: inspectkit frameworks lint frameworks/*.yaml
    """

    def body() -> int:
        from inspectkit.framework.registry import Registry
        from inspectkit.textfile import display_path

        # Lint reports a broken framework file rather than refusing to start.
        registry = Registry(frameworks_dir or ())
        paths = list(files or []) or [e.path for e in registry.entries()]
        _guard([output], [*paths, *_framework_files(frameworks_dir)])
        diagnostics = list(registry.problems)
        for path in paths:
            diagnostics += registry.lint(path)[1]
        code = _finish(diagnostics, [display_path(p) for p in paths], fmt, strict, no_color, output)
        return ExitCode.INVALID_FRAMEWORK if registry.problems else code

    _run(body)


_DIAGNOSTIC_HELP = (
    "auto (github under GitHub Actions, else text), text, parsable, json, github, junit or sarif."
)


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Evidence folders, or single files within them."),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(DIAGNOSTIC_FORMATS, _DIAGNOSTIC_HELP)] = "auto",
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Warnings fail too, and possible personal data is an error."),
    ] = False,
    names_file: NamesFile = None,
    jobs: Jobs = None,
    no_color: NoColor = False,
    output: Output = None,
) -> None:
    """Check evidence folders against their framework and report every problem.

    Text goes to standard error; a machine format goes to standard output or --output.
    Several folders are checked in parallel (--jobs).

    Example: inspectkit validate examples/cso-at-home-glenbrae --format github
    """

    def body() -> int:
        from inspectkit.batch import validate_paths

        _guard([output], paths)
        names = _names(names_file, paths)
        found = validate_paths(
            paths, _registry(frameworks_dir), names=names, strict=strict, jobs=_jobs(jobs)
        )
        code = _finish(found.diagnostics, found.files, fmt, strict, no_color, output)
        return max(found.exit_code, code)

    _run(body)


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
    fmt: Annotated[str, _format(GRADE_FORMATS)] = "text",
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
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    no_color: NoColor = False,
    output: Output = None,
) -> None:
    """Propose a grade for each graded indicator, explained, beside the team's evaluation.

    The evidence is validated first; a folder with errors is not graded.

    Example: inspectkit grade examples/cso-at-home-glenbrae --explain 5.3
    """

    def body() -> int:
        from inspectkit.diagnostics import has_errors
        from inspectkit.inspection import InspectOptions
        from inspectkit.output.grades import GradeView

        _guard([output], [folder])
        options = InspectOptions(fail_under=fail_under, require_evaluations=require_evaluations)
        inspection = _inspect(folder, frameworks_dir, options)
        report = inspection.graded()
        if indicator is not None and indicator not in report.framework.graded:
            raise UsageError(
                f"Indicator '{indicator}' is not graded in {report.framework.ref} "
                f"(graded: {', '.join(report.framework.graded)})."
            )
        _write(GRADE_FORMATS, fmt, GradeView(report, explain, indicator), output)
        problems = inspection.problems
        _warn_problems([d for d in problems if d.severity.value != "note"])
        return ExitCode.FINDINGS if has_errors(problems, strict=strict) else ExitCode.OK

    _run(body)


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
        inspection = _inspect(folder, frameworks_dir, InspectOptions(grade=False))
        if inspection.framework is None or any(
            d.severity.value == "error" for d in inspection.diagnostics
        ):
            _warn_problems(inspection.diagnostics)
            return ExitCode.FINDINGS
        locked = lock_file(inspection.folder, inspection.framework, when, indicator or ())
        typer.echo(f"locked {', '.join(locked.indicators) or 'nothing'} on {when}", err=True)
        return ExitCode.OK

    _run(body)


@app.command("report")
def report(
    folder: Annotated[Path, typer.Argument(help="The evidence folder.")],
    fmt: Annotated[str, _format(REPORT_FORMATS, "md, html or both.")] = "both",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="The folder to write into (default: "
            "./inspectkit-report, refused inside the evidence folder).",
        ),
    ] = None,
    template: Annotated[
        str, typer.Option("--template", metavar="NAME", help="Render NAME.md.j2 / NAME.html.j2.")
    ] = "report",
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
    no_color: NoColor = False,
) -> None:
    """Write a draft inspection report in Markdown and HTML, from a validated folder.

    The report is refused (exit 1) while the evidence holds possible personal data, unless
    --redact or --allow-personal-data is given. Exit 2 for a template error or a report file
    that exists without --force.

    Example: inspectkit report examples/cso-at-home-glenbrae --output reports
    """

    def body() -> int:
        from inspectkit.inspection import InspectOptions
        from inspectkit.policy import PersonalData, ReleasePolicy, build_date, release
        from inspectkit.report import ReportRequest, write_report

        formats = tuple(f.name for f in REPORT_FORMATS.expand(fmt))
        names = _names(names_file, [folder])
        _guard([output], [folder])
        inspection = _inspect(folder, frameworks_dir, InspectOptions(names=names))
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
        request = ReportRequest(formats, template, tuple(templates_dir or ()), output, when, force)
        written = write_report(released, request)
        _warn_problems([d for d in inspection.diagnostics if d.severity.value != "note"])
        for path in written:
            sys.stderr.write(f"wrote    {path.as_posix()}\n")
        return ExitCode.OK

    _run(body)


@app.command("init")
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to create (or complete).")],
    framework: Annotated[
        str,
        typer.Option(
            "--framework", metavar="ID[@VERSION]", help="The framework the inspection follows."
        ),
    ],
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Write a ready-to-fill evidence folder; never overwrites an existing file.

    Example: inspectkit init glenbrae-2026 --framework cso-at-home
    """

    def body() -> int:
        from inspectkit.scaffold import scaffold_files, write_scaffold

        _guard([folder], _framework_files(frameworks_dir))
        fw = _registry(frameworks_dir).load(framework).framework
        written, kept = write_scaffold(folder, scaffold_files(fw))
        for rel in written:
            sys.stderr.write(f"created  {(folder / rel).as_posix()}\n")
        for rel in kept:
            sys.stderr.write(f"kept     {(folder / rel).as_posix()} (already exists)\n")
        sys.stderr.write(
            f"Next: fill in {(folder / 'inspection.yaml').as_posix()}, then run "
            f"'inspectkit validate {folder.as_posix()}'.\n"
        )
        return ExitCode.OK

    _run(body)


@app.command("schema")
def schema(
    name: Annotated[
        str,
        typer.Argument(help="framework, manifest, evidence, evaluations or grade-results."),
    ],
    output: Output = None,
) -> None:
    """Print the JSON Schema of a kind of file, for editors and other tools.

    Example: inspectkit schema evidence > evidence.schema.json
    """

    def body() -> int:
        from inspectkit.console import emit
        from inspectkit.schemas import SCHEMA_NAMES, schema_text

        _guard([output], [])
        if name not in SCHEMA_NAMES:
            raise UsageError(f"Unknown schema '{name}': use one of {', '.join(SCHEMA_NAMES)}.")
        emit(schema_text(name).encode("utf-8"), output)
        return ExitCode.OK

    _run(body)


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
    fmt: Annotated[str, _format(DIFF_FORMATS)] = "text",
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

        _guard([output], [old, new])
        registry = _registry(frameworks_dir)
        found = compare.build_diff(
            compare.load_snapshot(old, registry), compare.load_snapshot(new, registry)
        )
        _write(DIFF_FORMATS, fmt, found, output)
        if fail_on_drop and found.final_drops:
            sys.stderr.write(f"inspectkit: {compare.drops_line(found)}\n")
            return ExitCode.FINDINGS
        return ExitCode.OK

    _run(body)


@app.command("overview")
def overview(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="DIR...", help="Evidence folders, or folders that hold them."),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(OVERVIEW_FORMATS)] = "text",
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
        _guard([output, html], [*paths, *folders])
        _registry(frameworks_dir)  # a missing or broken folder stops here, not per folder
        with progress(len(folders), sys.stderr, enabled=sys.stderr.isatty()) as done:
            outcomes = ov.assess_all(folders, frameworks_dir or (), jobs=_jobs(jobs), on_done=done)
        found = ov.summarise(outcomes)
        # Rendered before anything is written, so that a template error writes nothing.
        page = ov.render_html(found) if html is not None else None
        _write(OVERVIEW_FORMATS, fmt, found, output)
        if html is not None and page is not None:
            write_atomic(html, page.encode("utf-8"))
            sys.stderr.write(f"wrote    {html.as_posix()}\n")
        return ExitCode.FINDINGS if found.failed else ExitCode.OK

    _run(body)


def _jobs(jobs: int | None) -> int:
    return jobs or os.cpu_count() or 1


def _guard(outputs: list[Path | None], inputs: list[Path]) -> None:
    """Refuse an output path that is an input or lies inside an evidence folder (exit 2)."""
    from inspectkit.files import refuse_output_over_inputs

    refuse_output_over_inputs([o for o in outputs if o is not None], inputs)


def _framework_files(dirs: list[Path] | None) -> list[Path]:
    """The framework files of the user's folders: inputs that no output may replace."""
    found: list[Path] = []
    for folder in dirs or []:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")]
    return found


def _names(names_file: Path | None, folders: list[Path]) -> list[re.Pattern[str]]:
    if names_file is None:
        return []
    from inspectkit.privacy import read_names

    return read_names(names_file, folders)


def _warn_problems(problems: list[Diagnostic]) -> None:
    if problems:
        from inspectkit.output.diagnostics import render

        sys.stderr.write(render(problems, "text", tool_version=__version__))


def _finish(
    diagnostics: list[Diagnostic],
    files: list[str],
    fmt: str,
    strict: bool,
    no_color: bool,
    output: Path | None,
) -> int:
    """Render diagnostics in the chosen format and return the exit code."""
    from inspectkit.console import emit, in_github_actions, use_color
    from inspectkit.diagnostics import has_errors, sort_diagnostics
    from inspectkit.output.diagnostics import render, resolve_format

    chosen = resolve_format(fmt, github_actions=in_github_actions())
    ordered = sort_diagnostics(diagnostics)
    if chosen == "text" and output is None:
        color = use_color(sys.stderr, no_color=no_color)
        text = render(
            ordered, chosen, tool_version=__version__, files=files, color=color, strict=strict
        )
        emit(text.encode("utf-8"), stream=sys.stderr)
    else:
        text = render(ordered, chosen, tool_version=__version__, files=files, strict=strict)
        emit(text.encode("utf-8"), output)
    return ExitCode.FINDINGS if has_errors(ordered, strict=strict) else ExitCode.OK

"""The command line: parse options, call one library function, format, return an exit code.

Heavy modules are imported inside the commands so that ``--help`` and ``--version`` start
fast. Every error is handled in :func:`_run`; no traceback reaches the user.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from typer.core import TyperArgument, TyperCommand

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
    TEMPLATE_FORMATS,
    FormatRegistry,
)

if TYPE_CHECKING:
    import re

    from inspectkit.config import LoadedConfig
    from inspectkit.diagnostics import Diagnostic
    from inspectkit.evidence.silence import Silenced
    from inspectkit.framework.registry import Registry
    from inspectkit.inspection import Inspection, InspectOptions
    from inspectkit.settings import Settings

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


def _complete_frameworks(incomplete: str) -> list[str]:
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
        autocompletion=_complete_frameworks,
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


_SCHEMAS = ("framework", "manifest", "evidence", "evaluations", "grade-results")
_DIAGNOSTIC_HELP = (
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


@dataclass(frozen=True)
class Session:
    """The options every command takes: configuration, how much to say, and colour."""

    config: Path | None = None
    no_config: bool = False
    quiet: bool = False
    verbose: bool = False
    color: str = "auto"


_SESSION = Session()
_LOADED: dict[tuple[Session, Path], LoadedConfig | None] = {}
_COLORS = ("auto", "always", "never")


def _parse_color(value: str) -> str:
    if value in _COLORS:
        return value
    raise typer.BadParameter(f"use one of {', '.join(_COLORS)}, not '{value}'.")


_SESSION_OPTIONS: dict[str, Any] = {
    "config": Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Read the configuration from FILE (default: [tool.inspectkit] in the "
            "nearest pyproject.toml, or inspectkit.toml, from here upward).",
        ),
    ],
    "no_config": Annotated[bool, typer.Option("--no-config", help="Read no configuration file.")],
    "quiet": Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Say only what is wrong: no notes, progress or logs."),
    ],
    "verbose": Annotated[
        bool, typer.Option("--verbose", "-v", help="Also log what is read, on standard error.")
    ],
    "color": Annotated[
        str,
        typer.Option(
            "--color",
            metavar="<auto|always|never>",
            parser=_parse_color,
            autocompletion=lambda incomplete: [c for c in _COLORS if c.startswith(incomplete)],
            help="Colour: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), "
            "always or never.",
        ),
    ],
    "no_color": Annotated[bool, typer.Option("--no-color", help="The same as --color never.")],
}
_SESSION_DEFAULTS = {"config": None, "color": "auto"}


def _session_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the options of :class:`Session`; they are set aside before it runs."""

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        global _SESSION
        no_color = kwargs.pop("no_color")
        values = {name: kwargs.pop(name) for name in _SESSION_OPTIONS if name in kwargs}
        if no_color:
            values["color"] = "never"
        if values["quiet"] and values["verbose"]:
            raise typer.BadParameter("give --quiet or --verbose, not both.")
        _SESSION = Session(**values)
        command(**kwargs)

    signature = inspect.signature(command, eval_str=True)
    extra = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=annotation,
            default=_SESSION_DEFAULTS.get(name, False),
        )
        for name, annotation in _SESSION_OPTIONS.items()
    ]
    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()]
    wrapper.__signature__ = signature.replace(parameters=[*params, *extra])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {
        **{p.name: p.annotation for p in params},
        **_SESSION_OPTIONS,
        "return": None,
    }
    del wrapper.__wrapped__  # typer must read the new signature, not the command's own
    return wrapper


def _log(message: str) -> None:
    """A line of progress on standard error, unless --quiet."""
    if not _SESSION.quiet:
        sys.stderr.write(message + "\n")


def _debug(message: str) -> None:
    """A line on standard error with --verbose."""
    if _SESSION.verbose:
        sys.stderr.write(f"inspectkit: {message}\n")


def _color(stream: TextIO) -> bool:
    from inspectkit.console import use_color

    return use_color(stream, _SESSION.color, os.environ)


def _width(stream: TextIO) -> int:
    """The width to fit: $COLUMNS, else the terminal's, else 0 (not a terminal: no wrapping)."""
    from inspectkit.console import terminal_width

    return terminal_width(stream, os.environ)


def _settings(**flags: Any) -> Settings:
    """Every setting of this run: flags, then the environment, then the file, then defaults."""
    from inspectkit.settings import Flags, open_config, resolve

    key = (_SESSION, Path.cwd())
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = open_config(_SESSION.config, disabled=_SESSION.no_config, cwd=key[1])
        found = _LOADED[key]
        _debug(f"configuration: {found.path.as_posix() if found else '(none)'}")
    return resolve(Flags(**flags), os.environ, _LOADED[key])


def _dirs(flag: list[Path] | None) -> tuple[Path, ...]:
    """The frameworks folders: --frameworks-dir, else the environment, else the file."""
    return _settings(frameworks_dirs=flag).frameworks_dirs


def _inspect_options(settings: Settings, names: Any, **more: Any) -> InspectOptions:
    """The pipeline's options from the settings."""
    from inspectkit.inspection import InspectOptions
    from inspectkit.textfile import display_path
    from inspectkit.validate import Accepted

    source = display_path(settings.config_file) if settings.config_file else ""
    accepted = Accepted(settings.accepted, source)
    return InspectOptions(
        names=names, severity=settings.severity, accepted=accepted, strict=settings.strict, **more
    )


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

    return Registry.open(_dirs(dirs))


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
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID[@VERSION]", autocompletion=_complete_frameworks, help="e.g. cso-at-home@1.0"
        ),
    ],
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
        settings = _settings(strict=strict, frameworks_dirs=frameworks_dir)
        registry = Registry(settings.frameworks_dirs)
        paths = list(files or []) or [e.path for e in registry.entries()]
        _guard([output], [*paths, *_framework_files(frameworks_dir)])
        diagnostics = list(registry.problems)
        for path in paths:
            diagnostics += registry.lint(path)[1]
        shown = [display_path(p) for p in paths]
        code = _finish(diagnostics, shown, fmt, settings.strict, output)
        return ExitCode.INVALID_FRAMEWORK if registry.problems else code

    _run(body)


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Evidence folders, or single files within them."),
    ],
    frameworks_dir: FrameworksDirs = None,
    fmt: Annotated[str, _format(DIAGNOSTIC_FORMATS, _DIAGNOSTIC_HELP)] = "auto",
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
        from inspectkit.batch import validate_paths

        _guard([output], paths)
        settings = _settings(strict=strict, names_file=names_file, frameworks_dirs=frameworks_dir)
        names = _names(settings.names_file, paths)
        options = _inspect_options(settings, names)
        found = validate_paths(
            paths,
            _registry(frameworks_dir),
            strict=settings.strict,
            jobs=_jobs(jobs),
            options=options,
        )
        _debug(f"checked {len(found.folders)} folders, {len(found.files)} files")
        code = _finish(found.diagnostics, found.files, fmt, settings.strict, output, found.silenced)
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

        _guard([output], [folder])
        settings = _settings(strict=strict, frameworks_dirs=frameworks_dir)
        more = {"fail_under": fail_under, "require_evaluations": require_evaluations}
        inspection = _inspect(folder, frameworks_dir, _inspect_options(settings, (), **more))
        report = inspection.graded()
        if indicator is not None and indicator not in report.framework.graded:
            raise UsageError(
                f"Indicator '{indicator}' is not graded in {report.framework.ref} "
                f"(graded: {', '.join(report.framework.graded)})."
            )
        view = GradeView(report, explain, indicator, width=_width(sys.stdout))
        _write(GRADE_FORMATS, fmt, view, output)
        problems = inspection.problems
        _warn_problems([d for d in problems if d.severity.value != "note"])
        return ExitCode.FINDINGS if has_errors(problems, strict=settings.strict) else ExitCode.OK

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
    fmt: Annotated[
        str | None,
        _format(REPORT_FORMATS, "md, html, docx, pdf or both (md and html; the default)."),
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
        settings = _settings(names_file=names_file, report_output=output, **flags)
        formats = tuple(f.name for f in REPORT_FORMATS.expand(settings.report.format))
        names = _names(settings.names_file, [folder])
        output_dir = settings.report.output
        _guard([output_dir], [folder])
        inspection = _inspect(folder, frameworks_dir, _inspect_options(settings, names))
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
        _warn_problems([d for d in inspection.diagnostics if d.severity.value != "note"])
        for path in written:
            _log(f"wrote    {path.as_posix()}")
        return ExitCode.OK

    _run(body)


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

        _guard([folder], _framework_files(frameworks_dir))
        fw = _registry(frameworks_dir).load(framework).framework
        written, kept = write_scaffold(folder, scaffold_files(fw))
        for rel in written:
            _log(f"created  {(folder / rel).as_posix()}")
        for rel in kept:
            _log(f"kept     {(folder / rel).as_posix()} (already exists)")
        _log(
            f"Next: fill in {(folder / 'inspection.yaml').as_posix()}, then run "
            f"'inspectkit validate {folder.as_posix()}'."
        )
        return ExitCode.OK

    _run(body)


@app.command("template")
def template(
    folder: Annotated[Path, typer.Argument(help="The folder to write into (an evidence folder).")],
    framework: Annotated[
        str,
        typer.Option(
            "--framework", metavar="ID[@VERSION]", help="The framework the forms are for."
        ),
    ],
    fmt: Annotated[str, _format(TEMPLATE_FORMATS)] = "xlsx",
    frameworks_dir: FrameworksDirs = None,
) -> None:
    """Write forms to fill in: workbooks in records/ and surveys/, or printable forms in
    forms/. Never overwrites an existing file.

    Example: inspectkit template glenbrae-2026 --framework cso-at-home --format all
    """

    def body() -> int:
        from inspectkit.files import write_new
        from inspectkit.forms import template_files

        _guard([folder], _framework_files(frameworks_dir))
        fw = _registry(frameworks_dir).load(framework).framework
        formats = tuple(f.name for f in TEMPLATE_FORMATS.expand(fmt))
        for rel, data in template_files(fw, formats).items():
            done = write_new(folder / rel, data)
            shown = (folder / rel).as_posix()
            sys.stderr.write(
                f"created  {shown}\n" if done else f"kept     {shown} (already exists)\n"
            )
        return ExitCode.OK

    _run(body)


@app.command("schema")
def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            autocompletion=lambda incomplete: [n for n in _SCHEMAS if n.startswith(incomplete)],
            help="framework, manifest, evidence, evaluations or grade-results.",
        ),
    ],
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            metavar="ID[@VERSION]",
            autocompletion=_complete_frameworks,
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

        _guard([output], _framework_files(frameworks_dir))
        if name not in _SCHEMAS:
            raise UsageError(f"Unknown schema '{name}': use one of {', '.join(_SCHEMAS)}.")
        if framework is None:
            emit(schema_text(name).encode("utf-8"), output)
            return ExitCode.OK
        if name not in EDITOR_SCHEMAS:
            raise UsageError(f"--framework is for {', '.join(EDITOR_SCHEMAS)}, not '{name}'.")
        fw = _registry(frameworks_dir).load(framework).framework
        emit(framework_schema_text(name, fw).encode("utf-8"), output)
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
        shown = sys.stderr.isatty() and not _SESSION.quiet
        with progress(len(folders), sys.stderr, enabled=shown) as done:
            dirs = list(_dirs(frameworks_dir))
            outcomes = ov.assess_all(folders, dirs, jobs=_jobs(jobs), on_done=done)
        found = ov.summarise(outcomes)
        # Rendered before anything is written, so that a template error writes nothing.
        page = ov.render_html(found) if html is not None else None
        _write(OVERVIEW_FORMATS, fmt, found, output)
        if html is not None and page is not None:
            write_atomic(html, page.encode("utf-8"))
            _log(f"wrote    {html.as_posix()}")
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
    for folder in _dirs(dirs):
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")]
    return found


def _names(names_file: Path | None, folders: list[Path]) -> list[re.Pattern[str]]:
    if names_file is None:
        return []
    from inspectkit.privacy import read_names

    return read_names(names_file, folders)


def _warn_problems(problems: list[Diagnostic]) -> None:
    """Problems beside a command's result, as text on standard error."""
    if problems:
        from inspectkit.output.diagnostics import render

        text = render(
            problems,
            "text",
            tool_version=__version__,
            color=_color(sys.stderr),
            width=_width(sys.stderr),
            quiet=_SESSION.quiet,
        )
        sys.stderr.write(text)


def _finish(
    diagnostics: list[Diagnostic],
    files: list[str],
    fmt: str,
    strict: bool,
    output: Path | None,
    silenced: Sequence[Silenced] = (),
) -> int:
    """Render diagnostics in the chosen format to standard output (or ``output``) and
    return the exit code."""
    from inspectkit.console import emit, in_github_actions
    from inspectkit.diagnostics import has_errors, sort_diagnostics
    from inspectkit.output.diagnostics import render, resolve_format

    chosen = resolve_format(fmt, github_actions=in_github_actions())
    ordered = sort_diagnostics(diagnostics)
    terminal = chosen == "text" and output is None
    text = render(
        ordered,
        chosen,
        tool_version=__version__,
        files=files,
        color=terminal and _color(sys.stdout),
        strict=strict,
        silenced=silenced,
        width=_width(sys.stdout) if terminal else 0,
        quiet=_SESSION.quiet,
    )
    emit(text.encode("utf-8"), output)
    return ExitCode.FINDINGS if has_errors(ordered, strict=strict) else ExitCode.OK


class _Argument(TyperArgument):
    """An argument shown by its metavar alone: no '<list[Path]>', no '{PATH...}...'."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _rich_display_name(self) -> str:
        if self.metavar is not None:
            return self.metavar
        name = self.display_name_raw.upper()
        return name if self.required else f"[{name}]"

    def _usage_display_name(self) -> str:
        return self._rich_display_name()


class _Command(TyperCommand):
    """A command whose arguments are shown as :class:`_Argument`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _Argument


def _finalise(*typers: typer.Typer) -> None:
    """Give every command the session options and the help without type names."""
    for group in typers:
        for info in group.registered_commands:
            assert info.callback is not None
            info.callback = _session_options(info.callback)
            if info.cls in (None, TyperCommand):
                info.cls = _Command


_finalise(app, frameworks_app)

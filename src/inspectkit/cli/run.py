"""What every command does around its library call: settings, the pipeline, writing, and
turning errors into messages and exit codes in one place."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from inspectkit import __version__
from inspectkit.errors import ExitCode, InspectkitError, UsageError
from inspectkit.formats import (
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

from inspectkit.cli.app import STATE, Session, color_for, debug, width_for

ISSUES_URL = "https://github.com/inspectkit/inspectkit/issues"


_LOADED: dict[tuple[Session, Path], LoadedConfig | None] = {}


def settings_for(**flags: Any) -> Settings:
    """Every setting of this run: flags, then the environment, then the file, then defaults."""
    from inspectkit.settings import Flags, open_config, resolve

    key = (STATE.session, Path.cwd())
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = open_config(
            STATE.session.config, disabled=STATE.session.no_config, cwd=key[1]
        )
        found = _LOADED[key]
        debug(f"configuration: {found.path.as_posix() if found else '(none)'}")
    return resolve(Flags(**flags), os.environ, _LOADED[key])


def frameworks_dirs(flag: list[Path] | None) -> tuple[Path, ...]:
    """The frameworks folders: --frameworks-dir, else the environment, else the file."""
    return settings_for(frameworks_dirs=flag).frameworks_dirs


def inspect_options(settings: Settings, names: Any, **more: Any) -> InspectOptions:
    """The pipeline's options from the settings."""
    from inspectkit.options import Accepted, InspectOptions
    from inspectkit.textfile import display_path

    source = display_path(settings.config_file) if settings.config_file else ""
    accepted = Accepted(settings.accepted, source)
    return InspectOptions(
        names=names, severity=settings.severity, accepted=accepted, strict=settings.strict, **more
    )


def run_command(action: Callable[[], int]) -> NoReturn:
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
        warn_problems(exc.diagnostics)
    if not exc.diagnostics or isinstance(exc, Findings):
        error(exc.message)
    return int(exc.exit_code)


def open_registry(dirs: list[Path] | None) -> Registry:
    """The frameworks visible to this command; a missing or broken user folder is exit 3."""
    from inspectkit.framework.registry import Registry

    return Registry.open(frameworks_dirs(dirs))


def inspect_with(folder: Path, dirs: list[Path] | None, options: InspectOptions) -> Inspection:
    from inspectkit.inspection import inspect_folder

    return inspect_folder(folder, open_registry(dirs), options)


def write_view(registry: FormatRegistry, name: str, view: object, output: Path | None) -> None:
    """Write ``view`` in the format ``name`` to ``output`` or standard output."""
    from inspectkit.console import emit

    fmt = registry.get(name)
    if fmt.binary and output is None:
        raise UsageError(f"The {name} format is not text: give --output FILE to write it.")
    emit(fmt.write(view), output, binary=fmt.binary)


def jobs_for(jobs: int | None) -> int:
    return jobs or os.cpu_count() or 1


def guard_outputs(outputs: list[Path | None], inputs: list[Path]) -> None:
    """Refuse an output path that is an input or lies inside an evidence folder (exit 2)."""
    from inspectkit.files import refuse_output_over_inputs

    refuse_output_over_inputs([o for o in outputs if o is not None], inputs)


def framework_files(dirs: list[Path] | None) -> list[Path]:
    """The framework files of the user's folders: inputs that no output may replace."""
    found: list[Path] = []
    for folder in frameworks_dirs(dirs):
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")]
    return found


def read_names_file(names_file: Path | None, folders: list[Path]) -> list[re.Pattern[str]]:
    if names_file is None:
        return []
    from inspectkit.privacy import read_names

    return read_names(names_file, folders)


def warn_problems(problems: list[Diagnostic]) -> None:
    """Problems beside a command's result, as text on standard error."""
    if problems:
        from inspectkit.output.diagnostics import render

        text = render(
            problems,
            "text",
            tool_version=__version__,
            color=color_for(sys.stderr),
            width=width_for(sys.stderr),
            quiet=STATE.session.quiet,
        )
        sys.stderr.write(text)


def finish(
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
        color=terminal and color_for(sys.stdout),
        strict=strict,
        silenced=silenced,
        width=width_for(sys.stdout) if terminal else 0,
        quiet=STATE.session.quiet,
    )
    emit(text.encode("utf-8"), output)
    return ExitCode.FINDINGS if has_errors(ordered, strict=strict) else ExitCode.OK

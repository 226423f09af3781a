"""The Typer application, the options every command shares, and how help shows them."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperArgument, TyperCommand

from inspectkit import __version__

if TYPE_CHECKING:
    pass


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


@dataclass
class _State:
    """The session of the command being run (set before its body runs)."""

    session: Session = field(default_factory=Session)


#: The running command's session: read it as ``STATE.session``.
STATE = _State()
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
        no_color = kwargs.pop("no_color")
        values = {name: kwargs.pop(name) for name in _SESSION_OPTIONS if name in kwargs}
        if no_color:
            values["color"] = "never"
        if values["quiet"] and values["verbose"]:
            raise typer.BadParameter("give --quiet or --verbose, not both.")
        STATE.session = Session(**values)
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


def log(message: str) -> None:
    """A line of progress on standard error, unless --quiet."""
    if not STATE.session.quiet:
        sys.stderr.write(message + "\n")


def debug(message: str) -> None:
    """A line on standard error with --verbose."""
    if STATE.session.verbose:
        sys.stderr.write(f"inspectkit: {message}\n")


def color_for(stream: TextIO) -> bool:
    from inspectkit.console import use_color

    return use_color(stream, STATE.session.color, os.environ)


def width_for(stream: TextIO) -> int:
    """The width to fit: $COLUMNS, else the terminal's, else 0 (not a terminal: no wrapping)."""
    from inspectkit.console import terminal_width

    return terminal_width(stream, os.environ)


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


def finalise(*typers: typer.Typer) -> None:
    """Give every command the session options and the help without type names."""
    for group in typers:
        for info in group.registered_commands:
            assert info.callback is not None
            info.callback = _session_options(info.callback)
            if info.cls in (None, TyperCommand):
                info.cls = _Command

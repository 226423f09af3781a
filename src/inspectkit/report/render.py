"""Render a report context through Jinja templates, built-in or the user's, in the sandbox.

Templates are found in the user's folders first, then among the built-ins, which are also
reachable as ``builtin/<name>`` so that a user template can extend the one it shadows. Every
template, built-in or not, runs in Jinja's immutable sandbox with undefined variables as
errors. HTML is autoescaped. Markdown has no escaping of its own, so for Markdown every string
of the context is escaped before rendering (:func:`inspectkit.report.text.md_escape`) and
marked safe: a template cannot forget it, and evidence text can never become structure.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from inspectkit.errors import TemplateProblem
from inspectkit.report.templatecache import TemplateCache, cache_dir
from inspectkit.report.text import normalise, normalise_markdown
from inspectkit.resources import data_dir
from inspectkit.textfile import display_path
from inspectkit.textsafe import md_escape, safe

BUILTIN = "builtin"
DEFAULT_TEMPLATE = "report"


def template_name(template: str, fmt: str) -> str:
    """The file a template name stands for: 'report' -> 'report.html.j2' for HTML.

    Raises:
        TemplateProblem: the name is a file of another format.
    """
    if template.endswith(f".{fmt}.j2"):
        return template
    if template.endswith(".j2"):
        raise TemplateProblem(
            f"The template '{template}' is not a .{fmt}.j2 template; give "
            "its name without the extension to render every format."
        )
    return f"{template}.{fmt}.j2"


def environment(templates_dirs: Sequence[Path] = ()) -> ImmutableSandboxedEnvironment:
    """A sandboxed Jinja environment: the user's folders, then the built-ins.

    Raises:
        TemplateProblem: a templates folder does not exist.
    """
    for folder in templates_dirs:
        if not folder.is_dir():
            raise TemplateProblem(f"--templates-dir '{display_path(folder)}' is not a folder.")
    builtin = FileSystemLoader(str(data_dir("templates")))
    loaders: list[BaseLoader] = [PrefixLoader({BUILTIN: builtin})]
    loaders += [FileSystemLoader(str(folder)) for folder in templates_dirs]
    loaders.append(builtin)
    return _Sandbox(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_template_cache(),
    )


#: What ``getattr`` finds on every dict: for these names ``d.name`` is the attribute.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, quicker at ``entry.field`` on the context's dicts.

    Jinja looks ``d.name`` up as an attribute first and, when that raises, as an item. A
    name no dict has as an attribute can only be an item, so it is looked up as one at
    once: the same answer without an exception per lookup (a large report makes 100,000).
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                pass
        return super().getattr(obj, attribute)


def _template_cache() -> TemplateCache | None:
    """Compiled templates kept between runs (:mod:`inspectkit.report.templatecache`)."""
    folder = cache_dir()
    options = "sandbox=immutable autoescape strict-undefined trim lstrip keep-newline"
    return TemplateCache(folder, options) if folder is not None else None


def render(
    context: dict[str, Any],
    fmt: str,
    template: str = DEFAULT_TEMPLATE,
    templates_dirs: Sequence[Path] = (),
) -> str:
    """The report text in ``fmt`` ("md" or "html").

    Raises:
        TemplateProblem: a template is missing, has a syntax error, uses an undefined
            variable, tries something the sandbox forbids, or fails while rendering.
    """
    env = environment(templates_dirs)
    name = template_name(template, fmt)
    data = markdown_context(context) if fmt == "md" else context
    try:
        text = env.get_template(name).render(data)
    except TemplateSyntaxError as exc:
        where = _place(exc.filename or exc.name or name, exc.lineno)
        raise TemplateProblem(safe(f"{where}: template syntax error: {exc.message}")) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(safe(_not_found(exc, name, templates_dirs))) from None
    except TemplateError as exc:
        raise TemplateProblem(
            safe(f"{_where(exc, name)}: {exc.message or type(exc).__name__}")
        ) from None
    except Exception as exc:
        frame = _template_frame(exc)
        if frame is None or _is_builtin(frame[0]):
            raise  # a bug in inspectkit, not in the user's template
        # The message may quote evidence: shown escaped, like every message.
        raise TemplateProblem(safe(f"{_place(*frame)}: {type(exc).__name__}: {exc}")) from None
    return normalise_markdown(text) if fmt == "md" else normalise(text)


def markdown_context(value: Any, seen: dict[str, Markup] | None = None) -> Any:
    """The context with every string escaped for Markdown and marked as safe to print.

    Each distinct string is escaped once (``seen``): labels, ids and framework texts repeat
    across thousands of entries.
    """
    seen = {} if seen is None else seen
    if isinstance(value, str):
        escaped = seen.get(value)
        if escaped is None:
            escaped = seen[value] = Markup(md_escape(value))
        return escaped
    if isinstance(value, dict):
        return {k: markdown_context(v, seen) for k, v in value.items()}
    if isinstance(value, list):
        return [markdown_context(v, seen) for v in value]
    return value


OTHER_COMMANDS = frozenset({"overview"})  # templates of other commands, not reports


def builtin_names() -> list[str]:
    """The built-in report templates, without their format extensions."""
    names = {p.name.split(".")[0] for p in data_dir("templates").glob("*.j2")}
    return sorted(n for n in names if not n.startswith("_") and n not in OTHER_COMMANDS)


def _not_found(exc: TemplateNotFound, name: str, templates_dirs: Sequence[Path]) -> str:
    missing = exc.name if isinstance(exc.name, str) else name
    where = ", ".join(display_path(d) for d in templates_dirs)
    searched = f"{where} or the built-ins" if where else "the built-ins"
    if missing == name:
        return (
            f"No template '{name}' in {searched} (built-in templates: "
            f"{', '.join(builtin_names())})."
        )
    return f"{_where(exc, name)}: the template '{missing}' it uses is not in {searched}."


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template file and line in the traceback (Jinja rewrites its frames)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    return (frames[-1].filename, frames[-1].lineno or 0) if frames else None


def _where(exc: BaseException, name: str) -> str:
    frame = _template_frame(exc)
    return _place(*frame) if frame else name


def _is_builtin(filename: str) -> bool:
    return Path(filename).resolve().parent == data_dir("templates").resolve()


def _place(filename: str, line: int | None) -> str:
    path = Path(filename)
    shown = (
        f"{BUILTIN}/{path.name}"
        if path.is_absolute() and _is_builtin(filename)
        else display_path(path)
        if path.is_absolute()
        else filename
    )
    return f"{shown}:{line}" if line else shown


@dataclass(frozen=True)
class ReportView:
    """What a report writer is given: the template context and which template to render.

    Attributes:
        context: From :func:`inspectkit.report.context.build_context`.
        template: A template name without its format extension ("report").
        templates_dirs: The user's template folders, searched before the built-ins.
    """

    context: dict[str, Any]
    template: str = DEFAULT_TEMPLATE
    templates_dirs: Sequence[Path] = ()


def write_md(view: ReportView) -> bytes:
    """The report as Markdown."""
    return render(view.context, "md", view.template, view.templates_dirs).encode("utf-8")


def write_html(view: ReportView) -> bytes:
    """The report as a single accessible HTML file."""
    return render(view.context, "html", view.template, view.templates_dirs).encode("utf-8")

"""Printable forms: the record-reading template and survey question lists, as Markdown or HTML.

Rendered from ``templates/forms/form.md.j2`` and ``form.html.j2`` in a sandbox. HTML is
autoescaped; in Markdown every framework text passes through ``md_escape``, so a question's
text cannot become markup.
"""

from __future__ import annotations

from functools import cache

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from inspectkit.forms.model import FormPart
from inspectkit.resources import data_dir
from inspectkit.textsafe import md_escape


@cache
def _environment(html: bool) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(data_dir("templates") / "forms")),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    return env


def _render(part: FormPart, name: str, html: bool) -> bytes:
    template = _environment(html).get_template(name)
    return template.render(part=part, records=part.kind == "records").encode("utf-8")


def write_md(part: FormPart) -> bytes:
    """The form as Markdown."""
    return _render(part, "form.md.j2", html=False)


def write_html(part: FormPart) -> bytes:
    """The form as a single-file HTML page, laid out for printing."""
    return _render(part, "form.html.j2", html=True)

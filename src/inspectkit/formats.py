"""The output formats of every command, as registries: a name, a line of help, a writer.

In the style of check-jsonschema's ``REPORTER_BY_NAME`` and pre-commit's language table: a
writer is ``module:function``, imported only when used, that takes one view object and returns
the output as bytes (text formats encode UTF-8 themselves; a binary format such as Word can
be returned as it is). The CLI takes its ``--format`` choices and their help from here, so
adding a format is one module and one line below.

This module imports nothing heavy: ``--help`` reads it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspectkit.errors import UsageError
from inspectkit.suggest import did_you_mean

__all__ = [
    "DIAGNOSTIC_FORMATS",
    "DIFF_FORMATS",
    "FRAMEWORK_LIST_FORMATS",
    "FRAMEWORK_SHOW_FORMATS",
    "GRADE_FORMATS",
    "OVERVIEW_FORMATS",
    "REPORT_FORMATS",
    "TEMPLATE_FORMATS",
    "Format",
    "FormatRegistry",
]

Writer = Callable[[Any], bytes]


@dataclass(frozen=True)
class Format:
    """One output format.

    Attributes:
        name: What ``--format`` takes.
        help: A few words for ``--help``.
        writer: ``module:function`` taking the command's view object, returning bytes.
        suffix: The file name ending when written into a folder (report formats).
        binary: True when the bytes are not text (never written to a terminal).
    """

    name: str
    help: str
    writer: str
    suffix: str = ""
    binary: bool = False

    def load(self) -> Writer:
        """The writer function (its module is imported on first use)."""
        module, _, function = self.writer.partition(":")
        found: Writer = getattr(importlib.import_module(module), function)
        return found

    def write(self, view: object) -> bytes:
        """The output for ``view`` in this format."""
        return self.load()(view)


@dataclass
class FormatRegistry:
    """The formats one command can write, in the order ``--help`` lists them.

    Attributes:
        kind: What is written, for messages ("report", "grades").
        formats: By name.
        groups: Names that stand for several formats (``both`` for md and html).
        aliases: Names resolved by the caller before lookup (``auto``).
    """

    kind: str
    formats: dict[str, Format] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        kind: str,
        formats: Sequence[Format],
        groups: Mapping[str, tuple[str, ...]] | None = None,
        aliases: tuple[str, ...] = (),
    ) -> FormatRegistry:
        """A registry of ``formats`` (first is listed first)."""
        return cls(kind, {f.name: f for f in formats}, dict(groups or {}), aliases)

    def register(self, fmt: Format) -> None:
        """Add (or replace) a format."""
        self.formats[fmt.name] = fmt

    def unregister(self, name: str) -> None:
        """Remove a format (tests and plug-ins that added one)."""
        self.formats.pop(name, None)

    def __iter__(self) -> Iterator[Format]:
        return iter(self.formats.values())

    def __contains__(self, name: object) -> bool:
        return name in self.formats

    def names(self) -> list[str]:
        """Every name ``--format`` accepts: aliases, formats, then groups."""
        return [*self.aliases, *self.formats, *self.groups]

    def help(self) -> str:
        """'text (a table), json (...)' for ``--help``."""
        return "; ".join(f"{f.name}: {f.help}" for f in self)

    def get(self, name: str) -> Format:
        """The format called ``name``.

        Raises:
            UsageError: no such format (with a did-you-mean).
        """
        found = self.formats.get(name)
        if found is None:
            raise UsageError(self.unknown(name))
        return found

    def expand(self, name: str) -> tuple[Format, ...]:
        """The formats a name stands for: one, or a group's members.

        Raises:
            UsageError: no such format or group.
        """
        if name in self.groups:
            return tuple(self.get(n) for n in self.groups[name] if n in self.formats)
        return (self.get(name),)

    def unknown(self, name: str) -> str:
        """The sentence for a name that is not a format here."""
        hint = did_you_mean(name, self.names())
        return f"Unknown format '{name}': use one of {', '.join(self.names())}." + (
            f" {hint}" if hint else ""
        )


DIAGNOSTIC_FORMATS = FormatRegistry.of(
    "diagnostics",
    [
        Format("text", "for people", "inspectkit.output.diagnostics:write_text"),
        Format(
            "parsable",
            "yamllint's file:line:col lines",
            "inspectkit.output.diagnostics:write_parsable",
        ),
        Format("json", "every finding with its place", "inspectkit.output.diagnostics:write_json"),
        Format(
            "github", "GitHub Actions annotations", "inspectkit.output.diagnostics:write_github"
        ),
        Format(
            "junit", "JUnit XML for CI test reports", "inspectkit.output.diagnostics:write_junit"
        ),
        Format(
            "sarif", "SARIF 2.1.0 for code scanning", "inspectkit.output.diagnostics:write_sarif"
        ),
    ],
    aliases=("auto",),
)

GRADE_FORMATS = FormatRegistry.of(
    "grades",
    [
        Format(
            "text", "a table, or explanations with --explain", "inspectkit.output.grades:write_text"
        ),
        Format(
            "json",
            "every figure (schemas/grade-results.schema.json)",
            "inspectkit.output.grades:write_json",
        ),
        Format("yaml", "the JSON as YAML", "inspectkit.output.grades:write_yaml"),
        Format("csv", "one formula-safe row per indicator", "inspectkit.output.grades:write_csv"),
    ],
)

REPORT_FORMATS = FormatRegistry.of(
    "report",
    [
        Format("md", "Markdown", "inspectkit.report.render:write_md", suffix=".md"),
        Format(
            "html",
            "accessible single-file HTML",
            "inspectkit.report.render:write_html",
            suffix=".html",
        ),
        Format(
            "docx",
            "Word, with comments naming each finding's evidence",
            "inspectkit.report.word:write_docx",
            suffix=".docx",
            binary=True,
        ),
        Format(
            "pdf",
            "tagged PDF/UA (the pdf extra: WeasyPrint)",
            "inspectkit.report.pdf:write_pdf",
            suffix=".pdf",
            binary=True,
        ),
    ],
    groups={"both": ("md", "html")},
)

FRAMEWORK_LIST_FORMATS = FormatRegistry.of(
    "framework list",
    [
        Format("text", "a table", "inspectkit.output.frameworks:write_list_text"),
        Format("json", "every entry", "inspectkit.output.frameworks:write_list_json"),
    ],
)

FRAMEWORK_SHOW_FORMATS = FormatRegistry.of(
    "framework",
    [
        Format("text", "for people", "inspectkit.output.frameworks:write_show_text"),
        Format("json", "the resolved framework", "inspectkit.output.frameworks:write_show_json"),
    ],
)

DIFF_FORMATS = FormatRegistry.of(
    "diff",
    [
        Format("text", "for people", "inspectkit.compare.render:write_text"),
        Format(
            "md",
            "Markdown for a pull request or a note",
            "inspectkit.compare.markdown:write_markdown",
        ),
        Format("json", "every change", "inspectkit.compare.render:write_json"),
    ],
)

OVERVIEW_FORMATS = FormatRegistry.of(
    "overview",
    [
        Format("text", "a table per framework", "inspectkit.overview.render:write_text"),
        Format(
            "csv",
            "one formula-safe row per folder and indicator",
            "inspectkit.overview.render:write_csv",
        ),
        Format("json", "every folder and grade", "inspectkit.overview.render:write_json"),
    ],
)

TEMPLATE_FORMATS = FormatRegistry.of(
    "template",
    [
        Format(
            "xlsx",
            "workbooks to fill in, with drop-downs and a guidance sheet",
            "inspectkit.forms.workbook:write_xlsx",
            suffix=".xlsx",
            binary=True,
        ),
        Format("md", "printable Markdown", "inspectkit.forms.printable:write_md", suffix=".md"),
        Format("html", "printable HTML", "inspectkit.forms.printable:write_html", suffix=".html"),
    ],
    groups={"all": ("xlsx", "md", "html")},
)

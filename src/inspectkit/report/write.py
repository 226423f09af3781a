"""Render a report and write its files: never into the evidence folder unless asked, never
over an existing report unless forced, always atomically.

Files are named after the evidence folder (``glenbrae.html``), with the template name added
when it is not the default one (``glenbrae-summary.html``), and the view when it is not the
team's (``glenbrae-publication.docx``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspectkit.errors import ReportExists, UsageError
from inspectkit.files import write_atomic
from inspectkit.formats import REPORT_FORMATS
from inspectkit.inspection import Inspection
from inspectkit.policy import ReportDate
from inspectkit.report.context import build_context
from inspectkit.report.render import DEFAULT_TEMPLATE, ReportView
from inspectkit.report.views import DEFAULT_VIEW, get_view
from inspectkit.textfile import display_path
from inspectkit.textsafe import slug

DEFAULT_OUTPUT = Path("inspectkit-report")


@dataclass(frozen=True)
class ReportRequest:
    """What to render and where to write it.

    ``output`` None means :data:`DEFAULT_OUTPUT`, which may not lie inside the evidence
    folder; a folder given explicitly may.
    """

    formats: tuple[str, ...] = ("md", "html")
    template: str = DEFAULT_TEMPLATE
    templates_dirs: tuple[Path, ...] = ()
    output: Path | None = None
    date: ReportDate = field(default_factory=lambda: ReportDate(None, "none"))
    force: bool = False
    view: str = DEFAULT_VIEW


def render_report(inspection: Inspection, request: ReportRequest) -> dict[str, bytes]:
    """The report in each requested format (of :data:`REPORT_FORMATS`), by format.

    Raises:
        UsageError: a format is not known.
        TemplateProblem: a template fails.
    """
    context = build_context(inspection, request.date, request.view)
    view = ReportView(context, request.template, request.templates_dirs)
    return {fmt: REPORT_FORMATS.get(fmt).write(view) for fmt in request.formats}


def report_paths(folder: Path, request: ReportRequest) -> dict[str, Path]:
    """Where each format is written.

    Raises:
        UsageError: the default output folder would lie inside the evidence folder.
    """
    out = request.output if request.output is not None else DEFAULT_OUTPUT
    if request.output is None and _inside(out, folder):
        raise UsageError(
            f"The default output folder '{display_path(out)}' is inside the "
            f"evidence folder '{display_path(folder)}'; give --output DIR to "
            "write the report somewhere else (or there, on purpose)."
        )
    stem = slug(folder.resolve().name, "report")
    if request.template != DEFAULT_TEMPLATE:
        stem += "-" + slug(request.template.split(".")[0], "template")
    if get_view(request.view).name != DEFAULT_VIEW:
        stem += "-" + request.view
    return {fmt: out / f"{stem}{REPORT_FORMATS.get(fmt).suffix}" for fmt in request.formats}


def write_report(inspection: Inspection, request: ReportRequest) -> list[Path]:
    """Render and write the report; the paths written, in format order.

    Nothing is written unless every format renders and no file would be replaced without
    ``force``.

    Raises:
        ReportExists: a file is there and ``force`` is False.
        TemplateProblem: a template fails.
        InputError: a file cannot be written.
    """
    paths = report_paths(inspection.folder.root, request)
    _refuse_existing(list(paths.values()), request.force)
    texts = render_report(inspection, request)
    for fmt, path in paths.items():
        write_atomic(path, texts[fmt])
    return list(paths.values())


def _refuse_existing(paths: Sequence[Path], force: bool) -> None:
    there = [p for p in paths if p.exists() or p.is_symlink()]
    if there and not force:
        names = ", ".join(f"'{display_path(p)}'" for p in there)
        raise ReportExists(
            f"{names} already {'exists' if len(there) == 1 else 'exist'}; "
            "give --force to replace, or another --output folder."
        )
    for path in there:
        if path.is_dir():
            raise ReportExists(f"'{display_path(path)}' is a folder, not a report file.")


def _inside(path: Path, folder: Path) -> bool:
    target, root = path.resolve(), folder.resolve()
    return target == root or root in target.parents

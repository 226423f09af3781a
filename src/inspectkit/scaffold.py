"""``inspectkit init``: a ready-to-fill evidence folder for a framework.

The folder carries JSON Schemas made for its framework (in ``.inspectkit/schemas``: its
sources, indicators, themes, lines of enquiry and scale as the allowed values), and each
YAML file names its schema in a yaml-language-server line, so editors complete and check
fields offline. Nothing that already exists is overwritten.
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.files import write_new
from inspectkit.framework.models import Framework
from inspectkit.fwschema import EDITOR_SCHEMAS, framework_schema_text
from inspectkit.schemas import schema_filename

SCHEMA_DIR = ".inspectkit/schemas"


def _schema_line(name: str, depth: int) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_filename(name)}"


def _choices(values: list[str]) -> str:
    return ", ".join(values) if values else "(none defined)"


#: The line that stands for an empty list until the first entry is added. A YAML list
#: written as lines starting '- ' cannot be empty, so the file needs it; every comment that
#: says how to add an entry also says to delete it (and the YAML reader's hint names it).
EMPTY_LIST = "[]   # the list is empty: delete this line when you add the first entry"


def manifest_text(fw: Framework) -> str:
    """inspection.yaml for a new inspection of ``fw``."""
    return "\n".join(
        [
            _schema_line("manifest", 0),
            f"# {fw.title}",
            "# The manifest of one inspection (or one partnership's self-evaluation).",
            "# Fill in the partnership, then run: inspectkit validate <this folder>",
            f"framework: {fw.ref}",
            "partnership:            # the community planning partnership, e.g. Glenbrae",
            'title: ""',
            'reference: ""',
            "# To give the period, remove the '# ' from the next line: ISO dates, start <= end.",
            "# period: {start: 2026-01-12, end: 2026-03-27}",
            "# The team by roles, not names: replace [] with e.g. "
            "[{name: Lead inspector, role: lead}]",
            "team: []",
            "status: draft           # draft | final",
            "",
        ]
    )


def _example_grade(fw: Framework) -> str:
    """A grade for the commented examples: the point in the middle of the scale."""
    if fw.scale is None or not fw.scale.points:
        return ""
    points = sorted(p.value for p in fw.scale.points)
    return str(points[len(points) // 2])


def evidence_text(fw: Framework) -> str:
    """evidence/items.yaml: an empty list with one commented example item."""
    sources = [s.id for s in fw.evidence_sources if s.kind in ("qualitative", "document")]
    graded = fw.graded or [i.id for i in fw.indicators[:1]]
    loe = fw.lines_of_enquiry[0].id if fw.lines_of_enquiry else ""
    example = [
        "- id: FG-01                       # unique in the folder",
        f"  source: {sources[0] if sources else 'document'}",
        f'  indicators: ["{graded[0]}"]',
        *([f"  lines_of_enquiry: [{loe}]"] if loe else []),
        "  finding: strength               # strength | area-for-improvement | context",
        "  significance: important         # major | important | minor",
        "  summary: >-",
        "    One or two anonymised sentences on what was found.",
        "  date: 2026-02-10",
    ]
    return "\n".join(
        [
            _schema_line("evidence", 1),
            "# Qualitative evidence: one entry per finding. Keep it anonymous: no names, dates",
            "# of birth, addresses or numbers that could identify a child or family.",
            f"# Sources: {_choices(sources)}",
            f"# Indicators graded: {_choices(fw.graded)}",
            "#",
            "# To add the first entry: delete the '[]' line at the end, then remove the '# '",
            "# from the example below and fill it in. Copy it for each further entry.",
            "#",
            *(f"# {line}" for line in example),
            EMPTY_LIST,
            "",
        ]
    )


def evaluations_text(fw: Framework) -> str:
    """evaluations.yaml: an empty list with a commented entry per graded indicator."""
    lines = [
        _schema_line("evaluations", 0),
        "# The team's evaluations: one entry per graded indicator, each with its rationale.",
        "# To record one once the team has moderated it: delete the '[]' line at the end (for",
        "# the first entry only), then remove the '# ' from that indicator's entry below.",
    ]
    if fw.scale is not None:
        lines.append("# Scale: " + ", ".join(f"{p.value} {p.label}" for p in fw.scale.points))
    for indicator_id in fw.graded:
        indicator = fw.indicator(indicator_id)
        title = indicator.title if indicator else ""
        lines += [
            "#",
            f'# - indicator: "{indicator_id}"      # {title}',
            f"#   grade: {_example_grade(fw)}",
            "#   rationale: >-",
            "#     The evidence that led the team to this grade.",
            "#   decided: 2026-03-20",
            "#   moderated_by: [lead]",
        ]
    return "\n".join([*lines, EMPTY_LIST, ""])


def scaffold_files(fw: Framework) -> dict[str, str]:
    """Every file of a new evidence folder, by relative path."""
    files = {
        "inspection.yaml": manifest_text(fw),
        "evidence/items.yaml": evidence_text(fw),
        "evaluations.yaml": evaluations_text(fw),
    }
    if fw.record_reading:
        files["records/records.csv"] = (
            ",".join(["record_id", *(q.id for q in fw.record_reading.questions)]) + "\n"
        )
    for survey in fw.surveys:
        files[f"surveys/{survey.id}.csv"] = (
            ",".join(["respondent_id", *(q.id for q in survey.questions)]) + "\n"
        )
    for name in EDITOR_SCHEMAS:
        files[f"{SCHEMA_DIR}/{schema_filename(name)}"] = framework_schema_text(name, fw)
    return files


def write_scaffold(folder: Path, files: dict[str, str]) -> tuple[list[str], list[str]]:
    """Create the files that do not exist yet.

    Returns:
        The relative paths written, and those kept because they already existed.
    """
    written: list[str] = []
    kept: list[str] = []
    for rel, text in files.items():
        (written if write_new(folder / rel, text.encode("utf-8")) else kept).append(rel)
    return written, kept

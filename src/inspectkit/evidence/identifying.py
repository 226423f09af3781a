"""Survey-tool columns that say who answered (e-mail, name): reported once per column.

Their values are never kept (see :mod:`inspectkit.evidence.tables`), so this is all that is
ever said of them: the column, the first cell that held something, and how many rows did.
"""

from __future__ import annotations

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.tables import SurveyResponse


def cell_fields(sheet: str) -> dict[str, str]:
    """The place fields of a diagnostic in a workbook; none elsewhere (CSV is unchanged)."""
    return {"unit": "cell", "sheet": sheet} if sheet else {}


def personal_columns(folder: EvidenceFolder, severity: Severity) -> list[Diagnostic]:
    """One IK509 per survey column of e-mail addresses or names that held anything.

    Their values were never kept, so no count, output or report can show them.
    """
    found: dict[tuple[str, str, int], list[SurveyResponse]] = {}
    for response in folder.responses:
        for name, column in response.personal:
            found.setdefault((response.file, name, column), []).append(response)
    out = []
    for (file, name, column), rows in found.items():
        first = rows[0]
        out.append(
            Diagnostic(
                "IK509",
                f"The column '{name}' names who answered in {len(rows)} "
                f"row{'s' if len(rows) != 1 else ''}: it is personal data, never counted "
                "and never shown.",
                file,
                first.line,
                column,
                severity,
                "Delete the column from the export (or make the survey anonymous in the "
                "survey tool) and keep the file without it.",
                **cell_fields(first.sheet),
            )
        )
    return out

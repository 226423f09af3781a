"""The table of diagnostic codes. Codes are stable: never reuse or renumber one.

IK0xx  reading a file (encoding, YAML/CSV syntax, limits, links)
IK1xx  framework files
IK2xx  the evidence folder's files and fields
IK3xx  references between evidence and the framework
IK4xx  evidence sufficiency
IK5xx  personal data
IK6xx  grading and evaluations
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspectkit.diagnostics import Severity


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its id, short name, default severity and a one-line summary."""

    code: str
    name: str
    default: str
    summary: str

    @property
    def severity(self) -> Severity:
        """The default severity as an enum member."""
        from inspectkit.diagnostics import Severity

        return Severity(self.default)


_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # Reading files
    ("IK001", "cannot-read", "error", "The file or folder cannot be read."),
    ("IK002", "not-utf8", "error", "The file is not UTF-8 text."),
    ("IK003", "not-text", "error", "The file is binary, not text."),
    ("IK004", "yaml-syntax", "error", "The file is not valid YAML."),
    ("IK005", "duplicate-key", "error", "A YAML mapping names the same key twice."),
    ("IK006", "empty-file", "error", "The file holds no data."),
    ("IK007", "multiple-documents", "error", "The file holds more than one YAML document."),
    ("IK008", "unsafe-tag", "error", "A YAML tag asks for something inspectkit never does."),
    ("IK009", "too-large", "error", "The file exceeds a safety limit (size, aliases, depth)."),
    ("IK010", "alias-cycle", "error", "A YAML alias refers to the structure that contains it."),
    ("IK011", "link-outside", "error", "A symbolic link leads outside the folder."),
    ("IK012", "not-regular-file", "error", "The path is not a regular file."),
    ("IK013", "csv-syntax", "error", "The CSV file cannot be parsed."),
    ("IK014", "wrong-shape", "error", "The file's top level is not what it should be."),
    ("IK015", "complex-key", "error", "A YAML key is a list or mapping, not a plain value."),
    ("IK016", "ignored-file", "note", "A file in the folder is not part of the contract."),
    (
        "IK017",
        "table-dialect",
        "note",
        "A table was read with another delimiter or encoding than comma-separated UTF-8.",
    ),
    ("IK018", "ignored-sheet", "note", "A worksheet of a workbook is not read."),
    ("IK019", "workbook-unreadable", "error", "The file cannot be read as an .xlsx workbook."),
    ("IK020", "bad-ignore", "warning", "An ignore comment or note names no code or no reason."),
    ("IK021", "silenced", "note", "Findings silenced where they stand, each with a reason."),
    ("IK022", "survey-twice", "error", "Two files in surveys/ hold the same survey."),
    # Framework files
    ("IK101", "framework-field", "error", "A framework field is missing, unknown or invalid."),
    ("IK102", "framework-duplicate-id", "error", "An id is defined twice in the framework."),
    (
        "IK103",
        "framework-unknown-ref",
        "error",
        "The framework refers to an id it does not define.",
    ),
    ("IK104", "scale-order", "error", "The scale is not strictly ordered."),
    ("IK105", "quantifier-gap", "error", "The quantifier bands leave a percentage unassigned."),
    ("IK106", "grade-band-gap", "error", "The grade bands leave a score unassigned."),
    ("IK107", "framework-not-found", "error", "No framework has this id or version."),
    ("IK108", "base-framework", "error", "The base framework cannot be used."),
    ("IK109", "lint-illustrations", "error", "A graded indicator has no illustrations."),
    (
        "IK110",
        "lint-no-evidence",
        "error",
        "A graded indicator has no evidence that can inform it.",
    ),
    ("IK111", "lint-grading", "error", "A graded indicator has no usable grading rules."),
    ("IK112", "framework-provisional", "note", "The framework holds provisional content."),
    # Evidence folder: files and fields
    ("IK201", "missing-manifest", "error", "The folder has no inspection.yaml."),
    ("IK202", "unknown-field", "error", "A field is not part of the evidence contract."),
    ("IK203", "missing-field", "error", "A required field is missing."),
    ("IK204", "invalid-value", "error", "A field's value has the wrong type or form."),
    ("IK205", "duplicate-id", "error", "An evidence id is used twice."),
    ("IK206", "duplicate-record", "error", "A record or respondent appears more than once."),
    ("IK207", "invalid-date", "error", "A date is not a real date, or dates are out of order."),
    ("IK208", "csv-header", "error", "A CSV header is missing, empty or repeated."),
    ("IK209", "csv-row-length", "error", "A CSV row has more or fewer cells than its header."),
    ("IK210", "invalid-answer", "error", "A cell's answer is not allowed for its question."),
    ("IK211", "missing-rationale", "error", "An evaluation has no rationale."),
    ("IK212", "duplicate-evaluation", "error", "An indicator is evaluated twice."),
    ("IK213", "date-outside-period", "warning", "A date falls outside the inspection period."),
    # References to the framework
    ("IK301", "unknown-indicator", "error", "The framework has no such quality indicator."),
    ("IK302", "unknown-source", "error", "The framework has no such evidence source."),
    ("IK303", "unknown-line-of-enquiry", "error", "The framework has no such line of enquiry."),
    ("IK304", "unknown-theme", "error", "The framework has no such theme."),
    ("IK305", "unknown-question", "error", "The framework has no such record-reading question."),
    ("IK306", "unknown-survey", "error", "The framework has no such survey."),
    ("IK307", "unknown-survey-question", "error", "The survey has no such question."),
    ("IK308", "invalid-grade", "error", "A grade is not a point of the framework's scale."),
    (
        "IK309",
        "not-graded",
        "warning",
        "An evaluation is for an indicator this programme does not grade.",
    ),
    ("IK310", "graded-without-evidence", "error", "A graded indicator has no evidence at all."),
    # Sufficiency
    (
        "IK401",
        "single-kind-of-evidence",
        "warning",
        "A graded indicator rests on one kind of evidence.",
    ),
    ("IK402", "no-views-of-children", "warning", "No evidence of children's or families' views."),
    ("IK403", "too-few-records", "warning", "Fewer records than the framework's minimum."),
    ("IK404", "missing-evaluation", "note", "A graded indicator has no team evaluation yet."),
    # Personal data
    ("IK501", "chi-number", "warning", "Text holds what looks like a CHI number."),
    ("IK502", "date-of-birth", "warning", "Text holds what looks like a date of birth."),
    ("IK503", "email-address", "warning", "Text holds an e-mail address."),
    ("IK504", "phone-number", "warning", "Text holds a UK telephone number."),
    ("IK505", "postcode", "warning", "Text holds a UK postcode."),
    ("IK506", "nhs-number", "warning", "Text holds what looks like an NHS number."),
    ("IK507", "listed-name", "warning", "Text holds a name from the names list."),
    (
        "IK509",
        "personal-column",
        "warning",
        "A survey export's e-mail or name column holds personal data (never counted or shown).",
    ),
    (
        "IK508",
        "accepted-findings",
        "note",
        "Possible personal data the team checked and accepted (accepted-findings.yaml).",
    ),
    # Grading and the team's judgement
    (
        "IK601",
        "grade-departure",
        "warning",
        "The team's grade differs from the proposed grade by two or more without a reason.",
    ),
    (
        "IK602",
        "needs-moderation",
        "warning",
        "Evaluators' independent grades differ and no moderated grade is recorded.",
    ),
    ("IK603", "insufficient-evidence", "note", "Too little evidence to propose a grade."),
    ("IK604", "below-threshold", "error", "A final grade is below the --fail-under threshold."),
    (
        "IK605",
        "strands-conflict",
        "warning",
        "The evidence strands point to grades far apart; the rationale should address it.",
    ),
    (
        "IK606",
        "unmoderated-reading",
        "warning",
        "Paired readings of a record disagree and no moderated row gives the answer.",
    ),
    (
        "IK607",
        "evidence-changed-since-moderation",
        "warning",
        "Evidence behind a locked evaluation changed after the date of moderation.",
    ),
)

CODES: dict[str, Code] = {row[0]: Code(*row) for row in _TABLE}

"""What may leave the tool: the personal-data gate, and the date a report carries.

Both are library policy with a small typed options object, so every caller (the CLI, a
script, a test) gets the same answer:

- A report is refused while the evidence holds possible personal data, unless the caller asks
  for each piece to be replaced by a marker (``redact``) or says each was checked by hand
  (``allow``).
- A report's date is never the clock: ``--date``, else the manifest's ``report_date``, else
  ``SOURCE_DATE_EPOCH``, else none. The caller passes the environment in; nothing here reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from inspectkit.errors import PersonalDataFound, UsageError
from inspectkit.evidence.personal import is_personal, redact_folder
from inspectkit.grading.grade import grade_folder
from inspectkit.inspection import Inspection

__all__ = ["PersonalData", "ReleasePolicy", "ReportDate", "build_date", "release", "resolve_date"]

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"

# Where the date came from; plain words, safe to compare in any template format.
SOURCES = ("option", "manifest", "epoch", "none")


@dataclass(frozen=True)
class ReportDate:
    """The report's date, if any, and where it came from (one of :data:`SOURCES`)."""

    date: dt.date | None
    source: str


def resolve_date(option: str | None, manifest: dt.date | None, epoch: str | None) -> ReportDate:
    """Pick the report date.

    Args:
        option: ``--date`` as typed (YYYY-MM-DD), or None.
        manifest: ``report_date`` from inspection.yaml, or None.
        epoch: the value of ``SOURCE_DATE_EPOCH``, or None.

    Raises:
        UsageError: ``option`` or ``epoch`` is not a valid date.
    """
    if option:
        try:
            return ReportDate(dt.date.fromisoformat(option.strip()), "option")
        except ValueError:
            raise UsageError(
                f"--date '{option}' is not a date: use YYYY-MM-DD, e.g. 2026-03-31."
            ) from None
    if manifest is not None:
        return ReportDate(manifest, "manifest")
    if epoch is not None and epoch.strip():
        try:
            seconds = int(epoch.strip())
            return ReportDate(dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date(), "epoch")
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds since 1970-01-01 UTC."
            ) from None
    return ReportDate(None, "none")


class PersonalData(str, Enum):
    """What to do when possible personal data is found in evidence a report would show."""

    REFUSE = "refuse"
    REDACT = "redact"
    ALLOW = "allow"


@dataclass(frozen=True)
class ReleasePolicy:
    """How a report may be released.

    Attributes:
        personal_data: Refuse, redact or allow possible personal data.
        names: The local names looked for (redaction replaces them too).
        date: The report date as the user typed it (YYYY-MM-DD), or None.
        source_date_epoch: ``SOURCE_DATE_EPOCH`` from the caller's environment, or None.
    """

    personal_data: PersonalData = PersonalData.REFUSE
    names: Sequence[re.Pattern[str]] = ()
    date: str | None = None
    source_date_epoch: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str], **fields: object) -> ReleasePolicy:
        """A policy taking ``SOURCE_DATE_EPOCH`` from ``environ`` (pass ``os.environ``)."""
        return cls(source_date_epoch=environ.get(EPOCH_VARIABLE), **fields)  # type: ignore[arg-type]


def release(inspection: Inspection, policy: ReleasePolicy) -> Inspection:
    """The inspection as a report may show it: redacted, allowed, or refused.

    Redaction happens before grading's text (rationales, departures) is taken, so the
    grades are worked out again on the redacted folder: counts do not change, words do.

    Raises:
        NotGradable: the folder has errors or cannot be graded (why, in one sentence).
        PersonalDataFound: possible personal data was found and the policy refuses it.
    """
    inspection.graded()
    personal = [d for d in inspection.diagnostics if is_personal(d)]
    if not personal or policy.personal_data is PersonalData.ALLOW:
        return inspection
    if policy.personal_data is PersonalData.REFUSE:
        raise PersonalDataFound(
            f"report not written: {len(personal)} possible piece"
            f"{'s' if len(personal) != 1 else ''} of personal data (above). Remove "
            f"{'them' if len(personal) != 1 else 'it'}, or use --redact or "
            "--allow-personal-data.",
            personal,
        )
    assert inspection.framework is not None and inspection.grades is not None
    folder = redact_folder(inspection.folder, policy.names)
    before = inspection.grades
    grades = grade_folder(
        folder,
        inspection.framework,
        fail_under=before.fail_under,
        require_evaluations=before.require_evaluations,
    )
    return replace(inspection, folder=folder, grades=grades)


def build_date(inspection: Inspection, policy: ReleasePolicy) -> ReportDate:
    """The date a report of ``inspection`` carries, and where it came from.

    Raises:
        UsageError: ``policy.date`` or ``SOURCE_DATE_EPOCH`` is not a valid date.
    """
    manifest = inspection.folder.manifest
    return resolve_date(
        policy.date, manifest.report_date if manifest else None, policy.source_date_epoch
    )

"""The date printed on a report: never the clock, so that the same inputs give the same file.

In order: ``--date``, the manifest's ``report_date``, then ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention, read by the CLI and passed in). With none of them the report
says that the date is not set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from inspectkit.errors import UsageError

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

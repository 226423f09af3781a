"""Who a report is for, as data: the team's draft, the partnership's check, the published copy.

A view is a handful of switches that every template and every format reads from the
context's ``view`` key, and a transformation of the context itself, so that what a reader
must not see is gone from the data, not only left out by the built-in templates:

- ``team``: today's draft, with inspectkit's proposed grades, the combined scores and the
  evidence ids of every finding.
- ``partnership``: the draft the partnership checks for factual accuracy: findings and
  figures, the team's final evaluations only, evidence ids as notes; no proposed grades,
  scores or independent grades.
- ``publication``: the clean copy: no inspectkit internals, no evidence ids, no proposals,
  no DRAFT marking; the summary gives the strongest findings and the sections the rest,
  each finding once.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from inspectkit.errors import UsageError
from inspectkit.suggest import did_you_mean

__all__ = ["DEFAULT_VIEW", "VIEWS", "View", "apply_view", "get_view"]

Data = dict[str, Any]
KEY_SIGNIFICANCE = ("major", "important")


@dataclass(frozen=True)
class View:
    """What one reader of the report sees.

    Attributes:
        name: What ``--view`` takes.
        help: A few words for ``--help``.
        draft: Marked DRAFT (title, banner, page header or footer).
        proposals: inspectkit's proposed grades, scores, strands, caps and how it grades.
        evidence_ids: Findings name their evidence; the evidence index is an appendix.
        internals: inspectkit is named (what wrote the draft, its version).
        repeat_summary: The sections also list the findings the summary gives.
        summary_size: How many strengths (and areas for improvement) the summary gives.
    """

    name: str
    help: str
    draft: bool
    proposals: bool
    evidence_ids: bool
    internals: bool
    repeat_summary: bool
    summary_size: int = 6


VIEWS: dict[str, View] = {
    v.name: v
    for v in (
        View(
            "team",
            "the team's draft: proposals, scores, evidence ids",
            True,
            True,
            True,
            True,
            True,
        ),
        View(
            "partnership",
            "the factual-accuracy check: findings, figures, final evaluations",
            True,
            False,
            True,
            False,
            True,
        ),
        View(
            "publication",
            "the clean copy: no evidence ids, no proposals",
            False,
            False,
            False,
            False,
            False,
        ),
    )
}
DEFAULT_VIEW = "team"


def get_view(name: str) -> View:
    """The view called ``name``.

    Raises:
        UsageError: no such view (with a did-you-mean).
    """
    found = VIEWS.get(name)
    if found is None:
        hint = did_you_mean(name, list(VIEWS))
        raise UsageError(
            f"Unknown view '{name}': use one of {', '.join(VIEWS)}." + (f" {hint}" if hint else "")
        )
    return found


def apply_view(context: Data, view: View, *, given: bool = False) -> Data:
    """A copy of ``context`` holding only what ``view``'s reader may see, with ``view`` set.

    With ``given`` the caller gives ``context`` away (a fresh one, shared with nothing), and
    it is changed in place rather than copied: a large inspection's context is big.
    """
    out = context if given else copy.deepcopy(context)
    out["view"] = {k: v for k, v in asdict(view).items() if k != "help"}
    summary = out["summary"]
    summary["key_strengths"] = key_findings(summary["strengths"], view.summary_size)
    summary["key_improvements"] = key_findings(summary["improvements"], view.summary_size)
    shown = {f["id"] for f in [*summary["key_strengths"], *summary["key_improvements"]]}
    if not view.repeat_summary:
        _each_finding_once(out["sections"], set(shown))
    summary["elsewhere"] = [
        {"number": s["number"], "anchor": s["anchor"]}
        for s in out["sections"]
        if any(f["id"] not in shown for f in [*s["strengths"], *s["improvements"]])
    ]
    if not view.proposals:
        _without_proposals(out)
    if not view.evidence_ids:
        _without_evidence_ids(out)
    return out


def key_findings(findings: Sequence[Data], size: int) -> list[Data]:
    """The strongest findings: major and important ones (or all, when none are), first
    ``size`` in the order given (major first)."""
    key = [f for f in findings if f["significance"] in KEY_SIGNIFICANCE] or list(findings)
    return key[:size]


def _each_finding_once(sections: list[Data], shown: set[str]) -> None:
    """Drop from the sections what the summary gives, and give each finding in the first
    section it belongs to only."""
    for section in sections:
        for kind in ("strengths", "improvements"):
            section[kind] = [f for f in section[kind] if f["id"] not in shown]
            shown.update(f["id"] for f in section[kind])


def _without_proposals(context: Data) -> None:
    for e in context["evaluations"]:
        e.update(
            proposed=None,
            differs=False,
            score=None,
            strands=[],
            caps=[],
            evidence=[],
            departure="",
            independent=[],
        )
    context["agreement"] = {"alpha": None, "indicators": 0}
    context["framework"]["grading_basis"] = ""


def _without_evidence_ids(context: Data) -> None:
    context["evidence_index"] = []
    context["data_files"] = []
    lists = [
        context["summary"]["strengths"],
        context["summary"]["improvements"],
        context["summary"]["key_strengths"],
        context["summary"]["key_improvements"],
        context["area"]["findings"],
        *(s[kind] for s in context["sections"] for kind in ("strengths", "improvements")),
    ]
    for findings in lists:
        for f in findings:
            f.update(id="", anchor="", source_id="")

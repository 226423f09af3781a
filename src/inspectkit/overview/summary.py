"""An overview of many partnerships: grades per framework, their distribution, common themes.

:func:`summarise` is a pure function of the outcomes. Folders are grouped by framework (a
grade means something only on its own framework's scale); within a group the distribution
counts partnerships per grade (final, else proposed), and the common themes count
partnerships, not items: a theme carried by ten strengths in one partnership counts once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from inspectkit.overview.assess import FrameworkInfo, Outcome

#: How many of the commonest themes an overview lists, for strengths and for improvements.
COMMON_THEMES = 5


@dataclass(frozen=True)
class Distribution:
    """How many partnerships got each grade for one indicator (final, else proposed)."""

    indicator: str
    title: str
    counts: tuple[tuple[int, int], ...]  # (grade, partnerships), highest grade first
    ungraded: int


@dataclass(frozen=True)
class ThemeCount:
    """A theme and how many partnerships have at least one finding carrying it."""

    id: str
    title: str
    partnerships: int


@dataclass(frozen=True)
class Group:
    """The graded folders of one framework."""

    framework: FrameworkInfo
    folders: tuple[Outcome, ...]
    distribution: tuple[Distribution, ...]
    strengths: tuple[ThemeCount, ...]
    improvements: tuple[ThemeCount, ...]


@dataclass(frozen=True)
class Overview:
    """Every folder, the groups of graded ones and the ones that failed."""

    folders: tuple[Outcome, ...]
    groups: tuple[Group, ...]
    failed: tuple[Outcome, ...]


def summarise(outcomes: Sequence[Outcome], top: int = COMMON_THEMES) -> Overview:
    """Group graded folders by framework and work out distributions and common themes.

    Args:
        outcomes: One per folder, in the order to show them.
        top: How many common themes to list for strengths and for areas for improvement.
    """
    by_ref: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.graded and outcome.framework is not None:
            by_ref.setdefault(outcome.framework.ref, []).append(outcome)
    groups = tuple(_group(by_ref[ref], top) for ref in sorted(by_ref))
    failed = tuple(o for o in outcomes if not o.graded)
    return Overview(tuple(outcomes), groups, failed)


def _group(folders: list[Outcome], top: int) -> Group:
    fw = folders[0].framework
    assert fw is not None
    return Group(
        fw,
        tuple(folders),
        tuple(_distribution(fw, folders, i, title) for i, title in fw.graded),
        _common(fw, [f.strength_themes for f in folders], top),
        _common(fw, [f.improvement_themes for f in folders], top),
    )


def _distribution(
    fw: FrameworkInfo, folders: list[Outcome], indicator: str, title: str
) -> Distribution:
    shown = [next((g.shown for g in f.grades if g.indicator == indicator), None) for f in folders]
    tally = Counter(g for g in shown if g is not None)
    return Distribution(
        indicator,
        title,
        tuple((value, tally.get(value, 0)) for value, _ in fw.scale),
        sum(1 for g in shown if g is None),
    )


def _common(
    fw: FrameworkInfo, per_folder: list[tuple[str, ...]], top: int
) -> tuple[ThemeCount, ...]:
    titles = dict(fw.themes)
    tally = Counter(theme for themes in per_folder for theme in set(themes))
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1], titles.get(kv[0], kv[0]), kv[0]))
    return tuple(ThemeCount(t, titles.get(t, t), n) for t, n in ranked[:top])

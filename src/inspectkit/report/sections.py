"""One section per line of enquiry (or key question), with its findings and figures.

An item belongs to the lines of enquiry it names; an item that names none belongs to every
line whose indicators it shares. Frameworks without lines of enquiry are reported by key
question, through the indicators of each. Each record-reading and survey question is quoted
once, in the section it fits best (most shared themes, then most shared indicators).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.models import EvidenceItem
from inspectkit.framework.models import Framework
from inspectkit.report.figures import Data, record_figure, survey_figures
from inspectkit.textsafe import natural_key, slug

SIGNIFICANCE_ORDER = ("major", "important", "minor")


@dataclass(frozen=True)
class Topic:
    """A line of enquiry or a key question, as the sections are built from it."""

    id: str
    text: str
    indicators: tuple[str, ...]
    themes: tuple[str, ...]
    provisional: bool
    explicit: bool  # items name it in their lines_of_enquiry


def topics(fw: Framework) -> list[Topic]:
    """The lines of enquiry, or else the key questions that have indicators."""
    if fw.lines_of_enquiry:
        return [
            Topic(
                line.id,
                line.text,
                tuple(line.indicators),
                tuple(line.themes),
                line.provisional,
                True,
            )
            for line in fw.lines_of_enquiry
        ]
    out = []
    for question in fw.key_questions:
        inds = [i for i in fw.indicators if i.key_question == question.id]
        if inds:
            themes = tuple(dict.fromkeys(t for i in inds for t in i.themes))
            out.append(
                Topic(
                    question.id,
                    question.title,
                    tuple(i.id for i in inds),
                    themes,
                    question.provisional,
                    False,
                )
            )
    return out


def belongs(item: EvidenceItem, topic: Topic) -> bool:
    """Whether an item is reported under a topic."""
    if topic.explicit and item.lines_of_enquiry:
        return topic.id in item.lines_of_enquiry
    return bool(set(item.indicators) & set(topic.indicators))


def finding(item: EvidenceItem, fw: Framework, anchors: dict[str, str]) -> Data:
    """An item as a finding of the report, linked to its entry in the evidence index."""
    labels = {s.id: s.label for s in fw.evidence_sources}
    return {
        "id": item.id,
        "anchor": anchors[item.id],
        "summary": item.summary,
        "quote": item.quote,
        "finding": item.finding,
        "significance": item.significance,
        "source": labels.get(item.source, item.source),
        "source_id": item.source,
        "indicators": list(item.indicators),
        "date": item.date.isoformat() if item.date else None,
    }


def by_weight(items: Sequence[EvidenceItem]) -> list[EvidenceItem]:
    """Major first, then important, then minor; within each, in id order."""
    return sorted(
        items, key=lambda i: (SIGNIFICANCE_ORDER.index(i.significance), natural_key(i.id))
    )


def anchors_for(items: Sequence[EvidenceItem]) -> dict[str, str]:
    """A unique HTML id for each evidence item ('ev-fg-01')."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for item in sorted(items, key=lambda i: natural_key(i.id)):
        base = anchor = "ev-" + slug(item.id)
        n = 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        taken.add(anchor)
        out[item.id] = anchor
    return out


def _best_topic(indicators: Sequence[str], themes: Sequence[str], found: list[Topic]) -> str | None:
    scored = [
        ((len(set(themes) & set(t.themes)), len(set(indicators) & set(t.indicators))), -n, t.id)
        for n, t in enumerate(found)
    ]
    best = max(scored, default=None)
    return best[2] if best and best[0] != (0, 0) else None


def question_figures(
    folder: EvidenceFolder, fw: Framework, found: list[Topic]
) -> tuple[dict[str, list[Data]], list[Data]]:
    """Record and survey figures by topic id, and those that fit no topic."""
    placed: dict[str, list[Data]] = {t.id: [] for t in found}
    unplaced: list[Data] = []
    questions = fw.record_reading.questions if fw.record_reading else []
    pairs = [(record_figure(folder, fw, q), q.indicators, q.themes) for q in questions]
    for survey in fw.surveys:
        figures = {f["id"]: f for f in survey_figures(folder, fw, survey)}
        pairs += [(figures.get(q.id), q.indicators, q.themes) for q in survey.questions]
    for figure, indicators, themes in pairs:
        if figure is None:
            continue
        target = _best_topic(indicators, themes, found)
        (placed[target] if target else unplaced).append(figure)
    return placed, unplaced


def sections(
    folder: EvidenceFolder, fw: Framework, anchors: dict[str, str]
) -> tuple[list[Data], list[Data]]:
    """Every section (its topic, indicators, strengths, areas for improvement and figures),
    and the figures that fit no section."""
    found = topics(fw)
    figures, unplaced = question_figures(folder, fw, found)
    items = [p.model for p in folder.items if p.model.finding != "context"]
    titles = {i.id: i.title for i in fw.indicators}
    themes = {t.id: t.title for t in fw.themes}
    out = []
    for number, topic in enumerate(found, start=1):
        mine = by_weight([i for i in items if belongs(i, topic)])
        out.append(
            {
                "id": topic.id,
                "number": number,
                "anchor": f"section-{number}",
                "text": topic.text,
                "provisional": topic.provisional,
                "indicators": [{"id": i, "title": titles.get(i, i)} for i in topic.indicators],
                "themes": [themes.get(t, t) for t in topic.themes],
                "strengths": [finding(i, fw, anchors) for i in mine if i.finding == "strength"],
                "improvements": [
                    finding(i, fw, anchors) for i in mine if i.finding == "area-for-improvement"
                ],
                "records": [f for f in figures[topic.id] if f["answer"] != "agreement"],
                "surveys": [f for f in figures[topic.id] if f["answer"] == "agreement"],
            }
        )
    return out, unplaced

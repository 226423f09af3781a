"""Turning CSV cells into answers: any letter case, stray spaces, labels for scale points.

A cell is either blank (not answered), not applicable, a valid answer in canonical form,
or invalid (with a sentence saying what would be valid).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from inspectkit.framework.models import YES_NO, AnswerScale, RecordQuestion, Scale

NOT_APPLICABLE = "n/a"
_NA_SPELLINGS = frozenset({"n/a", "na", "n.a.", "not applicable"})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Invalid:
    """A cell that is not a valid answer, and what would be."""

    allowed: str


Answer = int | str | None | Invalid


@lru_cache(maxsize=16384)
def canonical(cell: str) -> str:
    """Lower case, single spaces, straight apostrophes (remembered: exports repeat the same
    few answers thousands of times)."""
    return _SPACES.sub(" ", cell.strip().lower().replace("\u2019", "'"))


def record_answer(question: RecordQuestion, scale: Scale, cell: str) -> Answer:
    """The answer a record-reading cell holds for ``question``."""
    text = canonical(cell)
    if not text:
        return None
    if text in _NA_SPELLINGS:
        return NOT_APPLICABLE
    if question.answer == "scale":
        return _scale_answer(scale, text)
    if question.answer == "yes-no":
        return text if text in YES_NO else Invalid("yes, no, partly or n/a")
    options = {canonical(o): o for o in question.options}
    return options[text] if text in options else Invalid(", ".join(question.options) + " or n/a")


def _scale_answer(scale: Scale, text: str) -> Answer:
    value = scale.value_of(text)
    if value is not None:
        return value
    values = [p.value for p in scale.points]
    return Invalid(
        f"a point of the scale ({min(values)}-{max(values)}, or its label such as "
        f"'{scale.points[0].label}') or n/a"
    )


def survey_answer(answer_scale: AnswerScale, cell: str) -> str | Invalid | None:
    """The canonical option a survey cell holds, None when blank."""
    text = canonical(cell)
    if not text:
        return None
    options = {canonical(o): o for o in answer_scale.options}
    options.update({canonical(k): v for k, v in answer_scale.aliases.items()})
    return options[text] if text in options else Invalid(", ".join(answer_scale.options))


def is_positive_record(question: RecordQuestion, answer: int | str) -> bool:
    """Whether a valid, applicable answer counts as positive for ``question``."""
    if question.answer == "scale":
        return isinstance(answer, int) and answer >= (question.positive_at_least or 0)
    return canonical(str(answer)) in {canonical(p) for p in question.positive}


def memoised(
    read: Callable[[str, str], Answer], *, by_question: bool = True
) -> Callable[[str, str], Answer]:
    """``read(question, cell)`` remembered per question and raw cell: exports repeat the
    same few answers thousands of times."""
    seen: dict[tuple[str, str], Answer] = {}

    def cached(question: str, cell: str) -> Answer:
        key = (question if by_question else "", cell)
        try:
            return seen[key]
        except KeyError:
            seen[key] = value = read(question, cell)
            return value

    return cached

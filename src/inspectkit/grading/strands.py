"""The three evidence strands of one indicator, as figures a reader can check.

Record reading: per question, records read and positive answers. Surveys: per audience and
question, agreement among those who gave a counted answer. Qualitative: strengths and areas
for improvement weighed by significance. Pure functions of the folder and the framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from inspectkit.evidence.answers import NOT_APPLICABLE, canonical, is_positive_record
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.models import EvidenceItem
from inspectkit.evidence.tables import SurveyResponse
from inspectkit.framework.models import (
    AnswerScale,
    Framework,
    RecordQuestion,
    Survey,
    SurveyQuestion,
)
from inspectkit.quantify import Proportion, proportion

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class QuestionFigure:
    """How one question's answers came out."""

    id: str
    text: str
    counted: int
    positive: int
    share: Proportion
    negative_share: Proportion
    source: str = ""  # the survey id, for survey questions


@dataclass(frozen=True)
class RecordsStrand:
    """Record reading for one indicator."""

    questions: tuple[QuestionFigure, ...]
    records: int
    answers: int
    positive: int

    @property
    def score(self) -> Decimal | None:
        """Percentage of positive answers across the indicator's questions."""
        return Decimal(self.positive) * HUNDRED / self.answers if self.answers else None

    @property
    def share(self) -> Fraction | None:
        """The score as an exact percentage, for comparing with quantifier terms."""
        return Fraction(self.positive * 100, self.answers) if self.answers else None


@dataclass(frozen=True)
class AudienceFigure:
    """One survey audience's agreement with the questions informing an indicator."""

    survey: str
    audience: str
    respondents: int
    answers: int
    agree: int
    share: Proportion
    answering: int = 0  # respondents who gave a counted answer to one of the questions


@dataclass(frozen=True)
class SurveysStrand:
    """Survey agreement for one indicator."""

    audiences: tuple[AudienceFigure, ...]
    questions: tuple[QuestionFigure, ...]
    pooling: str

    @property
    def answers(self) -> int:
        """Counted answers across all audiences."""
        return sum(a.answers for a in self.audiences)

    @property
    def respondents(self) -> int:
        """People who gave a counted answer to at least one of the indicator's questions."""
        return sum(a.answering for a in self.audiences)

    @property
    def share(self) -> Fraction | None:
        """The score as an exact percentage, for comparing with quantifier terms."""
        counted = [a for a in self.audiences if a.answers]
        if not counted:
            return None
        if self.pooling == "pooled":
            return Fraction(sum(a.agree for a in counted) * 100, sum(a.answers for a in counted))
        return sum((Fraction(a.agree * 100, a.answers) for a in counted), Fraction(0)) / len(
            counted
        )

    @property
    def score(self) -> Decimal | None:
        """Agreement: the mean of audiences' percentages, or of all answers when pooled."""
        counted = [a for a in self.audiences if a.answers]
        if not counted:
            return None
        if self.pooling == "pooled":
            return (
                Decimal(sum(a.agree for a in counted)) * HUNDRED / sum(a.answers for a in counted)
            )
        return sum((Decimal(a.agree) * HUNDRED / a.answers for a in counted), Decimal(0)) / len(
            counted
        )


@dataclass(frozen=True)
class WeighedItem:
    """A qualitative item as it counts for an indicator."""

    id: str
    source: str
    finding: str
    significance: str
    weight: Decimal
    themes: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class QualitativeStrand:
    """Strengths and areas for improvement for one indicator."""

    strengths: tuple[WeighedItem, ...]
    improvements: tuple[WeighedItem, ...]
    context: int

    @property
    def items(self) -> int:
        """Strengths and areas for improvement (context items are not weighed)."""
        return len(self.strengths) + len(self.improvements)

    @property
    def score(self) -> Decimal | None:
        """Weight of strengths as a percentage of all weighed items."""
        good = sum((i.weight for i in self.strengths), Decimal(0))
        bad = sum((i.weight for i in self.improvements), Decimal(0))
        return good * HUNDRED / (good + bad) if good + bad else None

    @property
    def share(self) -> Fraction | None:
        """The score as an exact percentage, for comparing with quantifier terms."""
        good = sum((Fraction(i.weight) for i in self.strengths), Fraction(0))
        bad = sum((Fraction(i.weight) for i in self.improvements), Fraction(0))
        return good * 100 / (good + bad) if good + bad else None


def records_strand(folder: EvidenceFolder, fw: Framework, indicator: str) -> RecordsStrand:
    """Record-reading figures for the questions that inform ``indicator``."""
    assert fw.quantifiers is not None
    questions = (
        [q for q in fw.record_reading.questions if indicator in q.indicators]
        if fw.record_reading
        else []
    )
    figures: list[QuestionFigure] = []
    readers: set[str] = set()
    for question in questions:
        figure, answered = _record_question(folder, fw, question)
        readers.update(answered)
        figures.append(figure)
    return RecordsStrand(
        tuple(figures),
        len(readers),
        sum(f.counted for f in figures),
        sum(f.positive for f in figures),
    )


def record_question_figure(
    folder: EvidenceFolder, fw: Framework, question: RecordQuestion
) -> QuestionFigure:
    """How the records read answered one question of the template: the one count that
    grading and the report both show."""
    return _record_question(folder, fw, question)[0]


def _record_question(
    folder: EvidenceFolder, fw: Framework, question: RecordQuestion
) -> tuple[QuestionFigure, set[str]]:
    """The question's figure and the records that gave an applicable answer."""
    assert fw.quantifiers is not None
    answers = [
        (r.record_id, r.answers[question.id])
        for r in folder.records
        if r.answers.get(question.id, NOT_APPLICABLE) != NOT_APPLICABLE
    ]
    positive = sum(1 for _, a in answers if is_positive_record(question, a))
    figure = QuestionFigure(
        question.id,
        question.text,
        len(answers),
        positive,
        proportion(fw.quantifiers, positive, len(answers)),
        proportion(fw.quantifiers, len(answers) - positive, len(answers)),
    )
    return figure, {record_id for record_id, _ in answers}


def survey_question_figure(
    folder: EvidenceFolder, fw: Framework, survey: Survey, question: SurveyQuestion
) -> QuestionFigure | None:
    """Agreement with one survey question among those who gave a counted answer; None when
    the survey's answer scale is unknown. The one count grading and the report both show."""
    scales = {s.id: s for s in fw.answer_scales}
    scale = scales.get(survey.answer_scale)
    if scale is None:
        return None
    responses = [r for r in folder.responses if r.survey == survey.id]
    return _survey_question(fw, scale, responses, survey, question)[0]


def _survey_question(
    fw: Framework,
    scale: AnswerScale,
    responses: list[SurveyResponse],
    survey: Survey,
    question: SurveyQuestion,
) -> tuple[QuestionFigure, set[str]]:
    """The question's figure and the respondents who gave a counted answer."""
    assert fw.quantifiers is not None
    positive = {canonical(p) for p in scale.positive}
    skip = {canonical(p) for p in scale.not_counted}
    people = [
        r
        for r in responses
        if question.id in r.answers and canonical(r.answers[question.id]) not in skip
    ]
    counted = [canonical(r.answers[question.id]) for r in people]
    yes = sum(1 for a in counted if a in positive)
    figure = QuestionFigure(
        question.id,
        question.text,
        len(counted),
        yes,
        proportion(fw.quantifiers, yes, len(counted)),
        proportion(fw.quantifiers, len(counted) - yes, len(counted)),
        survey.id,
    )
    return figure, {r.respondent_id for r in people}


def surveys_strand(folder: EvidenceFolder, fw: Framework, indicator: str) -> SurveysStrand:
    """Survey agreement with the questions that inform ``indicator``, per audience."""
    assert fw.quantifiers is not None
    scales = {s.id: s for s in fw.answer_scales}
    audiences, figures = [], []
    for survey in fw.surveys:
        scale = scales.get(survey.answer_scale)
        asked = [q for q in survey.questions if indicator in q.indicators]
        if scale is None or not asked:
            continue
        responses = [r for r in folder.responses if r.survey == survey.id]
        total = agree = 0
        answering: set[str] = set()
        for question in asked:
            figure, people = _survey_question(fw, scale, responses, survey, question)
            answering.update(people)
            total, agree = total + figure.counted, agree + figure.positive
            figures.append(figure)
        if responses:
            audiences.append(
                AudienceFigure(
                    survey.id,
                    survey.audience,
                    len(responses),
                    total,
                    agree,
                    proportion(fw.quantifiers, agree, total),
                    len(answering),
                )
            )
    pooling = fw.grading.survey_pooling if fw.grading else "pooled"
    return SurveysStrand(tuple(audiences), tuple(figures), pooling)


def qualitative_strand(folder: EvidenceFolder, fw: Framework, indicator: str) -> QualitativeStrand:
    """Strengths and areas for improvement that bear on ``indicator``, heaviest first."""
    assert fw.grading is not None
    weights = fw.grading.significance
    strengths: list[WeighedItem] = []
    improvements: list[WeighedItem] = []
    context = 0
    for placed in folder.items:
        item: EvidenceItem = placed.model
        if indicator not in item.indicators:
            continue
        if item.finding == "context":
            context += 1
            continue
        weighed = WeighedItem(
            item.id,
            item.source,
            item.finding,
            item.significance,
            Decimal(str(getattr(weights, item.significance))),
            tuple(item.themes),
            item.summary,
        )
        (strengths if item.finding == "strength" else improvements).append(weighed)

    def order(i: WeighedItem) -> tuple[Decimal, str]:
        return (-i.weight, i.id)

    return QualitativeStrand(
        tuple(sorted(strengths, key=order)), tuple(sorted(improvements, key=order)), context
    )

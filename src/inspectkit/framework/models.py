"""The framework file as Pydantic models: the schema and its documentation in one place.

A framework file may stand alone or name a ``base`` framework (``id@version``) and add to it;
:mod:`inspectkit.framework.resolve` merges the two into one :class:`Framework`. Checks that
need more than one field (cross-references, ordering, coverage of bands) live in
:mod:`inspectkit.framework.checks` so that every problem is reported with its place.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from inspectkit.ids import Id, Version

#: The answers of a record-reading question whose answer type is ``yes-no`` (besides n/a).
YES_NO = ("yes", "no", "partly")


def column_key(name: str) -> str:
    """How a table column is matched to a question or field id: any case, spaces or hyphens
    for underscores ('Record ID' and 'record-id' both name 'record_id')."""
    return name.strip().lower().replace(" ", "_").replace("-", "_")


Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    """Base of every framework model: unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class ScalePoint(Model):
    """One point of the evaluation scale."""

    value: int = Field(description="The number, e.g. 6 for the top of a six-point scale.")
    label: Text = Field(description="The word used in reports, e.g. 'Excellent'.")
    meaning: Text = Field(description="The short meaning, e.g. 'outstanding or sector leading'.")
    description: str = Field("", description="The longer sense of the point, where published.")


class Scale(Model):
    """The evaluation scale, listed from the highest point to the lowest."""

    name: Text = Field(description="What the scale is called, e.g. 'six-point scale'.")
    points: list[ScalePoint] = Field(min_length=2, description="The points, highest first.")

    def value_of(self, answer: object) -> int | None:
        """The point an answer names by number or by label (any case and spacing), if any.

        The one lookup of "number or label" for grades and scale answers alike.
        """
        text = " ".join(str(answer).split()).lower().replace("\u2019", "'")
        for point in self.points:
            if text == str(point.value) or text == " ".join(point.label.split()).lower():
                return point.value
        return None


class Rounding(Model):
    """How a percentage is shown once its quantifier term has been chosen on the exact share."""

    method: Literal["half-up", "half-even", "down", "up"] = Field(
        description="half-up: 74.5 becomes 75; half-even: to the even neighbour; down/up: "
        "towards zero / away from it."
    )
    decimals: int = Field(
        0,
        ge=0,
        le=2,
        description="Decimal places shown. Where rounding to this many would put the figure "
        "in another band than the exact share (99.5 shown as 100), more places are shown, "
        "as few as make the figure and the word agree.",
    )


class QuantifierTerm(Model):
    """A word for a proportion, such as 'most', with the band of exact percentages it covers."""

    id: Id = Field(description="Stable id, e.g. 'almost-all'.")
    label: Text = Field(description="The words used in reports, e.g. 'almost all'.")
    min: float = Field(ge=0, le=100, description="Lower edge of the band, an exact percentage.")
    min_inclusive: bool = Field(
        True,
        description="Whether a share exactly at 'min' is in the band; false for 'over 90%'.",
    )
    max: float = Field(ge=0, le=100, description="Upper edge of the band, an exact percentage.")
    max_inclusive: bool = Field(
        True,
        description="Whether a share exactly at 'max' is in the band; false for 'under 50%'.",
    )
    meaning: Text = Field(description="The band as published, e.g. 'over 90%'.")
    provisional: bool = Field(False, description="True where the band is not confirmed.")


class Quantifiers(Model):
    """The quantifier terms and exactly how a share maps to one of them.

    The term is chosen on the exact share (count out of total), never on a rounded
    percentage; 'rounding' then only says how the figure beside the word is shown.
    """

    source: str = Field("", description="Where the terms were published.")
    rounding: Rounding = Field(description="How the percentage beside the word is shown.")
    tie_break: Literal["lower", "higher"] = Field(
        description="Where two bands both hold a share (published bands touch at 15%), "
        "whether the lower or the higher band wins."
    )
    gaps: Literal["lower", "higher"] = Field(
        "lower",
        description="Bands written at the shown precision leave the shares between them "
        "unassigned (49 and 50 leave 49.5): whether the band below or the band above takes "
        "them. A band of one percentage ('all', 'none') never takes them; bands further "
        "apart than one step of 'rounding.decimals' leave an error (IK105).",
    )
    terms: list[QuantifierTerm] = Field(min_length=1, description="The terms, any order.")


class KeyQuestion(Model):
    """A high-level question of the framework (e.g. 'How good is our leadership?')."""

    id: Id = Field(description="Stable id, e.g. '5'.")
    title: Text = Field(description="The question as published.")
    provisional: bool = Field(False, description="True where the wording is not confirmed.")


class Area(Model):
    """A group of quality indicators (the 2019 framework has ten)."""

    id: Id = Field(description="Stable id, e.g. '5'.")
    title: Text = Field(description="The area's title, e.g. 'Delivery of key processes'.")
    key_question: Id = Field(description="The key question this area answers.")
    provisional: bool = Field(False, description="True where the title is not confirmed.")


class Theme(Model):
    """A theme examined under one or more indicators or lines of enquiry."""

    id: Id = Field(description="Stable id, e.g. 'continuity-of-relationships'.")
    title: Text = Field(description="The theme's title.")
    description: str = Field("", description="What the theme covers.")
    provisional: bool = Field(False, description="True where the theme is not confirmed.")


class Illustrations(Model):
    """What practice looks like at the two illustrated levels of the scale."""

    very_good: list[Text] = Field(
        default_factory=list, description="Illustrations of very good practice (level 5)."
    )
    weak: list[Text] = Field(
        default_factory=list, description="Illustrations of weak practice (level 2)."
    )


class Indicator(Model):
    """A quality indicator, e.g. 2.1 'Impact on children and young people'."""

    id: Id = Field(description="The indicator number, e.g. '2.1'. Quote it in YAML.")
    title: Text = Field(description="The indicator's title.")
    key_question: Id | None = Field(None, description="The key question it belongs to.")
    area: Id | None = Field(None, description="The area it belongs to.")
    themes: list[Id] = Field(default_factory=list, description="Theme ids it covers.")
    illustrations: Illustrations = Field(
        default_factory=Illustrations, description="Illustrations of levels 5 and 2."
    )
    provisional: bool = Field(False, description="True where the title is not confirmed.")


class LineOfEnquiry(Model):
    """A line of enquiry or key inspection question of a programme."""

    id: Id = Field(description="Stable id, e.g. 'LOE1'.")
    text: Text = Field(description="The line of enquiry as published.")
    indicators: list[Id] = Field(default_factory=list, description="Indicators it relates to.")
    themes: list[Id] = Field(default_factory=list, description="Themes it relates to.")
    provisional: bool = Field(False, description="True where the wording is not confirmed.")


Voice = Literal["children", "families", "staff", "leaders", "partners"]


class EvidenceSource(Model):
    """Where evidence comes from: reading records, a survey, meeting people, documents."""

    id: Id = Field(description="Stable id used by evidence items, e.g. 'focus-group'.")
    label: Text = Field(description="A readable name, e.g. 'Staff focus group'.")
    kind: Literal["records", "survey", "qualitative", "document"] = Field(
        description="records: reading case records; survey: questionnaire responses; "
        "qualitative: meetings, groups, observation; document: plans, statements, reports."
    )
    voices: list[Voice] = Field(
        default_factory=list, description="Whose views this source carries."
    )
    description: str = Field("", description="How the evidence is gathered.")


class RecordQuestion(Model):
    """One question of the record-reading template."""

    id: Id = Field(description="Stable id used as a CSV column, e.g. 'chronology'.")
    text: Text = Field(description="The question as the reader sees it.")
    answer: Literal["scale", "yes-no", "choice"] = Field(
        description="scale: a point of the scale; yes-no: yes/no/partly/n/a; choice: one of "
        "'options'."
    )
    options: list[Text] = Field(
        default_factory=list, description="The allowed answers of a 'choice' question."
    )
    positive: list[Text] = Field(
        default_factory=list, description="Answers that count as positive (yes-no, choice)."
    )
    positive_at_least: int | None = Field(
        None, description="For 'scale' answers: the lowest point that counts as positive."
    )
    indicators: list[Id] = Field(min_length=1, description="Indicators the answers inform.")
    themes: list[Id] = Field(default_factory=list, description="Themes the answers inform.")


class RecordReading(Model):
    """The record-reading template and its sample."""

    source: Id = Field(description="The evidence source id of record reading.")
    minimum_records: int = Field(ge=1, description="Fewest records read for a sound sample.")
    questions: list[RecordQuestion] = Field(min_length=1, description="The template.")
    other_columns: list[Id] = Field(
        default_factory=list,
        description="Columns exports may "
        "also hold (e.g. 'reader', 'agency'): accepted, not graded.",
    )


class AnswerScale(Model):
    """The answers a survey question allows, and which of them count as agreement."""

    id: Id = Field(description="Stable id, e.g. 'agreement'.")
    options: list[Text] = Field(min_length=2, description="The answers, as written in CSVs.")
    positive: list[Text] = Field(min_length=1, description="Answers counted as agreement.")
    not_counted: list[Text] = Field(
        default_factory=list, description='Answers left out of percentages (e.g. "don\'t know").'
    )
    aliases: dict[str, Text] = Field(
        default_factory=dict,
        description="Other spellings found in exports, mapped to an "
        "option, e.g. 'neither agree nor disagree: neither'.",
    )


class SurveyQuestion(Model):
    """One question of a survey."""

    id: Id = Field(description="Stable id used as a CSV column, e.g. 'S01'.")
    text: Text = Field(description="The statement respondents agree or disagree with.")
    indicators: list[Id] = Field(min_length=1, description="Indicators the answers inform.")
    themes: list[Id] = Field(default_factory=list, description="Themes the answers inform.")


class Survey(Model):
    """A survey: its audience, answer scale and questions."""

    id: Id = Field(description="The survey id; responses live in surveys/<id>.csv.")
    title: Text = Field(description="A readable title, e.g. 'Staff survey'.")
    audience: Literal["staff", "children", "parents"] = Field(
        description="Who answers: staff, children and young people, or parents and carers."
    )
    source: Id = Field(description="The evidence source id of this survey.")
    answer_scale: Id = Field(description="The id of the answer scale used.")
    questions: list[SurveyQuestion] = Field(min_length=1, description="The questions.")
    other_columns: list[Id] = Field(
        default_factory=list,
        description="Columns exports may "
        "also hold (e.g. 'role', 'occupation', 'comment'): "
        "accepted and scanned for personal data, not graded.",
    )


class Weights(Model):
    """How much each evidence strand counts in the combined score."""

    records: float = Field(ge=0, description="Weight of record reading.")
    surveys: float = Field(ge=0, description="Weight of survey agreement.")
    qualitative: float = Field(ge=0, description="Weight of qualitative evidence.")


class SignificanceWeights(Model):
    """How much one qualitative item counts, by its significance."""

    major: float = Field(gt=0, description="Weight of a major strength or weakness.")
    important: float = Field(gt=0, description="Weight of an important one.")
    minor: float = Field(gt=0, description="Weight of a minor one.")


class GradeBand(Model):
    """The lowest combined score (0-100) that reaches a grade."""

    grade: int = Field(description="A point of the scale.")
    min_score: float = Field(ge=0, le=100, description="Lowest combined score for this grade.")


class CapCondition(Model):
    """When a cap applies. Give either the qualitative fields or one of the *_at_least fields."""

    finding: Literal["strength", "area-for-improvement"] | None = Field(
        None, description="Qualitative items of this finding."
    )
    significance: list[Literal["major", "important", "minor"]] = Field(
        default_factory=list, description="...of these significances."
    )
    themes: list[Id] = Field(
        default_factory=list, description="...about any of these themes (empty: any theme)."
    )
    minimum_items: int = Field(1, ge=1, description="How many such items trigger the cap.")
    records_negative_at_least: Id | None = Field(
        None,
        description="A quantifier term id: the cap applies when at least this share of "
        "the records read shows a weakness on a question informing the indicator.",
    )
    survey_negative_at_least: Id | None = Field(
        None,
        description="A quantifier term id: the cap applies when at least this share of "
        "an audience disagrees on a question informing the indicator.",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> CapCondition:
        kinds = [
            self.finding is not None,
            self.records_negative_at_least is not None,
            self.survey_negative_at_least is not None,
        ]
        if sum(kinds) != 1:
            raise ValueError(
                "give exactly one of 'finding', 'records_negative_at_least' "
                "and 'survey_negative_at_least'"
            )
        return self


class Cap(Model):
    """A rule that holds a grade at or below a point whatever the scores say."""

    id: Id = Field(description="Stable id, e.g. 'major-safety-weakness'.")
    description: Text = Field(description="The rule in words, as the explanation shows it.")
    max_grade: int = Field(description="The highest grade allowed when the rule applies.")
    when: CapCondition = Field(description="When the rule applies.")


class ScaleCondition(Model):
    """What a grade needs beyond its score, from the scale's published meaning of the grade.

    The engine applies conditions like caps: a proposal that does not meet a grade's condition
    falls to the highest grade whose condition it meets, and the explanation says why.
    """

    grade: int = Field(description="The point of the scale the condition is for.")
    meaning: Text = Field(
        description="The grade's published meaning this condition reads, as the explanation "
        "shows it, e.g. 'very good: major strengths, very few areas for improvement'."
    )
    strands_positive_at_least: Id | None = Field(
        None,
        description="A quantifier term id: every counting strand's positive share must reach "
        "it (records positive, people agreeing, weight of strengths).",
    )
    ruled_out_by: list[Literal["major", "important", "minor"]] = Field(
        default_factory=list,
        description="Significances of an area for improvement that rule the grade out.",
    )
    provisional: bool = Field(
        False, description="True where this reading of the scale is inspectkit's, not published."
    )


class ConflictRule(Model):
    """When strands conflict, and the grade one strand alone must not silently drag below."""

    points: int = Field(
        2, ge=1, description="Strands whose own grades lie this many points apart conflict."
    )
    floor: int | None = Field(
        None,
        description="A point of the scale (adequate: strengths just outweigh weaknesses): "
        "when one strand alone pulls the combined score below it while the others reach it, "
        "the explanation says so.",
    )


class MinimumEvidence(Model):
    """The least evidence before any grade is proposed; below it: 'insufficient evidence'."""

    strands: int = Field(ge=1, le=3, description="How many strands must be present.")
    records: int = Field(
        ge=1,
        description="Records answering the indicator's questions for the records strand to count.",
    )
    survey_responses: int = Field(
        ge=1,
        description="Respondents (people, not answers) who answered at least one of the "
        "indicator's questions, for the survey strand to count.",
    )
    qualitative_items: int = Field(ge=1, description="Items for the qualitative strand to count.")


class Grading(Model):
    """How the evidence strands combine into a proposed grade."""

    basis: Text = Field(
        description="Where these rules come from. Inspectors grade by "
        "professional judgement; rules written for inspectkit say so here."
    )
    weights: Weights = Field(description="Weight of each strand.")
    significance: SignificanceWeights = Field(description="Weight of qualitative items.")
    bands: list[GradeBand] = Field(min_length=2, description="Score bands, one per grade.")
    caps: list[Cap] = Field(default_factory=list, description="Rules that cap the grade.")
    conditions: list[ScaleCondition] = Field(
        default_factory=list,
        description="What each grade needs beyond its score, from the scale's meanings.",
    )
    conflicts: ConflictRule = Field(
        default_factory=ConflictRule, description="When strands are named as conflicting."
    )
    departure_points: int = Field(
        2,
        ge=1,
        description="A team grade this many points or more from the proposed grade needs a "
        "reason in the evaluation (otherwise a warning).",
    )
    survey_pooling: Literal["per-audience", "pooled"] = Field(
        "per-audience",
        description="per-audience: each audience (staff, children, parents) "
        "counts equally in the survey strand; pooled: every answer counts equally.",
    )
    minimum: MinimumEvidence = Field(description="Evidence needed before proposing a grade.")


class Reporting(Model):
    """Settings for what reports show."""

    suppress_below: int = Field(
        5,
        ge=0,
        description="Counts below this are shown as "
        "'fewer than N' so that no child can be identified.",
    )


Status = Literal["current", "superseded", "provisional", "draft"]


class Framework(Model):
    """A quality framework or an inspection programme built on one.

    A file with ``base`` may leave out any section its base defines; the merged framework
    (see :func:`inspectkit.framework.resolve.resolve`) has every section it needs.
    """

    id: Id = Field(description="Stable id, e.g. 'cso-at-home'.")
    version: Version = Field(description="Semantic version of this file, e.g. '1.0.0'.")
    title: Text = Field(description="The framework's or programme's title.")
    publisher: Text = Field(description="Who published the framework.")
    published: date | None = Field(None, description="Publication date of the source.")
    published_year: int | None = Field(
        None, description="Publication year, where the exact date is not known."
    )
    source: str = Field("", description="Address of the published source.")
    status: Status = Field(description="current, superseded, provisional or draft.")
    changelog: str = Field("", description="What changed in this version.")
    base: str | None = Field(None, description="The framework this one builds on, 'id@version'.")
    enquiry_term: Text = Field(
        "line of enquiry",
        description="What this programme calls a line of enquiry, e.g. 'key inspection question'.",
    )
    scale: Scale | None = Field(None, description="The evaluation scale.")
    quantifiers: Quantifiers | None = Field(None, description="Quantifier terms and bands.")
    key_questions: list[KeyQuestion] = Field(
        default_factory=list, description="High-level questions."
    )
    areas: list[Area] = Field(default_factory=list, description="Groups of indicators.")
    themes: list[Theme] = Field(default_factory=list, description="Themes (added to the base's).")
    indicators: list[Indicator] = Field(
        default_factory=list, description="Quality indicators (added to the base's)."
    )
    include_indicators: list[Id] | None = Field(
        None, description="Which of the base's indicators this programme uses; all if absent."
    )
    lines_of_enquiry: list[LineOfEnquiry] = Field(
        default_factory=list, description="Lines of enquiry."
    )
    evidence_sources: list[EvidenceSource] = Field(
        default_factory=list, description="Sources (added to the base's)."
    )
    record_reading: RecordReading | None = Field(None, description="Record-reading template.")
    answer_scales: list[AnswerScale] = Field(
        default_factory=list, description="Survey answer scales."
    )
    surveys: list[Survey] = Field(default_factory=list, description="Surveys.")
    graded: list[Id] = Field(
        default_factory=list, description="The indicators this programme grades."
    )
    grading: Grading | None = Field(None, description="How proposed grades are reached.")
    reporting: Reporting = Field(default_factory=Reporting, description="Report settings.")

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, if any."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def condition(self, grade: int) -> ScaleCondition | None:
        """The grading condition for ``grade``, if the framework states one."""
        rules = self.grading.conditions if self.grading else []
        return next((c for c in rules if c.grade == grade), None)

    def scale_point(self, value: int) -> ScalePoint | None:
        """The scale point with this value, if any."""
        return (
            next((p for p in self.scale.points if p.value == value), None) if self.scale else None
        )

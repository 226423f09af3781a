"""Checks a framework file needs beyond its fields: ids, references, ordering and coverage.

Each check reads the merged framework (so a programme may refer to its base's indicators)
but reports only problems in the file's own sections, placed in that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.framework.models import YES_NO, Framework, column_key
from inspectkit.quantify import Piece, percentages, pieces, term_for
from inspectkit.suggest import did_you_mean
from inspectkit.yamlread import Path_, YamlDocument


def check_framework(own: Framework, merged: Framework, doc: YamlDocument) -> list[Diagnostic]:
    """Every cross-reference, ordering and coverage problem of one framework file."""
    out: list[Diagnostic] = []
    out += _check_required(merged, doc)
    out += _check_duplicates(own, merged, doc)
    out += _check_references(own, merged, doc)
    out += _check_answers(own, merged, doc)
    if own.scale is not None:
        out += _check_scale(own, doc)
    if own.quantifiers is not None:
        out += _check_quantifiers(own, doc)
    if own.grading is not None and merged.scale is not None:
        out += _check_grading(own, merged, doc)
    return out


def lint_framework(own: Framework, merged: Framework, doc: YamlDocument) -> list[Diagnostic]:
    """Domain rules on top of :func:`check_framework` for ``frameworks lint``."""
    out: list[Diagnostic] = []
    informed = _informed_indicators(merged)
    for index, indicator_id in enumerate(own.graded):
        path: Path_ = ("graded", index)
        indicator = merged.indicator(indicator_id)
        if indicator is None:
            continue
        if not (indicator.illustrations.very_good and indicator.illustrations.weak):
            out.append(
                doc.diagnostic(
                    "IK109",
                    f"Graded indicator {indicator_id} has no "
                    "illustrations of very good and weak practice to evaluate against.",
                    path,
                    hint="Add illustrations.very_good and illustrations.weak.",
                )
            )
        if indicator_id not in informed:
            out.append(
                doc.diagnostic(
                    "IK110",
                    f"No record-reading or survey question informs "
                    f"graded indicator {indicator_id}, so only meetings and documents could "
                    "evidence it.",
                    path,
                )
            )
        if merged.grading is None:
            out.append(
                doc.diagnostic(
                    "IK111",
                    f"Indicator {indicator_id} is graded but the framework has no grading rules.",
                    path,
                    hint="Add a 'grading' section, or name a base framework that has one.",
                )
            )
    out += _provisional_notes(merged, doc)
    return out


def _provisional_notes(fw: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    """A note per kind of content that is provisional, inherited content included."""
    kinds = (
        ("indicator", fw.indicators),
        ("key question", fw.key_questions),
        ("area", fw.areas),
        ("theme", fw.themes),
        (fw.enquiry_term, fw.lines_of_enquiry),
        ("quantifier term", fw.quantifiers.terms if fw.quantifiers else []),
    )
    for what, items in kinds:
        ids = [str(i.id) for i in items if i.provisional]
        if ids:
            yield doc.diagnostic(
                "IK112",
                f"{len(ids)} {what}(s) provisional (not confirmed "
                f"from a primary source): {', '.join(ids)}.",
                (),
            )


def _informed_indicators(fw: Framework) -> set[str]:
    ids: set[str] = set()
    if fw.record_reading:
        for question in fw.record_reading.questions:
            ids.update(question.indicators)
    for survey in fw.surveys:
        for sq in survey.questions:
            ids.update(sq.indicators)
    return ids


def _check_required(merged: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    for name in ("scale", "quantifiers"):
        if getattr(merged, name) is None:
            yield doc.diagnostic(
                "IK101",
                f"The framework has no '{name}' section and no base framework that defines one.",
                (),
            )
    if merged.base is None and not merged.indicators:
        yield doc.diagnostic("IK101", "The framework defines no quality indicators.", ())


def _check_duplicates(own: Framework, merged: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    sections = (
        "key_questions",
        "areas",
        "themes",
        "indicators",
        "lines_of_enquiry",
        "evidence_sources",
        "answer_scales",
        "surveys",
    )
    for section in sections:
        inherited = len(getattr(merged, section)) - len(getattr(own, section))
        seen = {item.id for item in getattr(merged, section)[: max(inherited, 0)]}
        if section == "lines_of_enquiry" and own.lines_of_enquiry:
            seen = set()
        yield from _dupes(getattr(own, section), (section,), seen, doc, section)
    if own.record_reading:
        yield from _dupes(
            own.record_reading.questions,
            ("record_reading", "questions"),
            set(),
            doc,
            "record-reading questions",
        )
        yield from _columns(
            own.record_reading.questions, ("record_reading", "questions"), "record_id", doc
        )
    for index, survey in enumerate(own.surveys):
        yield from _dupes(
            survey.questions,
            ("surveys", index, "questions"),
            set(),
            doc,
            f"questions of survey '{survey.id}'",
        )
        yield from _columns(survey.questions, ("surveys", index, "questions"), "respondent_id", doc)
    yield from _dupe_values(own.graded, ("graded",), doc, "graded")
    if own.include_indicators:
        yield from _dupe_values(
            own.include_indicators, ("include_indicators",), doc, "include_indicators"
        )


def _columns(
    items: Iterable[object], path: Path_, reserved: str, doc: YamlDocument
) -> Iterator[Diagnostic]:
    """Question ids become CSV columns, matched ignoring case, '-' and '_'."""
    seen: dict[str, str] = {column_key(reserved): reserved}
    for index, item in enumerate(items):
        ident = str(getattr(item, "id", ""))
        key = column_key(ident)
        if key in seen and seen[key] != ident:
            yield doc.diagnostic(
                "IK102",
                f"The question id '{ident}' would be the same CSV "
                f"column as '{seen[key]}' (case, '-' and '_' are not told "
                "apart).",
                (*path, index, "id"),
            )
        seen.setdefault(key, ident)


def _dupes(
    items: Iterable[object], path: Path_, seen: set[str], doc: YamlDocument, what: str
) -> Iterator[Diagnostic]:
    for index, item in enumerate(items):
        ident = str(getattr(item, "id", ""))
        if ident in seen:
            yield doc.diagnostic(
                "IK102",
                f"The id '{ident}' is defined twice in {what.replace('_', ' ')}.",
                (*path, index, "id"),
            )
        seen.add(ident)


def _dupe_values(
    values: list[str], path: Path_, doc: YamlDocument, what: str
) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield doc.diagnostic("IK102", f"'{value}' is listed twice in '{what}'.", (*path, index))
        seen.add(value)


def _ref(
    doc: YamlDocument, path: Path_, value: str, known: Iterable[str], what: str
) -> Iterator[Diagnostic]:
    known = list(known)
    if value in known:
        return
    yield doc.diagnostic(
        "IK103",
        f"Unknown {what} '{value}': the framework does not define it.",
        path,
        hint=did_you_mean(value, known),
    )


def _check_references(own: Framework, merged: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    indicators = [i.id for i in merged.indicators]
    themes = [t.id for t in merged.themes]
    questions = [q.id for q in merged.key_questions]
    areas = [a.id for a in merged.areas]
    for i, area in enumerate(own.areas):
        yield from _ref(
            doc, ("areas", i, "key_question"), area.key_question, questions, "key question"
        )
    for i, ind in enumerate(own.indicators):
        if ind.key_question is not None:
            yield from _ref(
                doc, ("indicators", i, "key_question"), ind.key_question, questions, "key question"
            )
        if ind.area is not None:
            yield from _ref(doc, ("indicators", i, "area"), ind.area, areas, "area")
        for j, theme in enumerate(ind.themes):
            yield from _ref(doc, ("indicators", i, "themes", j), theme, themes, "theme")
    for i, loe in enumerate(own.lines_of_enquiry):
        for j, ind_id in enumerate(loe.indicators):
            yield from _ref(
                doc, ("lines_of_enquiry", i, "indicators", j), ind_id, indicators, "indicator"
            )
        for j, theme in enumerate(loe.themes):
            yield from _ref(doc, ("lines_of_enquiry", i, "themes", j), theme, themes, "theme")
    if own.include_indicators is not None:
        own_ids = {i.id for i in own.indicators}
        base_ids = [i.id for i in merged.indicators if i.id not in own_ids]
        for j, ind_id in enumerate(own.include_indicators):
            yield from _ref(doc, ("include_indicators", j), ind_id, base_ids, "indicator")
    for j, ind_id in enumerate(own.graded):
        yield from _ref(doc, ("graded", j), ind_id, indicators, "indicator")
    yield from _check_evidence_refs(own, merged, doc, indicators, themes)


def _check_evidence_refs(
    own: Framework, merged: Framework, doc: YamlDocument, indicators: list[str], themes: list[str]
) -> Iterator[Diagnostic]:
    sources = {s.id: s.kind for s in merged.evidence_sources}
    scales = [s.id for s in merged.answer_scales]
    if own.record_reading:
        rr = own.record_reading
        yield from _ref(doc, ("record_reading", "source"), rr.source, sources, "evidence source")
        if sources.get(rr.source, "records") != "records":
            yield doc.diagnostic(
                "IK103",
                f"Record reading uses the source '{rr.source}', which is not of kind 'records'.",
                ("record_reading", "source"),
            )
        for i, q in enumerate(rr.questions):
            base: Path_ = ("record_reading", "questions", i)
            for j, ind_id in enumerate(q.indicators):
                yield from _ref(doc, (*base, "indicators", j), ind_id, indicators, "indicator")
            for j, theme in enumerate(q.themes):
                yield from _ref(doc, (*base, "themes", j), theme, themes, "theme")
    for i, survey in enumerate(own.surveys):
        yield from _ref(doc, ("surveys", i, "source"), survey.source, sources, "evidence source")
        if sources.get(survey.source, "survey") != "survey":
            yield doc.diagnostic(
                "IK103",
                f"Survey '{survey.id}' uses the source "
                f"'{survey.source}', which is not of kind 'survey'.",
                ("surveys", i, "source"),
            )
        yield from _ref(
            doc, ("surveys", i, "answer_scale"), survey.answer_scale, scales, "answer scale"
        )
        for k, sq in enumerate(survey.questions):
            for j, ind_id in enumerate(sq.indicators):
                yield from _ref(
                    doc,
                    ("surveys", i, "questions", k, "indicators", j),
                    ind_id,
                    indicators,
                    "indicator",
                )
            for j, theme in enumerate(sq.themes):
                yield from _ref(
                    doc, ("surveys", i, "questions", k, "themes", j), theme, themes, "theme"
                )


def _check_answers(own: Framework, merged: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    values = [p.value for p in merged.scale.points] if merged.scale else []
    if own.record_reading:
        for i, q in enumerate(own.record_reading.questions):
            path: Path_ = ("record_reading", "questions", i)
            if q.answer == "scale":
                if q.positive_at_least is None or (values and q.positive_at_least not in values):
                    yield doc.diagnostic(
                        "IK101",
                        f"Question '{q.id}' is answered on the scale, "
                        "so 'positive_at_least' must be a point of the scale.",
                        path,
                        hint="e.g. positive_at_least: 4 (good or better)",
                    )
                continue
            if q.positive_at_least is not None:
                yield doc.diagnostic(
                    "IK101",
                    f"Question '{q.id}' is not answered on the scale; "
                    "use 'positive' instead of 'positive_at_least'.",
                    (*path, "positive_at_least"),
                    key=True,
                )
            allowed = YES_NO if q.answer == "yes-no" else tuple(q.options)
            if q.answer == "choice" and len(q.options) < 2:
                yield doc.diagnostic(
                    "IK101", f"Choice question '{q.id}' needs at least two 'options'.", path
                )
            if not q.positive:
                yield doc.diagnostic(
                    "IK101",
                    f"Question '{q.id}' does not say which answers count as positive.",
                    path,
                )
            for j, answer in enumerate(q.positive):
                if answer.lower() not in (a.lower() for a in allowed):
                    yield doc.diagnostic(
                        "IK101",
                        f"'{answer}' is not an answer question "
                        f"'{q.id}' allows ({', '.join(allowed)}).",
                        (*path, "positive", j),
                    )
    for i, scale in enumerate(own.answer_scales):
        options = [o.lower() for o in scale.options]
        for field in ("positive", "not_counted"):
            for j, answer in enumerate(getattr(scale, field)):
                if answer.lower() not in options:
                    yield doc.diagnostic(
                        "IK101",
                        f"'{answer}' in '{field}' is not one of the "
                        f"options of answer scale '{scale.id}'.",
                        ("answer_scales", i, field, j),
                    )


def _check_scale(own: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    assert own.scale is not None
    points = own.scale.points
    for i in range(1, len(points)):
        if points[i].value >= points[i - 1].value:
            yield doc.diagnostic(
                "IK104",
                f"The scale is not strictly ordered: {points[i].value} "
                f"follows {points[i - 1].value}. List points from the highest "
                "to the lowest, each value once.",
                ("scale", "points", i, "value"),
            )
    labels = [p.label.lower() for p in points]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            yield doc.diagnostic(
                "IK102",
                f"The scale label '{points[i].label}' is used twice.",
                ("scale", "points", i, "label"),
            )


def _check_quantifiers(own: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    assert own.quantifiers is not None
    q = own.quantifiers
    for i, term in enumerate(q.terms):
        if term.min > term.max:
            yield doc.diagnostic(
                "IK105",
                f"The band of '{term.label}' runs from {term.min} down "
                f"to {term.max}; 'min' must not exceed 'max'.",
                ("quantifiers", "terms", i),
            )
        elif term.min == term.max and not (term.min_inclusive and term.max_inclusive):
            yield doc.diagnostic(
                "IK105",
                f"The band of '{term.label}' holds no percentage: it starts and ends at "
                f"{term.min:g} with an open edge.",
                ("quantifiers", "terms", i),
                hint="A band of one percentage needs both edges inclusive.",
            )
    yield from _dupes(q.terms, ("quantifiers", "terms"), set(), doc, "quantifier terms")
    grid = [p for p in percentages(q.rounding.decimals) if term_for(q, p) is None]
    shown = [f"{_num(p)}%" for p in grid] or [_stretch(p) for p in pieces(q) if p.term is None]
    if shown:
        more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
        yield doc.diagnostic(
            "IK105",
            f"The quantifier bands leave {', '.join(shown[:5])}{more} unassigned.",
            ("quantifiers", "terms"),
            key=True,
            hint="Make each band start where the one below it ends.",
        )


def _stretch(piece: Piece) -> str:
    low, high = (
        _num(Decimal(piece.low.numerator) / piece.low.denominator),
        _num(Decimal(piece.high.numerator) / piece.high.denominator),
    )
    if piece.low == piece.high:
        return f"{low}%"
    opening = "from" if piece.low_inclusive else "over"
    closing = "to" if piece.high_inclusive else "under"
    return f"{opening} {low}% {closing} {high}%"


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _check_grading(own: Framework, merged: Framework, doc: YamlDocument) -> Iterator[Diagnostic]:
    assert own.grading is not None and merged.scale is not None
    values = [p.value for p in merged.scale.points]
    bands = own.grading.bands
    for i, band in enumerate(bands):
        if band.grade not in values:
            yield doc.diagnostic(
                "IK103",
                f"Grade band {band.grade} is not a point of the scale.",
                ("grading", "bands", i, "grade"),
            )
    ordered = sorted(bands, key=lambda b: -b.grade)
    for i in range(1, len(ordered)):
        if ordered[i].min_score >= ordered[i - 1].min_score:
            yield doc.diagnostic(
                "IK106",
                f"Grade {ordered[i - 1].grade} must need a higher "
                f"score than grade {ordered[i].grade}.",
                ("grading", "bands", bands.index(ordered[i])),
            )
    if not any(b.min_score == 0 for b in bands):
        yield doc.diagnostic(
            "IK106",
            "No grade band starts at a score of 0, so low scores get no grade.",
            ("grading", "bands"),
            key=True,
        )
    missing = sorted(set(values) - {b.grade for b in bands}, reverse=True)
    if missing:
        yield doc.diagnostic(
            "IK106",
            f"No grade band for scale point(s) {', '.join(map(str, missing))}.",
            ("grading", "bands"),
            key=True,
            severity=Severity.WARNING,
        )
    terms = [t.id for t in merged.quantifiers.terms] if merged.quantifiers else []
    themes = [t.id for t in merged.themes]
    for i, cap in enumerate(own.grading.caps):
        path: Path_ = ("grading", "caps", i)
        if cap.max_grade not in values:
            yield doc.diagnostic(
                "IK103",
                f"Cap '{cap.id}' holds grades at {cap.max_grade}, "
                "which is not a point of the scale.",
                (*path, "max_grade"),
            )
        for field in ("records_negative_at_least", "survey_negative_at_least"):
            term = getattr(cap.when, field)
            if term is not None:
                yield from _ref(doc, (*path, "when", field), term, terms, "quantifier term")
        for j, theme in enumerate(cap.when.themes):
            yield from _ref(doc, (*path, "when", "themes", j), theme, themes, "theme")
    yield from _check_conditions(own, doc, values, terms)


def _check_conditions(
    own: Framework, doc: YamlDocument, values: list[int], terms: list[str]
) -> Iterator[Diagnostic]:
    assert own.grading is not None
    for i, cond in enumerate(own.grading.conditions):
        where: Path_ = ("grading", "conditions", i)
        if cond.grade not in values:
            yield doc.diagnostic(
                "IK103",
                f"Condition for grade {cond.grade}: not a point of the scale.",
                (*where, "grade"),
            )
        if cond.strands_positive_at_least is not None:
            yield from _ref(
                doc,
                (*where, "strands_positive_at_least"),
                cond.strands_positive_at_least,
                terms,
                "quantifier term",
            )

"""Merge a programme framework with its base, so the 22 indicators are written once.

Rules: the programme's metadata wins; a section the programme leaves out comes from the base;
indicators, themes, key questions, areas, evidence sources, answer scales and surveys are the
base's plus the programme's (indicators filtered by ``include_indicators``); lines of enquiry,
graded indicators, scale, quantifiers, record reading and grading are replaced when given.
"""

from __future__ import annotations

from inspectkit.framework.models import Framework

_ADDED = ("key_questions", "areas", "themes", "evidence_sources", "answer_scales", "surveys")
_REPLACED = ("scale", "quantifiers", "record_reading", "grading")


def merge(base: Framework, child: Framework) -> Framework:
    """The programme ``child`` with every section it does not define taken from ``base``."""
    update: dict[str, object] = {}
    fields_set = child.model_fields_set
    for name in _ADDED:
        update[name] = [*getattr(base, name), *getattr(child, name)]
    for name in _REPLACED:
        if getattr(child, name) is None:
            update[name] = getattr(base, name)
    included = child.include_indicators
    inherited = [i for i in base.indicators if included is None or i.id in included]
    update["indicators"] = [*inherited, *child.indicators]
    if not child.lines_of_enquiry:
        update["lines_of_enquiry"] = base.lines_of_enquiry
    if "graded" not in fields_set:
        update["graded"] = base.graded
    if "enquiry_term" not in fields_set:
        update["enquiry_term"] = base.enquiry_term
    if "reporting" not in fields_set:
        update["reporting"] = base.reporting
    return child.model_copy(update=update)

"""The report appendix states the quantifier rule in words drawn from the framework's fields."""

from __future__ import annotations

from inspectkit.framework.models import Quantifiers, QuantifierTerm, Rounding
from inspectkit.framework.registry import Registry
from inspectkit.report.bands import quantifier_data
from inspectkit.report.render import environment

BASE = Registry(()).load("quality-framework-2019").framework.quantifiers
assert BASE is not None
APPENDIX = (
    '{% import "_text.j2" as t %}'
    "{% for q in quantifiers.terms %}{{ q.label }}: {{ t.applied(q) }}\n{% endfor %}"
    "{{ t.quantifier_rule(quantifiers) }}"
)


def appendix(q: Quantifiers) -> list[str]:
    text = environment().from_string(APPENDIX).render(quantifiers=quantifier_data(q))
    return text.split("\n")


def test_the_builtin_rule_in_words() -> None:
    lines = appendix(BASE)
    assert lines[:7] == [
        "all: exactly 100%",
        "almost all: over 90% and under 100%",
        "most: 75% to 90%",
        "the majority: 50% or more and under 75%",
        "less than half: over 15% and under 50%",
        "few: over 0% and up to 15%",
        "none: exactly 0%",
    ]
    assert lines[7] == (
        "Each term is chosen on the exact proportion counted, before any rounding, and is used "
        "only when the proportion lies in its band as applied. The percentage shown beside it "
        "is rounded to a whole number (halves round up); where that would put the figure in "
        "another band, it keeps as many more decimal places as it needs, so the figure never "
        "contradicts the word. At exactly 15%, which few and less than half both hold, the "
        "lower band is used: few."
    )


def test_the_words_follow_the_fields() -> None:
    """Change the tie-break, the rounding and the edges: the appendix says so."""
    q = BASE.model_copy(
        update={"tie_break": "higher", "rounding": Rounding(method="down", decimals=1)}
    )
    lines = appendix(q)
    assert "less than half: 15% or more and under 50%" in lines
    assert "few: over 0% and under 15%" in lines
    assert "rounded to 1 decimal place (always down)" in lines[-1]
    assert lines[-1].endswith(
        "At exactly 15%, which few and less than half both hold, the higher band is used: "
        "less than half."
    )


def test_gaps_between_old_style_bands_are_stated() -> None:
    q = Quantifiers(
        rounding=Rounding(method="half-even"),
        tie_break="lower",
        gaps="higher",
        terms=[
            QuantifierTerm(id="all", label="all", min=100, max=100, meaning="all"),
            QuantifierTerm(id="most", label="most", min=50, max=99, meaning="most"),
            QuantifierTerm(id="some", label="some", min=1, max=49, meaning="some"),
            QuantifierTerm(id="none", label="none", min=0, max=0, meaning="none"),
        ],
    )
    lines = appendix(q)
    assert lines[:4] == [
        "all: exactly 100%",
        "most: over 49% and under 100%",
        "some: over 0% and up to 49%",
        "none: exactly 0%",
    ]
    assert "(halves round to the even neighbour)" in lines[-1]
    assert lines[-1].endswith(
        "Between two bands as written, a proportion takes the higher band: over 0% and under "
        "1% is some; over 49% and under 50% is most; over 99% and under 100% is most."
    )

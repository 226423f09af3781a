#!/usr/bin/env python3
"""Write inspectkit's example evidence folders.

    python3 examples/make_examples.py            # rewrites the folders below in examples/
    python3 examples/make_examples.py --out DIR  # writes them into DIR instead

It writes, from the data in this file:

- ``cso-at-home-glenbrae/``: a complete, fictional inspection of services for children on
  compulsory supervision orders at home (framework ``cso-at-home``);
- ``care-and-protection-kinloch-mhor/``: a complete, fictional inspection of services for
  children and young people in need of care and protection (``care-and-protection-2018``);
- ``cso-at-home-glenbrae-paired/``: the Glenbrae inspection with its records read in pairs
  (contract 1.1): each record read by an inspector and a local reader, a ``reader`` column,
  a few disagreements, ``moderated`` rows settling most of them and some left unmoderated;
- ``broken/<case>/``: small folders for ``cso-at-home`` with the mistakes people make,
  described in ``broken/README.md`` (which, like ``broken/expected.txt``, is not written here).

Everything is fictional. Glenbrae and Kinloch Mhor are not real places; records and
respondents have anonymous references (R-001, ST-001, CH-001, PA-001); the team is named by
role. The qualitative evidence, the evaluations and the broken files are written by hand
below. Record-reading answers and survey responses are drawn with a fixed seed so that the
proportions tell each indicator's story ("the majority of plans were good or better"): each
question's counts are exact, and answers are spread over records (or respondents) by a
hidden "how well is this going" value so that answers to related questions hang together.

The output is the same, byte for byte, on every run: the random generator has a fixed seed
and only ``random()`` is used, no clock is read, and files are written as UTF-8 with ``\\n``.
Only the standard library is needed (PyYAML, if present, is used to check the YAML written).
"""

# The broken CSV files below are written out as they appear in the files, so some lines are long.
# ruff: noqa: E501

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import textwrap
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
GLENBRAE = "cso-at-home-glenbrae"
PAIRED = "cso-at-home-glenbrae-paired"
KINLOCH = "care-and-protection-kinloch-mhor"
WIDTH = 92  # wrap long text in YAML files at this column

GENERATED = (
    "Fictional example written by examples/make_examples.py: edit that script, not this file."
)


# -- writing files ----------------------------------------------------------------------------


def write(path: Path, text: str | bytes) -> None:
    """Write UTF-8 text with \\n line endings (or bytes as they are)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.()'/&%+\u2013-]*[A-Za-z0-9).%]|[A-Za-z]")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def scalar(value: object) -> str:
    """A YAML scalar: plain where that is safe and unambiguous, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # an ISO date
    if (
        _PLAIN.fullmatch(text)
        and text.lower() not in _RESERVED
        and ": " not in text
        and " #" not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def ids(values: Sequence[str], *, quote: bool = False) -> str:
    """A flow list of ids: [LOE1, LOE2], or ["2.1", "5.3"] for indicators."""
    return "[" + ", ".join(json.dumps(v) if quote else scalar(v) for v in values) + "]"


def folded(key: str, text: str, indent: int) -> list[str]:
    """``key: >-`` and the text wrapped below it (folding joins the lines with spaces)."""
    pad = " " * (indent + 2)
    assert "  " not in text and text == text.strip(), text
    lines = textwrap.wrap(text, WIDTH - len(pad), break_long_words=False, break_on_hyphens=False)
    return [f"{' ' * indent}{key}: >-", *(pad + line for line in lines)]


def text_field(key: str, text: str, indent: int) -> list[str]:
    """A short text on one line, a long one folded."""
    line = f"{' ' * indent}{key}: {scalar(text)}"
    return [line] if len(line) <= WIDTH else folded(key, text, indent)


# -- the evidence model used by this script ---------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One piece of qualitative evidence, as the team wrote it down."""

    id: str
    source: str
    date: str
    indicators: list[str]
    lines_of_enquiry: list[str]
    themes: list[str]
    finding: str
    significance: str
    summary: str
    quote: str = ""
    reference: str = ""
    detail: str = ""  # notes: written as the body of a Markdown item
    md: str = ""  # file name under evidence/notes/ when the item is a Markdown file


def item_lines(it: Item, *, in_list: bool, with_detail: bool = False) -> list[str]:
    """The YAML lines of one item (as a list entry, or as Markdown front matter)."""
    ind = 2 if in_list else 0
    sp = " " * ind
    first = f"- id: {it.id}" if in_list else f"id: {it.id}"
    out = [
        first,
        f"{sp}source: {it.source}",
        f"{sp}date: {it.date}",
        f"{sp}indicators: {ids(it.indicators, quote=True)}",
    ]
    if it.lines_of_enquiry:
        out.append(f"{sp}lines_of_enquiry: {ids(it.lines_of_enquiry)}")
    if it.themes:
        out.append(f"{sp}themes: {ids(it.themes)}")
    out += [f"{sp}finding: {it.finding}", f"{sp}significance: {it.significance}"]
    out += folded("summary", it.summary, ind)
    if it.quote:
        out.append(f"{sp}quote: {json.dumps(it.quote, ensure_ascii=False)}")
    if it.reference:
        out += text_field("reference", it.reference, ind)
    if with_detail and it.detail:
        out += folded("detail", it.detail, ind)
    return out


def items_file(title: str, items: Sequence[Item]) -> str:
    lines = [f"# {title}", f"# {GENERATED}", ""]
    for n, it in enumerate(items):
        if n:
            lines.append("")
        lines += item_lines(it, in_list=True)
    return "\n".join(lines) + "\n"


def markdown_item(it: Item) -> str:
    body = it.detail.strip("\n")
    return "\n".join(["---", *item_lines(it, in_list=False), "---", "", body]) + "\n"


SOURCE_FILES = (
    ("focus-group", "focus-groups.yaml", "Staff focus groups"),
    ("meeting-children", "meetings-with-children.yaml", "Meeting children and young people"),
    ("meeting-families", "meetings-with-families.yaml", "Meeting parents and carers"),
    (
        "professional-discussion",
        "professional-discussions.yaml",
        "Professional discussions with leaders",
    ),
    ("interview", "interviews.yaml", "Interviews"),
    ("observation", "observations.yaml", "Observations of practice and meetings"),
    ("survey-comment", "survey-comments.yaml", "Free-text comments in the surveys"),
    ("document", "documents.yaml", "Documents supplied by the partnership"),
    ("position-statement", "position-statement.yaml", "The partnership's position statement"),
)


def write_items(folder: Path, partnership: str, items: Sequence[Item]) -> None:
    seen = set()
    for it in items:
        assert it.id not in seen, it.id
        seen.add(it.id)
        assert 1 <= it.summary.count(". ") + 1 <= 3, it.id
    for source, name, title in SOURCE_FILES:
        listed = [it for it in items if it.source == source and not it.md]
        if listed:
            write(folder / "evidence" / name, items_file(f"{title}: {partnership}.", listed))
    for it in items:
        if it.md:
            write(folder / "evidence" / "notes" / it.md, markdown_item(it))
    assert {it.source for it in items} <= {s for s, _, _ in SOURCE_FILES}


# -- record reading and surveys -----------------------------------------------------------------


def exact_counts(n: int, weights: Sequence[tuple[str, float]]) -> list[tuple[str, int]]:
    """Split n in proportion to the weights, by largest remainder (ties: earlier first)."""
    total = sum(w for _, w in weights)
    raw = [n * w / total for _, w in weights]
    base = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[: n - sum(base)]:
        base[i] += 1
    return [(answer, count) for (answer, _), count in zip(weights, base, strict=True)]


def pick(rng: random.Random, pool: Sequence[int], k: int) -> list[int]:
    """k members of pool, chosen at random (only random() is used, so runs are stable)."""
    keyed = sorted(pool, key=lambda _i: rng.random())
    return sorted(keyed[:k])


def spread(
    rng: random.Random,
    latent: Sequence[float],
    who: Sequence[int],
    dist: Sequence[tuple[str, float]],
    rho: float,
) -> dict[int, str]:
    """Give each of ``who`` an answer: exact counts, best answers to the best-going cases."""
    ranked = sorted(who, key=lambda i: -(rho * latent[i] + (1 - rho) * rng.random()))
    out: dict[int, str] = {}
    pos = 0
    for answer, count in exact_counts(len(who), dist):
        for i in ranked[pos : pos + count]:
            out[i] = answer
        pos += count
    return out


@dataclass(frozen=True)
class Question:
    """How a record-reading question was answered across the sample.

    ``dist`` lists answers best first with their share among the records it applies to;
    ``applies`` names the kinds of record it applies to (n/a for the others) or is None for
    all; ``na`` and ``blank`` are further records answered n/a or left blank.
    """

    id: str
    dist: tuple[tuple[str, float], ...]
    applies: tuple[str, ...] | None = None
    na: int = 0
    blank: int = 0
    rho: float = 0.7


def scale(*shares: float) -> tuple[tuple[str, float], ...]:
    """Shares of the scale points 6 down to 1."""
    return tuple((str(6 - i), s) for i, s in enumerate(shares))


def yes_no(yes: float, partly: float, no: float) -> tuple[tuple[str, float], ...]:
    return tuple((a, s) for a, s in (("yes", yes), ("partly", partly), ("no", no)) if s)


def read_records(
    rng: random.Random, kinds: Sequence[str], questions: Sequence[Question]
) -> list[dict[str, str]]:
    """One answer per question for each record (kinds[i] is the kind of record i)."""
    n = len(kinds)
    latent = [rng.random() for _ in range(n)]
    rows: list[dict[str, str]] = [{} for _ in range(n)]
    for q in questions:
        who = [i for i in range(n) if q.applies is None or kinds[i] in q.applies]
        for i in set(range(n)) - set(who):
            rows[i][q.id] = "n/a"
        skipped = pick(rng, who, q.na + q.blank)
        for k, i in enumerate(skipped):
            rows[i][q.id] = "n/a" if k < q.na else ""
        answered = [i for i in who if i not in skipped]
        for i, answer in spread(rng, latent, answered, q.dist, q.rho).items():
            rows[i][q.id] = answer
    return rows


def records_csv(
    first: int, rows: Sequence[dict[str, str]], questions: Sequence[Question], style: str = "lower"
) -> str:
    """records/*.csv text. ``style`` mimics the reader pair's spreadsheet: 'lower' or
    'title' (Yes, No, Partly, N/A as a spreadsheet capitalises them)."""
    out = io.StringIO()
    out.write(",".join(["record_id", *(q.id for q in questions)]) + "\n")
    for n, row in enumerate(rows):
        cells = [f"R-{first + n:03d}"]
        for q in questions:
            cell = row[q.id]
            if style == "title" and cell in ("yes", "no", "partly"):
                cell = cell.capitalize()
            elif style == "title" and cell == "n/a":
                cell = "N/A"
            cells.append(cell)
        out.write(",".join(cells) + "\n")
    return out.getvalue()


AGREEMENT = (
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
)
DONT_KNOW = "Don't know"


def survey_csv(
    rng: random.Random,
    prefix: str,
    n: int,
    questions: Sequence[tuple[str, tuple[float, ...]]],
    rho: float = 0.6,
) -> str:
    """surveys/<id>.csv text. Each question's shares are (strongly agree, agree, neither,
    disagree, strongly disagree, don't know, not answered), in per cent."""
    latent = [rng.random() for _ in range(n)]
    columns: list[dict[int, str]] = []
    for _qid, shares in questions:
        assert len(shares) == 7 and abs(sum(shares) - 100) < 1e-9, _qid
        counts = dict(
            exact_counts(
                n, [("answered", sum(shares[:5])), ("dk", shares[5]), ("blank", shares[6])]
            )
        )
        skipped = pick(rng, range(n), counts["dk"] + counts["blank"])
        answers = {i: DONT_KNOW if k < counts["dk"] else "" for k, i in enumerate(skipped)}
        answered = [i for i in range(n) if i not in answers]
        answers.update(
            spread(rng, latent, answered, list(zip(AGREEMENT, shares[:5], strict=True)), rho)
        )
        columns.append(answers)
    out = io.StringIO()
    out.write(",".join(["respondent_id", *(q for q, _ in questions)]) + "\n")
    for i in range(n):
        out.write(",".join([f"{prefix}-{i + 1:03d}", *(c[i] for c in columns)]) + "\n")
    return out.getvalue()


# -- manifest and evaluations -------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    indicator: str
    grade: int
    rationale: str
    decided: str
    moderated_by: list[str]
    independent: list[tuple[str, int]] = field(default_factory=list)


def evaluations_file(title: str, evaluations: Sequence[Evaluation]) -> str:
    lines = [f"# {title}", f"# {GENERATED}", ""]
    for n, ev in enumerate(evaluations):
        if n:
            lines.append("")
        lines.append(f"- indicator: {json.dumps(ev.indicator)}")
        lines.append(f"  grade: {ev.grade}")
        lines += folded("rationale", ev.rationale, 2)
        lines.append(f"  decided: {ev.decided}")
        lines.append(f"  moderated_by: {ids(ev.moderated_by)}")
        if ev.independent:
            lines.append("  independent:")
            lines += [
                f"    - {{evaluator: {who}, grade: {grade}}}" for who, grade in ev.independent
            ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Manifest:
    framework: str
    partnership: str
    title: str
    reference: str
    start: str
    end: str
    team: list[tuple[str, str, str]]
    report_date: str
    context: str


def manifest_file(m: Manifest) -> str:
    lines = [f"# {GENERATED}", f"framework: {m.framework}", f"partnership: {m.partnership}"]
    lines += text_field("title", m.title, 0)
    lines += [f"reference: {m.reference}", f"period: {{start: {m.start}, end: {m.end}}}", "team:"]
    lines += [
        f"  - {{name: {scalar(name)}, role: {role}, organisation: {scalar(org)}}}"
        for name, role, org in m.team
    ]
    lines += ["status: draft", f"report_date: {m.report_date}"]
    lines += folded("context", m.context, 0)
    return "\n".join(lines) + "\n"


TEAM = [
    ("Lead inspector", "lead", "Care Inspectorate"),
    ("Social work inspector", "social-work", "Care Inspectorate"),
    ("Health inspector", "health", "Healthcare Improvement Scotland"),
    ("Education inspector", "education", "Education Scotland"),
    ("Police inspector", "police", "HM Inspectorate of Constabulary in Scotland"),
    ("Young inspection volunteer", "volunteer", "Care Inspectorate"),
]


# =============================================================================================
# Glenbrae: children on compulsory supervision orders at home (cso-at-home)
#
# The picture the evidence gives:
#   2.1 good       most children safer and doing better, trusted workers; changes of worker
#                  in the south locality and waits for mental health help hold it back.
#   5.3 adequate   strong joint working and family support, but only the majority of plans
#                  are good or better, less than half are SMART, and risk assessment is a
#                  major area for improvement (keeping children safe).
#   5.4 very good  children's views recorded in almost all records; advocacy offered early;
#                  children and parents say they are listened to.
#   9.2 good       clear shared priority and investment; leaders cannot yet show outcomes,
#                  and the audit of risk assessment was not followed through.
# =============================================================================================

GLENBRAE_MANIFEST = Manifest(
    framework="cso-at-home@1.0.0",
    partnership="Glenbrae",
    title="Joint inspection of services for children subject to compulsory supervision "
    "orders living at home in Glenbrae",
    reference="CSO-2025-03",
    start="2025-09-29",
    end="2026-02-06",
    team=TEAM,
    report_date="2026-04-28",
    context="Glenbrae is a fictional partnership area made up for inspectkit's examples: a "
    "market town, a string of former mining villages and a large rural area in the "
    "glens to the north. Services are organised in two localities, north and south. "
    "At the start of the inspection 212 children were subject to a compulsory "
    "supervision order and living at home with at least one parent.",
)

GLENBRAE_RECORDS = (
    Question("chronology", scale(2, 14, 36, 30, 15, 3), blank=2),
    Question("risk-and-need-assessment", scale(1, 12, 41, 28, 15, 3)),
    Question("plan-quality", scale(3, 19, 40, 24, 12, 2)),
    Question("plan-smart", yes_no(46, 30, 24)),
    Question("child-views-recorded", yes_no(94, 5, 1)),
    Question("child-views-influenced-plan", yes_no(82, 12, 6)),
    Question("parents-involved-in-planning", yes_no(92, 6, 2)),
    Question("parents-supported", yes_no(76, 16, 8), na=2),
    Question(
        "key-worker-continuity",
        (("one worker", 58), ("two workers", 31), ("three or more workers", 11)),
    ),
    Question("legal-measures-appropriate", yes_no(90, 6, 4)),
    Question("order-reviewed-by-hearing", yes_no(97, 0, 3), na=6, rho=0.3),
    Question("safety-improved", scale(6, 26, 48, 14, 5, 1)),
    Question("wellbeing-improved", scale(5, 22, 49, 17, 6, 1)),
    Question("right-help-right-time", scale(4, 22, 46, 19, 8, 1)),
    Question("multi-agency-working", scale(8, 30, 42, 14, 5, 1)),
    Question("supervision-evident", yes_no(71, 0, 29), blank=3),
    Question("manager-oversight", yes_no(63, 0, 37)),
)

#             strongly agree, agree, neither, disagree, strongly disagree, don't know, blank
GLENBRAE_STAFF = (
    ("s01", (26, 54, 10, 5, 1, 3, 1)),
    ("s02", (22, 54, 13, 6, 1, 3, 1)),
    ("s03", (12, 44, 17, 19, 5, 2, 1)),
    ("s04", (12, 47, 20, 15, 3, 2, 1)),
    ("s05", (9, 43, 21, 19, 4, 3, 1)),
    ("s06", (30, 54, 9, 4, 1, 1, 1)),
    ("s07", (27, 55, 10, 5, 1, 1, 1)),
    ("s08", (24, 53, 12, 5, 1, 4, 1)),
    ("s09", (22, 47, 12, 12, 4, 2, 1)),
    ("s10", (15, 46, 17, 15, 3, 3, 1)),
    ("s11", (10, 44, 20, 15, 3, 7, 1)),
    ("s12", (9, 37, 19, 14, 5, 15, 1)),
    ("s13", (20, 52, 14, 9, 2, 2, 1)),
)
GLENBRAE_CHILDREN = (
    ("c01", (42, 42, 8, 3, 0, 3, 2)),
    ("c02", (30, 44, 14, 6, 0, 4, 2)),
    ("c03", (50, 36, 8, 3, 0, 1, 2)),
    ("c04", (25, 36, 12, 17, 5, 3, 2)),
    ("c05", (48, 42, 6, 2, 0, 0, 2)),
    ("c06", (34, 44, 11, 5, 0, 4, 2)),
    ("c07", (24, 44, 14, 8, 2, 6, 2)),
    ("c08", (36, 44, 10, 6, 0, 2, 2)),
    ("c09", (55, 36, 4, 2, 0, 1, 2)),
)
GLENBRAE_PARENTS = (
    ("p01", (30, 44, 12, 8, 2, 2, 2)),
    ("p02", (26, 46, 14, 8, 2, 2, 2)),
    ("p03", (24, 42, 14, 12, 4, 2, 2)),
    ("p04", (40, 46, 6, 4, 2, 0, 2)),
    ("p05", (36, 46, 8, 6, 2, 0, 2)),
    ("p06", (46, 42, 4, 4, 0, 2, 2)),
    ("p07", (20, 38, 14, 18, 6, 2, 2)),
    ("p08", (50, 40, 4, 2, 2, 0, 2)),
    ("p09", (20, 42, 16, 14, 4, 2, 2)),
)

GLENBRAE_ITEMS = [
    # -- staff focus groups (fieldwork weeks, January 2026) ---------------------------------
    Item(
        "FG-01",
        "focus-group",
        "2026-01-13",
        ["2.1"],
        ["LOE1"],
        ["relationships", "continuity-of-relationships"],
        "strength",
        "important",
        "Social workers and family support workers in the north locality knew the children "
        "they worked with well, and most had worked with the same children for more than a "
        "year. They gave convincing examples of relationships that had helped children to "
        "talk about what was happening at home.",
        quote="You can't help a child feel safe at home if they don't trust you first.",
        reference="Focus group 1: social work and family support staff, north locality",
    ),
    Item(
        "FG-02",
        "focus-group",
        "2026-01-13",
        ["2.1", "5.3"],
        ["LOE1"],
        ["continuity-of-relationships", "workforce-planning"],
        "area-for-improvement",
        "important",
        "Staff in the south locality told us that vacancies and the use of agency social "
        "workers had meant changes of worker for some children during the past year. They "
        "were concerned that a few children had had to retell their story several times.",
        quote="One boy has had four workers in eighteen months. He's stopped asking who's "
        "coming next.",
        reference="Focus group 2: social work staff, south locality",
    ),
    Item(
        "FG-03",
        "focus-group",
        "2026-01-14",
        ["5.3"],
        ["LOE2"],
        ["assessment-of-risk-and-need", "keeping-children-safe"],
        "area-for-improvement",
        "important",
        "Practitioners were confident in gathering information but less confident in "
        "analysing risk. Several told us that assessments were usually updated before a "
        "children's hearing rather than when a child's circumstances changed.",
        reference="Focus group 3: health visitors, school nurses and social workers",
    ),
    Item(
        "FG-04",
        "focus-group",
        "2026-01-14",
        ["5.3", "9.2"],
        ["LOE1", "LOE3"],
        ["multi-agency-working"],
        "strength",
        "important",
        "Staff from education, health and social work described team around the child "
        "meetings as well attended and purposeful. Information was shared promptly and staff "
        "knew whom to contact in other services.",
        reference="Focus group 4: guidance teachers, school nurses and family support staff",
    ),
    Item(
        "FG-05",
        "focus-group",
        "2026-01-15",
        ["5.4"],
        ["LOE2"],
        ["children-s-views", "children-s-rights"],
        "strength",
        "important",
        "Staff across services shared a commitment to hearing from children directly. They "
        "used creative tools with younger children and offered independent advocacy before "
        "every children's hearing.",
        quote="We don't write 'too young to give a view' any more. We find a way.",
        reference="Focus group 5: practitioners from all partner agencies",
    ),
    Item(
        "FG-06",
        "focus-group",
        "2026-01-15",
        ["9.2"],
        ["LOE3"],
        ["staff-support-and-training", "leadership-of-people"],
        "strength",
        "minor",
        "Most staff told us that their managers were approachable and that senior leaders "
        "had visited teams during the year to listen to their concerns about workload.",
        reference="Focus group 5: practitioners from all partner agencies",
    ),
    Item(
        "FG-07",
        "focus-group",
        "2026-01-16",
        ["9.2", "5.3"],
        ["LOE3"],
        ["staff-support-and-training", "quality-assurance-of-assessment-and-planning"],
        "area-for-improvement",
        "important",
        "Team leaders said that supervision was regular but was often taken up with workload "
        "and deadlines, leaving little time to reflect on risk. They knew that the planned "
        "audit of risk assessments had been postponed twice.",
        reference="Focus group 6: team leaders and senior practitioners",
    ),
    # -- meeting children and young people (November and December 2025) -------------------
    Item(
        "MC-01",
        "meeting-children",
        "2025-11-25",
        ["2.1"],
        ["LOE1"],
        ["relationships", "keeping-children-safe"],
        "strength",
        "important",
        "Most children we met told us that they trusted their worker and could talk to them "
        "about things that worried them. Several said their worker stuck by them when things "
        "were difficult.",
        quote="She sticks with you even when you're being a nightmare.",
        reference="Meetings with children and young people, north locality",
    ),
    Item(
        "MC-02",
        "meeting-children",
        "2025-11-27",
        ["2.1"],
        ["LOE1"],
        ["keeping-children-safe", "wellbeing-and-outcomes"],
        "strength",
        "important",
        "Children told us that home felt calmer and safer than before, and some said they "
        "were now going to school most days. A few older young people said they still "
        "worried about arguments at home.",
        reference="Meetings with children and young people, south locality",
    ),
    Item(
        "MC-03",
        "meeting-children",
        "2025-12-02",
        ["5.4"],
        ["LOE2"],
        ["children-s-views", "children-s-rights"],
        "strength",
        "major",
        "Almost all the children we met knew about their plan and said that someone had "
        "asked them what they wanted before their hearing. Young people who had used the "
        "advocacy service spoke highly of it.",
        quote="My advocate said what I wanted to say when I couldn't get the words out.",
        reference="Group discussion with young people aged 12 to 16",
    ),
    Item(
        "MC-04",
        "meeting-children",
        "2025-12-04",
        ["5.4", "2.1"],
        ["LOE2"],
        ["children-s-views", "children-s-rights"],
        "area-for-improvement",
        "minor",
        "A few younger children were not sure why adults met to talk about them. Two told us "
        "that nobody had explained to them afterwards what had been decided at their hearing.",
        reference="Meetings with children aged 8 to 11",
    ),
    Item(
        "MC-05",
        "meeting-children",
        "2025-12-04",
        ["2.1", "5.3"],
        ["LOE1"],
        ["continuity-of-relationships"],
        "area-for-improvement",
        "important",
        "Some children in the south locality had had several social workers and found it "
        "hard to keep getting to know someone new.",
        quote="You just get used to them and then they leave.",
    ),
    Item(
        "MC-06",
        "meeting-children",
        "2025-12-09",
        ["2.1"],
        ["LOE1"],
        ["effective-intervention", "wellbeing-and-outcomes"],
        "strength",
        "minor",
        "Young people described a youth work programme and a sports mentoring scheme that "
        "had helped them to build confidence and make friends.",
        reference="Visit to the youth work programme",
    ),
    Item(
        "MC-07",
        "meeting-children",
        "2025-12-11",
        ["5.4"],
        ["LOE2"],
        ["participation-and-engagement", "children-s-views"],
        "strength",
        "minor",
        "Members of the youth forum told us they had helped to rewrite the leaflet that "
        "explains children's hearings to children, and had seen their changes used.",
        reference="Meeting with the youth forum",
    ),
    # -- meeting parents (November and December 2025) ---------------------------------------
    Item(
        "MF-01",
        "meeting-families",
        "2025-11-26",
        ["2.1", "5.4"],
        ["LOE1", "LOE2"],
        ["relationships", "family-involvement"],
        "strength",
        "important",
        "Most parents we spoke with said that workers treated them with respect and were "
        "honest about what needed to change. Several said this was different from their "
        "earlier experience of services.",
        quote="She didn't sugar-coat it, but she never made me feel like a bad parent.",
        reference="Meetings with parents, north locality",
    ),
    Item(
        "MF-02",
        "meeting-families",
        "2025-11-28",
        ["5.4"],
        ["LOE2"],
        ["family-involvement", "planning-and-review"],
        "strength",
        "important",
        "Parents told us they were invited to meetings about their children's plans, "
        "received reports in advance and felt able to disagree. Parents who needed an "
        "interpreter said one was always provided.",
        reference="Meetings with parents, south locality",
    ),
    Item(
        "MF-03",
        "meeting-families",
        "2025-12-03",
        ["5.3"],
        ["LOE1"],
        ["family-support", "effective-intervention"],
        "strength",
        "important",
        "Parents valued the family support service, particularly practical help with "
        "routines, debt and housing, and said it had helped them to keep their children at "
        "home.",
        quote="They helped with the things that were actually stopping us coping.",
    ),
    Item(
        "MF-04",
        "meeting-families",
        "2025-12-03",
        ["5.3", "2.1"],
        ["LOE1"],
        ["family-support", "effective-intervention"],
        "area-for-improvement",
        "important",
        "A few parents told us they had waited several months for help with their own mental "
        "health or substance use, and that their children's progress had stalled while they "
        "waited.",
    ),
    Item(
        "MF-05",
        "meeting-families",
        "2025-12-10",
        ["5.4"],
        ["LOE2"],
        ["family-involvement", "appropriate-use-of-legal-measures"],
        "strength",
        "minor",
        "Most parents understood why their child was subject to a compulsory supervision "
        "order and what would need to happen for it to end.",
    ),
    Item(
        "MF-06",
        "meeting-families",
        "2025-12-10",
        ["9.2", "5.3"],
        ["LOE3"],
        ["multi-agency-working"],
        "area-for-improvement",
        "minor",
        "Some parents said they had to repeat the same information to different services and "
        "were not always clear who was leading their child's plan.",
    ),
    # -- professional discussions with leaders (late January 2026) ---------------------------
    Item(
        "PD-01",
        "professional-discussion",
        "2026-01-27",
        ["9.2"],
        ["LOE3"],
        ["collaborative-leadership", "strategic-planning"],
        "strength",
        "important",
        "Chief officers described a shared commitment to keeping children safely at home with "
        "their families. They could explain how this priority had shaped the children's "
        "services plan and recent investment in family support.",
        reference="Professional discussion 1: chief officers group",
    ),
    Item(
        "PD-02",
        "professional-discussion",
        "2026-01-27",
        ["9.2"],
        ["LOE3"],
        ["leaders-show-the-difference", "performance-and-quality-assurance"],
        "area-for-improvement",
        "important",
        "Leaders recognised that their performance information counted activity, such as the "
        "number of orders and reviews, rather than outcomes for children. They could not yet "
        "show the difference their decisions had made for children on supervision orders at "
        "home.",
        reference="Professional discussion 1: chief officers group",
    ),
    Item(
        "PD-03",
        "professional-discussion",
        "2026-01-28",
        ["9.2", "5.3"],
        ["LOE3"],
        ["quality-assurance-of-assessment-and-planning", "self-evaluation"],
        "area-for-improvement",
        "important",
        "Senior managers acknowledged that the 2024 case file audit had identified the "
        "quality of risk assessment as a concern. The improvement plan that followed had not "
        "been fully carried out because of staffing pressures.",
        reference="Professional discussion 2: senior managers from social work, health and "
        "education",
    ),
    Item(
        "PD-04",
        "professional-discussion",
        "2026-01-28",
        ["9.2"],
        ["LOE3"],
        ["workforce-planning", "staff-support-and-training"],
        "strength",
        "minor",
        "Leaders had taken steps to stabilise the workforce, including a trainee social "
        "worker scheme and a recruitment incentive for the south locality, and vacancy rates "
        "had begun to fall.",
        reference="Professional discussion 2: senior managers from social work, health and "
        "education",
    ),
    Item(
        "PD-05",
        "professional-discussion",
        "2026-01-29",
        ["5.4", "9.2"],
        ["LOE2", "LOE3"],
        ["participation-and-engagement", "vision-and-values"],
        "strength",
        "important",
        "Leaders gave clear examples of children's views shaping services, including changes "
        "to how reviews are held after feedback from the youth forum.",
        reference="Professional discussion 3: chief social work officer and heads of service",
        md="pd-05-children-shaping-reviews.md",
        detail="""\
Professional discussion 3, with the chief social work officer, the head of children's health
services and the head of inclusion (education).

- The youth forum reviewed how children's reviews are run in 2024. Changes since: reviews are
  held at school or at home if the young person prefers, the young person is invited to open
  the meeting, and a short letter written to the young person replaces the minute.
- Leaders showed us the "you said, we did" summary sent back to forum members.
- Asked how they know the change has made a difference: the advocacy service's feedback and
  attendance at reviews (up from about half to most young people aged 12 and over). There is
  no wider measure of outcomes yet.
- Follow-up: the advocacy service's feedback summary was received and read (see DOC-05).
""",
    ),
    # -- interviews (January 2026) -----------------------------------------------------------
    Item(
        "INT-01",
        "interview",
        "2026-01-19",
        ["5.4"],
        ["LOE2"],
        ["children-s-rights", "children-s-views"],
        "strength",
        "important",
        "The manager of the independent advocacy service told us that almost all children on "
        "supervision orders at home were offered advocacy, and that referrals came early, "
        "well before hearings.",
        reference="Interview: manager, independent advocacy service",
    ),
    Item(
        "INT-02",
        "interview",
        "2026-01-20",
        ["5.3"],
        ["LOE1"],
        ["appropriate-use-of-legal-measures"],
        "strength",
        "minor",
        "A children's reporter described social work reports as well prepared and said that "
        "orders were generally sought at the right time and reviewed when circumstances "
        "changed.",
        reference="Interview: children's reporter",
    ),
    Item(
        "INT-03",
        "interview",
        "2026-01-20",
        ["5.3"],
        ["LOE2"],
        ["assessment-of-risk-and-need", "keeping-children-safe"],
        "area-for-improvement",
        "important",
        "A team manager told us that the risk assessment framework introduced in 2023 was not "
        "used consistently. Practitioners had asked for more training in analysing risk where "
        "neglect builds up over time.",
        reference="Interview: team manager, south locality",
    ),
    Item(
        "INT-04",
        "interview",
        "2026-01-21",
        ["2.1"],
        ["LOE1"],
        ["wellbeing-and-outcomes", "effective-intervention"],
        "strength",
        "important",
        "A depute head teacher described how a joint plan with social work and the school "
        "nurse had improved attendance and settled behaviour for several children on orders "
        "at home.",
        reference="Interview: depute head teacher, secondary school",
    ),
    Item(
        "INT-05",
        "interview",
        "2026-01-22",
        ["2.1", "5.3"],
        ["LOE1"],
        ["wellbeing-and-outcomes", "effective-intervention"],
        "area-for-improvement",
        "important",
        "The lead for child and adolescent mental health services told us that children on "
        "supervision orders waited longer than the local target for a first appointment. An "
        "interim consultation service for practitioners had been introduced in 2025.",
        reference="Interview: service lead, child and adolescent mental health services",
    ),
    # -- observations (December 2025 and January 2026) ---------------------------------------
    Item(
        "OBS-01",
        "observation",
        "2025-12-03",
        ["5.4"],
        ["LOE2"],
        ["children-s-views", "family-involvement"],
        "strength",
        "important",
        "At a child's review the young person's views were read out in their own words, and "
        "the chair checked with the parent that they understood each decision.",
        reference="Observation: review of a child's plan",
    ),
    Item(
        "OBS-02",
        "observation",
        "2025-12-09",
        ["5.3", "9.2"],
        ["LOE1", "LOE3"],
        ["multi-agency-working", "planning-and-review"],
        "strength",
        "minor",
        "At a core group meeting health, education and social work staff shared up-to-date "
        "information clearly and agreed who would do what, and by when.",
        reference="Observation: core group meeting",
    ),
    Item(
        "OBS-03",
        "observation",
        "2025-12-10",
        ["5.3"],
        ["LOE2"],
        ["planning-and-review", "assessment-of-risk-and-need"],
        "area-for-improvement",
        "important",
        "At a second core group meeting the discussion centred on tasks completed rather than "
        "on whether the child's circumstances had improved. Risks identified in the last "
        "assessment were not revisited.",
        reference="Observation: core group meeting",
    ),
    Item(
        "OBS-04",
        "observation",
        "2025-12-16",
        ["5.4", "2.1"],
        ["LOE2"],
        ["children-s-rights", "children-s-views"],
        "strength",
        "important",
        "At a children's hearing we observed, the young person had met their advocacy worker "
        "beforehand, spoke for themselves for part of the hearing and was asked by the chair "
        "whether they understood each decision.",
        reference="Observation: children's hearing",
        md="obs-04-childrens-hearing.md",
        detail="""\
Observed with the agreement of the young person, their parent and the panel. These notes
are anonymised.

- The advocacy worker had met the young person twice before the hearing and helped them to
  prepare a short written statement.
- Panel members spoke to the young person first and used plain language throughout.
- The social work report had been shared in advance; the parent told us they had read it
  with their worker.
- At the end the chair checked that the young person understood the decision to continue
  the order and when it would next be reviewed.
- The young person's worker arranged to see them the next day to talk the decision through.
""",
    ),
    Item(
        "OBS-05",
        "observation",
        "2026-01-21",
        ["9.2"],
        ["LOE3"],
        ["collaborative-leadership", "performance-and-quality-assurance"],
        "context",
        "minor",
        "We observed a meeting of the chief officers group, which received a performance "
        "report on children subject to supervision orders and agreed to commission an "
        "analysis of their outcomes.",
        reference="Observation: chief officers group",
    ),
    # -- free-text survey comments (surveys closed in November and December 2025) ------------
    Item(
        "SC-01",
        "survey-comment",
        "2025-11-10",
        ["9.2"],
        ["LOE3"],
        ["staff-support-and-training", "staff-confidence-and-wellbeing"],
        "area-for-improvement",
        "important",
        "In comments to the staff survey a number of social workers described high caseloads "
        "and said that they did not always have time to reflect on their practice in "
        "supervision.",
        reference="Staff survey, free-text comments",
    ),
    Item(
        "SC-02",
        "survey-comment",
        "2025-11-10",
        ["2.1"],
        ["LOE1"],
        ["relationships", "wellbeing-and-outcomes"],
        "strength",
        "important",
        "Staff comments gave many examples of children whose lives had improved, including "
        "better school attendance, fewer missing episodes and closer relationships with "
        "their parents.",
        reference="Staff survey, free-text comments",
    ),
    Item(
        "SC-03",
        "survey-comment",
        "2025-11-10",
        ["5.3"],
        ["LOE2"],
        ["assessment-of-risk-and-need"],
        "area-for-improvement",
        "minor",
        "Several staff commented that the assessment template was long and repetitive and "
        "that the analysis of risk could be lost in it.",
        quote="The analysis gets lost in the detail.",
        reference="Staff survey, free-text comments",
    ),
    Item(
        "SC-04",
        "survey-comment",
        "2025-12-08",
        ["2.1", "5.4"],
        ["LOE1", "LOE2"],
        ["relationships", "children-s-views"],
        "strength",
        "important",
        "Comments in the children's survey were mostly positive about workers. Children wrote "
        "that workers listened, explained things and did not give up on them.",
        quote="They don't give up on you.",
        reference="Children and young people's survey, free-text comments",
    ),
    Item(
        "SC-05",
        "survey-comment",
        "2025-12-08",
        ["5.4"],
        ["LOE2"],
        ["family-involvement"],
        "area-for-improvement",
        "minor",
        "A few parents commented that meetings were arranged at times that were hard to "
        "manage around work or school, although most comments praised workers' honesty and "
        "kindness.",
        reference="Parents and carers' survey, free-text comments",
    ),
    Item(
        "SC-06",
        "survey-comment",
        "2025-12-08",
        ["5.3", "9.2"],
        ["LOE1", "LOE3"],
        ["multi-agency-working", "effective-intervention"],
        "area-for-improvement",
        "minor",
        "A few parents commented that help stopped suddenly when a worker left or when the "
        "order ended, and that they were not sure whom to contact afterwards.",
        reference="Parents and carers' survey, free-text comments",
    ),
    # -- documents (received October 2025) ---------------------------------------------------
    Item(
        "DOC-01",
        "document",
        "2025-10-06",
        ["9.2"],
        ["LOE3"],
        ["strategic-planning", "vision-and-values"],
        "strength",
        "important",
        "The children's services plan names keeping children safely at home with their "
        "families as one of its three priorities and sets out shared actions for partners.",
        reference="Glenbrae children's services plan 2023–2026",
    ),
    Item(
        "DOC-02",
        "document",
        "2025-10-06",
        ["5.3"],
        ["LOE2"],
        [
            "quality-assurance-of-assessment-and-planning",
            "assessment-of-risk-and-need",
            "keeping-children-safe",
        ],
        "area-for-improvement",
        "major",
        "The partnership's own audit of 40 case files in 2024 found that fewer than half of "
        "risk assessments had been updated after a significant event. The actions it "
        "recommended had not been completed by the time of our inspection.",
        reference="Multi-agency case file audit report (2024)",
    ),
    Item(
        "DOC-03",
        "document",
        "2025-10-08",
        ["2.1"],
        ["LOE1"],
        ["wellbeing-and-outcomes", "trends-in-performance"],
        "strength",
        "minor",
        "Attendance data supplied by the partnership showed improved school attendance over "
        "the past year for most children on supervision orders at home.",
        reference="Education attendance analysis: children on supervision orders at home",
    ),
    Item(
        "DOC-04",
        "document",
        "2025-10-08",
        ["9.2"],
        ["LOE3"],
        ["performance-and-quality-assurance", "leaders-show-the-difference"],
        "area-for-improvement",
        "important",
        "The quarterly performance report counts orders, reviews and visits but contains no "
        "measures of children's safety or wellbeing over time.",
        reference="Children's services performance report, quarter 1 2025/26",
    ),
    Item(
        "DOC-05",
        "document",
        "2025-10-13",
        ["5.4"],
        ["LOE2"],
        ["children-s-rights", "participation-and-engagement"],
        "strength",
        "important",
        "The children's rights action plan commits all services to offer independent advocacy "
        "at key decision points. Monitoring data showed uptake rising from 48% to 83% of "
        "children on orders over two years.",
        reference="Children's rights and participation action plan 2024–2026",
    ),
    Item(
        "DOC-06",
        "document",
        "2025-10-13",
        ["5.3"],
        ["LOE2"],
        ["planning-and-review", "quality-assurance-of-assessment-and-planning"],
        "context",
        "minor",
        "Multi-agency guidance on the child's plan was revised in 2025 with a template that "
        "requires SMART outcomes, but it had not been in use long enough to show an effect.",
        reference="Guidance on the child's plan (revised 2025)",
        md="doc-06-child-plan-guidance.md",
        detail="""\
Reviewed: the multi-agency guidance on the child's plan (revised 2025) and its new template.

- The template asks for each outcome to be specific, measurable and time-bound, with a lead
  person (by role) and a date for review.
- The guidance was introduced in mid-2025 with briefings for social work team leaders. Staff
  in health and education had not yet been briefed.
- Too few of the plans we read were written after the change to judge whether it has
  improved SMART planning.
""",
    ),
    # -- the position statement (received October 2025) -------------------------------------
    Item(
        "PS-01",
        "position-statement",
        "2025-10-03",
        ["2.1"],
        ["LOE1"],
        ["keeping-children-safe", "wellbeing-and-outcomes"],
        "context",
        "important",
        "The partnership evaluated the impact of its services on children as good, citing "
        "fewer re-referrals and improved school attendance.",
        reference="Glenbrae partnership position statement, section 2",
    ),
    Item(
        "PS-02",
        "position-statement",
        "2025-10-03",
        ["5.3"],
        ["LOE2"],
        ["assessment-of-risk-and-need", "self-evaluation"],
        "area-for-improvement",
        "important",
        "The position statement identified the quality of risk assessment and the "
        "consistency of SMART planning as priorities for improvement, which matched our "
        "findings.",
        reference="Glenbrae partnership position statement, section 3",
    ),
    Item(
        "PS-03",
        "position-statement",
        "2025-10-03",
        ["5.4"],
        ["LOE2"],
        ["children-s-views", "participation-and-engagement"],
        "strength",
        "important",
        "The position statement described the participation of children and families as a "
        "strength and supported this with evidence from the youth forum and the advocacy "
        "service.",
        reference="Glenbrae partnership position statement, section 3",
    ),
    Item(
        "PS-04",
        "position-statement",
        "2025-10-03",
        ["9.2"],
        ["LOE3"],
        ["self-evaluation", "leaders-show-the-difference"],
        "context",
        "minor",
        "The partnership acknowledged that it needed better data on outcomes to show the "
        "difference its services make for children at home on supervision orders.",
        reference="Glenbrae partnership position statement, section 4",
    ),
]

GLENBRAE_MODERATORS = ["lead", "social-work", "health", "education", "police"]
GLENBRAE_EVALUATIONS = [
    Evaluation(
        "2.1",
        4,
        "Most children were safer and their wellbeing had improved since their order was "
        "made, and most children we met trusted their worker. Help from schools, youth work "
        "and family support was well matched to children's needs. Changes of worker in the "
        "south locality and waits for mental health support meant that outcomes were not yet "
        "consistently as good as they could be.",
        "2026-02-04",
        GLENBRAE_MODERATORS,
    ),
    Evaluation(
        "5.3",
        3,
        "Services worked well together and parents valued practical family support, but only "
        "the majority of children's plans were good or better and less than half were SMART. "
        "The quality of risk assessment was a major area for improvement: assessments were "
        "often not updated after significant events, and the actions from the partnership's "
        "own audit had not been completed. The records and the surveys were more positive "
        "than what we heard and read about risk assessment; we weighed that conflict towards "
        "the quality of assessment, which matters most for safety. Strengths only just "
        "outweighed weaknesses.",
        "2026-02-04",
        GLENBRAE_MODERATORS,
        independent=[("lead", 3), ("health", 4), ("police", 3)],
    ),
    Evaluation(
        "5.4",
        5,
        "Children's views were recorded in their own words in almost all the records we "
        "read, and most children told us that adults listened and that their views made a "
        "difference. Independent advocacy was offered early and widely used, and parents "
        "said they were included and treated with respect. A few younger children did not "
        "understand the outcome of their hearing, which had little adverse impact overall.",
        "2026-02-04",
        GLENBRAE_MODERATORS,
    ),
    Evaluation(
        "9.2",
        4,
        "Leaders shared a clear commitment to keeping children safely at home and had "
        "invested in family support and in a more stable workforce. Joint working was well "
        "supported and staff found managers approachable. Leaders could not yet show, with "
        "data on outcomes, the difference their decisions made, and the quality assurance of "
        "risk assessment had not been sustained. The conflict between the positive staff "
        "survey and the weaknesses in the qualitative evidence was weighed in discussion: "
        "staff confidence in leaders was real, and the gaps were in evidence of impact.",
        "2026-02-05",
        GLENBRAE_MODERATORS,
    ),
]


# =============================================================================================
# Kinloch Mhor: children and young people in need of care and protection
# (care-and-protection-2018)
#
# A mixed picture:
#   1.1 adequate  fewer re-registrations and more children in family-based care locally, but
#                 no improvement for care leavers, late health assessments, thin trend data.
#   2.1 good      a prompt, well-coordinated response to concerns; most children safe and
#                 with an adult they trust; waits for recovery support and a few repeated
#                 moves hold it back.
#   2.2 adequate  honest relationships and some effective programmes, but only the majority
#                 of parents got the help they needed and early help has shrunk.
#   9   weak      the child protection committee leads well, but there is no shared vision
#                 or current plan, no joint self-evaluation, little quality assurance, and
#                 staff have low confidence in senior leaders.
# =============================================================================================

KINLOCH_MANIFEST = Manifest(
    framework="care-and-protection-2018@1.0.0",
    partnership="Kinloch Mhor",
    title="Joint inspection of services for children and young people in need of care and "
    "protection in Kinloch Mhor",
    reference="CP-2025-11",
    start="2025-10-20",
    end="2026-03-13",
    team=TEAM,
    report_date="2026-05-26",
    context="Kinloch Mhor is a fictional partnership area made up for inspectkit's examples: "
    "two mainland towns, a long coastline of small villages and three inhabited "
    "islands linked by ferry. At the start of the inspection 61 children were on the "
    "child protection register, 286 children and young people were looked after and "
    "143 young people were receiving aftercare.",
)

# Kinds of record in the sample, with how many of each were read.
KINLOCH_KINDS = (
    ("cp", 24),  # on the child protection register, living at home
    ("cp-measures", 6),  # on the register, compulsory measures considered
    ("lah", 12),  # looked after at home
    ("lah-cp", 6),  # looked after at home and on the register
    ("laa", 24),  # looked after away from home
    ("laa-older", 6),  # looked after away from home, aged 15 or over
    ("leaver", 12),  # care leaver receiving aftercare
    ("cin", 8),  # child protection concerns investigated, not registered
)
_REGISTER = ("cp", "cp-measures", "lah-cp")
_LOOKED_AFTER = ("lah", "lah-cp", "laa", "laa-older")
_AWAY = ("laa", "laa-older")
KINLOCH_RECORDS = (
    Question("chronology", scale(1, 10, 37, 32, 16, 4), blank=2),
    Question(
        "initial-response",
        scale(6, 30, 46, 12, 5, 1),
        applies=tuple(k for k, _ in KINLOCH_KINDS if k != "leaver"),
    ),
    Question("ird-timely", yes_no(88, 6, 6), applies=(*_REGISTER, "cin")),
    Question("risk-assessment", scale(2, 16, 43, 26, 11, 2)),
    Question("child-protection-plan", scale(3, 20, 43, 22, 10, 2), applies=_REGISTER),
    Question("looked-after-plan", scale(2, 16, 42, 26, 12, 2), applies=_LOOKED_AFTER),
    Question("pathway-plan", scale(0, 11, 39, 28, 17, 5), applies=("leaver", "laa-older")),
    Question("views-recorded", yes_no(72, 18, 10), blank=1),
    Question("family-involved", yes_no(70, 18, 12)),
    Question("family-supported", yes_no(58, 24, 18)),
    Question("permanence-without-drift", yes_no(55, 0, 45), applies=_AWAY),
    Question(
        "compulsory-measures-appropriate", yes_no(86, 7, 7), applies=("cp-measures", *_LOOKED_AFTER)
    ),
    Question("health-assessment", yes_no(64, 0, 36), applies=_LOOKED_AFTER),
    Question("placement-moves", (("no moves", 62), ("one move", 23), ("two or more moves", 15))),
    Question("safety-improved", scale(5, 25, 48, 15, 6, 1)),
    Question("wellbeing-improved", scale(3, 20, 47, 20, 9, 1)),
    Question("manager-oversight", yes_no(38, 0, 62)),
    Question("reflective-supervision", yes_no(42, 8, 50), blank=2),
)

#             strongly agree, agree, neither, disagree, strongly disagree, don't know, blank
KINLOCH_STAFF = (
    ("s01", (30, 53, 9, 5, 1, 1, 1)),
    ("s02", (14, 50, 17, 12, 3, 3, 1)),
    ("s03", (12, 48, 20, 13, 3, 3, 1)),
    ("s04", (8, 34, 22, 20, 6, 9, 1)),
    ("s05", (13, 48, 18, 15, 3, 2, 1)),
    ("s06", (16, 53, 17, 10, 2, 1, 1)),
    ("s07", (10, 44, 20, 19, 5, 1, 1)),
    ("s08", (20, 51, 14, 8, 2, 4, 1)),
    ("s09", (12, 45, 15, 18, 8, 1, 1)),
    ("s10", (7, 32, 22, 24, 8, 6, 1)),
    ("s11", (5, 28, 24, 24, 10, 8, 1)),
    ("s12", (6, 35, 24, 20, 8, 6, 1)),
)
KINLOCH_CHILDREN = (
    ("c01", (40, 42, 10, 5, 0, 1, 2)),
    ("c02", (24, 44, 16, 8, 2, 4, 2)),
    ("c03", (46, 40, 6, 4, 2, 0, 2)),
    ("c04", (22, 42, 14, 14, 4, 2, 2)),
    ("c05", (30, 44, 12, 8, 2, 2, 2)),
    ("c06", (20, 40, 18, 12, 4, 4, 2)),
    ("c07", (30, 46, 10, 8, 2, 2, 2)),
    ("c08", (8, 16, 8, 10, 4, 2, 52)),  # for care leavers: most others left it blank
)
KINLOCH_PARENTS = (
    ("p01", (26, 44, 14, 10, 2, 2, 2)),
    ("p02", (20, 44, 16, 12, 4, 2, 2)),
    ("p03", (14, 36, 18, 20, 8, 2, 2)),
    ("p04", (16, 38, 18, 18, 6, 2, 2)),
    ("p05", (20, 34, 18, 16, 8, 2, 2)),
    ("p06", (18, 40, 16, 16, 6, 2, 2)),
    ("p07", (28, 46, 10, 10, 2, 2, 2)),
    ("p08", (12, 34, 22, 18, 8, 4, 2)),
)

KINLOCH_ITEMS = [
    # -- staff focus groups (fieldwork weeks, February 2026) --------------------------------
    Item(
        "FG-01",
        "focus-group",
        "2026-02-10",
        ["2.1"],
        ["KIQ1"],
        ["response-to-concerns", "keeping-children-safe"],
        "strength",
        "major",
        "Staff across social work, health, education and police were clear about what to do "
        "when they were worried about a child. They described interagency referral "
        "discussions as timely and well coordinated.",
        reference="Focus group 1: child protection practitioners, mainland",
    ),
    Item(
        "FG-02",
        "focus-group",
        "2026-02-10",
        ["2.1", "1.1"],
        ["KIQ2"],
        ["recovery-from-harm", "effective-intervention"],
        "area-for-improvement",
        "important",
        "Practitioners told us that children who had experienced abuse or neglect often "
        "waited many months for specialist therapeutic support. On the islands this support "
        "depended on a single visiting clinician.",
        reference="Focus group 2: practitioners from the islands",
    ),
    Item(
        "FG-03",
        "focus-group",
        "2026-02-11",
        ["2.2"],
        ["KIQ2"],
        ["family-support", "early-help"],
        "area-for-improvement",
        "important",
        "Staff said that the withdrawal of the family support service from two localities in "
        "2024 had left gaps, and that some parents now received help only once concerns had "
        "escalated.",
        quote="We used to get in early. Now we're mostly firefighting.",
        reference="Focus group 3: family support and early years staff",
    ),
    Item(
        "FG-04",
        "focus-group",
        "2026-02-12",
        ["9", "7.2"],
        ["KIQ5"],
        ["staff-supported-and-equipped", "leadership-of-people"],
        "area-for-improvement",
        "important",
        "Most social work staff felt supported by their immediate managers but told us that "
        "senior leaders were not visible. The reasons for recent changes to services had not "
        "been explained to them.",
        reference="Focus group 4: social workers and senior practitioners",
    ),
    Item(
        "FG-05",
        "focus-group",
        "2026-02-12",
        ["2.1"],
        ["KIQ3"],
        ["continuity-of-care-and-relationships", "relationships"],
        "strength",
        "important",
        "Residential and fostering staff described stable relationships with the children "
        "they cared for and gave examples of keeping in touch with young people after they "
        "had moved on.",
        reference="Focus group 5: residential care and fostering staff",
    ),
    Item(
        "FG-06",
        "focus-group",
        "2026-02-17",
        ["1.1", "2.1"],
        ["KIQ4"],
        ["transition-to-adulthood"],
        "area-for-improvement",
        "important",
        "Throughcare staff said that a shortage of suitable housing meant that some care "
        "leavers moved into temporary accommodation. Young people from the islands had to "
        "move to the mainland to continue in education or training.",
        reference="Focus group 6: throughcare and aftercare staff",
    ),
    Item(
        "FG-07",
        "focus-group",
        "2026-02-18",
        ["9"],
        ["KIQ5"],
        ["assessment-and-planning-with-quality-assurance", "staff-supported-and-equipped"],
        "area-for-improvement",
        "important",
        "Team leaders told us that case file audit had stopped during the restructure of "
        "services and that reflective supervision had, in practice, given way to managing "
        "workloads.",
        reference="Focus group 7: team leaders from all partner agencies",
    ),
    # -- meeting children and young people (January and February 2026) ---------------------
    Item(
        "MC-01",
        "meeting-children",
        "2026-01-13",
        ["2.1"],
        ["KIQ1", "KIQ3"],
        ["keeping-children-safe", "relationships"],
        "strength",
        "important",
        "Most children and young people we met told us they felt safe where they lived and "
        "that there was an adult they trusted and could talk to.",
        quote="If something's wrong I'd tell my carer. She'd sort it.",
        reference="Meetings with children and young people, mainland",
    ),
    Item(
        "MC-02",
        "meeting-children",
        "2026-01-15",
        ["2.1"],
        ["KIQ3"],
        ["continuity-of-care-and-relationships"],
        "area-for-improvement",
        "important",
        "A few young people had moved placement several times and told us that each move had "
        "meant a new school and losing friends.",
        reference="Meetings with young people looked after away from home",
    ),
    Item(
        "MC-03",
        "meeting-children",
        "2026-01-20",
        ["2.1", "2.2"],
        ["KIQ3"],
        ["continuity-of-care-and-relationships", "family-support"],
        "area-for-improvement",
        "minor",
        "Some children living away from home said they did not see their brothers and "
        "sisters as often as they wanted, and that contact arrangements had been changed "
        "without anyone asking them.",
        reference="Meetings with young people looked after away from home",
    ),
    Item(
        "MC-04",
        "meeting-children",
        "2026-01-22",
        ["2.1"],
        ["KIQ3"],
        ["children-s-understanding-and-involvement", "children-s-views"],
        "strength",
        "important",
        "Most young people said that their social worker explained decisions to them and "
        "that they had been asked for their views before their looked-after reviews.",
        reference="Meetings with children and young people, islands",
    ),
    Item(
        "MC-05",
        "meeting-children",
        "2026-01-27",
        ["1.1", "2.1"],
        ["KIQ4"],
        ["transition-to-adulthood"],
        "area-for-improvement",
        "important",
        "Care leavers valued their throughcare workers but felt unprepared for managing "
        "money and a tenancy. Two had lost a tenancy within months of moving in.",
        quote="They gave me the keys and that was kind of it.",
        reference="Group discussion with care leavers",
    ),
    Item(
        "MC-06",
        "meeting-children",
        "2026-02-03",
        ["2.1"],
        ["KIQ2"],
        ["recovery-from-harm", "wellbeing-and-outcomes"],
        "strength",
        "important",
        "Young people who had received help from the trauma recovery service said it had "
        "helped them to sleep, to go back to school and to feel more like themselves again.",
        quote="I feel normal again. Most days anyway.",
        reference="Meetings with young people, trauma recovery service",
    ),
    Item(
        "MC-07",
        "meeting-children",
        "2026-02-05",
        ["2.1", "9"],
        ["KIQ3", "KIQ5"],
        ["participation-and-engagement", "children-s-rights"],
        "strength",
        "minor",
        "Members of the care-experienced young people's council told us they had met elected "
        "members and that their campaign had led to free bus travel for care-experienced "
        "young people.",
        reference="Meeting with the care-experienced young people's council",
    ),
    # -- meeting parents and carers (January and February 2026) -----------------------------
    Item(
        "MF-01",
        "meeting-families",
        "2026-01-14",
        ["2.2"],
        ["KIQ2"],
        ["relationships", "family-involvement"],
        "strength",
        "important",
        "Most parents we met said that their social worker was honest with them and that "
        "they knew what needed to change for their child to be safe.",
        reference="Meetings with parents, mainland",
    ),
    Item(
        "MF-02",
        "meeting-families",
        "2026-01-16",
        ["2.2"],
        ["KIQ2"],
        ["family-support", "early-help"],
        "area-for-improvement",
        "important",
        "Several parents said they had asked for help long before services became involved "
        "and that support came only after a crisis.",
        quote="I phoned three times asking for help. Nobody came till the police did.",
        reference="Meetings with parents, mainland",
    ),
    Item(
        "MF-03",
        "meeting-families",
        "2026-01-21",
        ["2.2", "2.1"],
        ["KIQ2"],
        ["family-support", "effective-intervention"],
        "strength",
        "important",
        "Parents who had taken part in the parenting programme or in family group decision "
        "making spoke warmly about them and described calmer routines and fewer arguments at "
        "home.",
        reference="Meeting with a parenting programme group",
    ),
    Item(
        "MF-04",
        "meeting-families",
        "2026-01-28",
        ["2.2"],
        ["KIQ3"],
        ["family-support", "continuity-of-care-and-relationships"],
        "area-for-improvement",
        "important",
        "Parents of children looked after away from home told us they had little support of "
        "their own after their child moved, and did not always know how they could work "
        "towards their child coming home.",
        reference="Meetings with parents of looked-after children",
    ),
    Item(
        "MF-05",
        "meeting-families",
        "2026-02-04",
        ["2.2"],
        ["KIQ2"],
        ["family-involvement"],
        "area-for-improvement",
        "minor",
        "Some parents living on the islands said that meetings were held on the mainland or "
        "by video call at short notice, which made it hard for them to take part.",
        reference="Meetings with parents, islands",
    ),
    Item(
        "MF-06",
        "meeting-families",
        "2026-02-05",
        ["2.1", "2.2"],
        ["KIQ3"],
        ["relationships", "family-support"],
        "strength",
        "minor",
        "Kinship carers we spoke with felt well supported by their link worker and valued "
        "the kinship carers' support group.",
        reference="Meeting with the kinship carers' support group",
    ),
    # -- professional discussions with leaders (late February 2026) --------------------------
    Item(
        "PD-01",
        "professional-discussion",
        "2026-02-24",
        ["9"],
        ["KIQ5"],
        ["collaborative-leadership", "vision-and-values"],
        "area-for-improvement",
        "major",
        "Chief officers acknowledged that partners had not agreed a shared vision or "
        "priorities for children in need of care and protection since services were "
        "restructured in 2024. The chief officers group had met only twice in the past year.",
        reference="Professional discussion 1: chief officers group",
    ),
    Item(
        "PD-02",
        "professional-discussion",
        "2026-02-24",
        ["9", "1.1"],
        ["KIQ5"],
        ["performance-and-quality-assurance", "trends-in-performance"],
        "area-for-improvement",
        "important",
        "Leaders could describe some improving trends, such as fewer re-registrations on the "
        "child protection register, but could not explain the reasons for them or show how "
        "their decisions had improved outcomes.",
        reference="Professional discussion 1: chief officers group",
    ),
    Item(
        "PD-03",
        "professional-discussion",
        "2026-02-25",
        ["9"],
        ["KIQ5"],
        ["collaborative-leadership", "response-to-concerns"],
        "strength",
        "important",
        "The child protection committee was well led and had a clear improvement plan. Its "
        "work on interagency referral discussions had made the response to concerns "
        "measurably more timely.",
        reference="Professional discussion 2: chair and members of the child protection committee",
    ),
    Item(
        "PD-04",
        "professional-discussion",
        "2026-02-25",
        ["9"],
        ["KIQ5"],
        ["collaborative-leadership", "self-evaluation"],
        "area-for-improvement",
        "important",
        "Leaders told us that corporate parenting responsibilities were well understood in "
        "social work and education but much less so in housing and other services. The "
        "corporate parenting plan had lapsed in 2024.",
        reference="Professional discussion 2: chair and members of the child protection committee",
    ),
    Item(
        "PD-05",
        "professional-discussion",
        "2026-02-26",
        ["9", "2.2"],
        ["KIQ5"],
        ["use-of-resources", "early-help"],
        "context",
        "important",
        "Leaders explained that budget reductions had closed the family support service in "
        "two localities. A review of the impact on families had been commissioned but had "
        "not yet reported.",
        reference="Professional discussion 3: chief officers group",
        md="pd-05-family-support-budget.md",
        detail="""\
Professional discussion 3, with the chief officers group: the chief executives of the
council and the health board, the local police commander and the chief social work officer.

- Budget reductions in 2024/25 closed the family support service in two of the four
  localities. Leaders said the savings had been needed to meet rising residential care costs.
- A review of the impact on families was commissioned from the third sector partnership in
  2025. It had not reported, and no interim information had been asked for.
- Chief officers agreed that early help had reduced and said that restoring it would be a
  priority of the next children's services plan. There was no timescale for that plan.
""",
    ),
    # -- interviews (February 2026) ----------------------------------------------------------
    Item(
        "INT-01",
        "interview",
        "2026-02-09",
        ["2.1"],
        ["KIQ1"],
        ["response-to-concerns", "keeping-children-safe"],
        "strength",
        "important",
        "A detective inspector in the public protection unit described joint investigative "
        "interviews being arranged quickly and good working relationships with social work "
        "and health colleagues.",
        reference="Interview: detective inspector, public protection unit",
    ),
    Item(
        "INT-02",
        "interview",
        "2026-02-11",
        ["1.1", "2.1"],
        ["KIQ3"],
        ["wellbeing-and-outcomes"],
        "area-for-improvement",
        "important",
        "The nurse for looked-after children told us that health assessments were often "
        "late for children placed outside the area, and that waits for dental treatment on "
        "the islands were long.",
        reference="Interview: nurse for looked-after children",
    ),
    Item(
        "INT-03",
        "interview",
        "2026-02-13",
        ["1.1"],
        ["KIQ3"],
        ["wellbeing-and-outcomes", "trends-in-performance"],
        "strength",
        "minor",
        "The virtual head teacher described better attendance and fewer exclusions among "
        "looked-after children over three years, although their attainment remained well "
        "below that of their peers.",
        reference="Interview: virtual head teacher for care-experienced children",
    ),
    Item(
        "INT-04",
        "interview",
        "2026-02-16",
        ["2.2"],
        ["KIQ2"],
        ["family-support", "commissioning"],
        "strength",
        "minor",
        "A third sector manager described a new peer mentoring project for parents affected "
        "by substance use, commissioned jointly by health and social work, which had received "
        "good early feedback.",
        reference="Interview: manager, third sector family service",
    ),
    Item(
        "INT-05",
        "interview",
        "2026-02-19",
        ["9"],
        ["KIQ5"],
        ["self-evaluation", "performance-and-quality-assurance"],
        "area-for-improvement",
        "important",
        "The chief social work officer told us that partners had not evaluated services for "
        "looked-after children and care leavers together, and that the position statement "
        "had been written mainly by social work.",
        reference="Interview: chief social work officer",
    ),
    # -- observations (February 2026) --------------------------------------------------------
    Item(
        "OBS-01",
        "observation",
        "2026-02-13",
        ["2.1"],
        ["KIQ1"],
        ["response-to-concerns"],
        "strength",
        "important",
        "In an interagency referral discussion we observed, police, health and social work "
        "shared information promptly, agreed immediate safety measures and recorded a clear "
        "rationale for their decisions.",
        reference="Observation: interagency referral discussion",
    ),
    Item(
        "OBS-02",
        "observation",
        "2026-02-16",
        ["2.1", "2.2"],
        ["KIQ2"],
        ["planning-and-review", "family-involvement"],
        "strength",
        "minor",
        "At a child protection case conference the chair made sure that the parents "
        "understood the concerns and the plan, and the child's views were presented by their "
        "advocacy worker.",
        reference="Observation: child protection case conference",
    ),
    Item(
        "OBS-03",
        "observation",
        "2026-02-19",
        ["2.2"],
        ["KIQ3"],
        ["family-involvement", "planning-and-review"],
        "area-for-improvement",
        "minor",
        "At a looked-after review the parent was not present, and there was no record of "
        "efforts to involve them or to tell them about the decisions afterwards.",
        reference="Observation: looked-after review",
    ),
    Item(
        "OBS-04",
        "observation",
        "2026-02-20",
        ["9"],
        ["KIQ5"],
        ["collaborative-leadership", "performance-and-quality-assurance"],
        "area-for-improvement",
        "important",
        "At the corporate parenting board we observed, few partners attended and the "
        "performance report was noted without discussion.",
        reference="Observation: corporate parenting board",
        md="obs-04-corporate-parenting-board.md",
        detail="""\
Observed with the agreement of the chair. These notes are anonymised.

- Present: the chair (an elected member), social work, education and the care-experienced
  young people's council. Apologies from health, housing and police; no deputies attended.
- The performance report (placement stability, school attendance, care leavers' destinations)
  was noted without questions. Nobody asked why care leavers' destinations had not improved.
- The young people's council raised housing for care leavers; the action was "to be taken
  back to housing", with no one from housing present and no date agreed.
- The board's terms of reference have not been reviewed since the corporate parenting plan
  lapsed.
""",
    ),
    Item(
        "OBS-05",
        "observation",
        "2026-02-23",
        ["1.1", "2.1"],
        ["KIQ4"],
        ["transition-to-adulthood"],
        "context",
        "minor",
        "We observed a pathway planning meeting in which the young person set the agenda. "
        "The plan was detailed but depended on housing that was not yet available.",
        reference="Observation: pathway planning meeting",
    ),
    # -- free-text survey comments (staff survey closed November 2025, others January 2026) --
    Item(
        "SC-01",
        "survey-comment",
        "2025-12-01",
        ["9"],
        ["KIQ5"],
        ["staff-supported-and-equipped", "leadership-of-people"],
        "area-for-improvement",
        "important",
        "Many comments in the staff survey described low morale after the restructure and "
        "uncertainty about who was accountable for decisions.",
        quote="Nobody above team leader level seems to know what we actually do.",
        reference="Staff survey, free-text comments",
    ),
    Item(
        "SC-02",
        "survey-comment",
        "2025-12-01",
        ["2.1"],
        ["KIQ1"],
        ["keeping-children-safe", "response-to-concerns"],
        "strength",
        "minor",
        "Staff comments expressed confidence in the response to child protection concerns "
        "and praised joint working with the police.",
        reference="Staff survey, free-text comments",
    ),
    Item(
        "SC-03",
        "survey-comment",
        "2026-02-02",
        ["2.2"],
        ["KIQ2"],
        ["family-support", "early-help"],
        "area-for-improvement",
        "important",
        "The comments most often made in the parents' survey asked for help earlier and "
        "closer to home.",
        reference="Parents and carers' survey, free-text comments",
    ),
    Item(
        "SC-04",
        "survey-comment",
        "2026-02-02",
        ["2.1"],
        ["KIQ3"],
        ["relationships", "children-s-views"],
        "strength",
        "minor",
        "Children's comments were mostly positive about their carers and workers. Several "
        "wrote that they wanted more say about seeing their families.",
        reference="Children and young people's survey, free-text comments",
    ),
    Item(
        "SC-05",
        "survey-comment",
        "2026-02-02",
        ["1.1"],
        ["KIQ4"],
        ["transition-to-adulthood"],
        "area-for-improvement",
        "minor",
        "A few comments from young people receiving aftercare said they did not know what "
        "help they were entitled to after the age of 21.",
        reference="Children and young people's survey, free-text comments",
    ),
    Item(
        "SC-06",
        "survey-comment",
        "2025-12-01",
        ["9", "7.2"],
        ["KIQ5"],
        ["workforce-development", "staff-supported-and-equipped"],
        "area-for-improvement",
        "minor",
        "Staff commented that multi-agency training had been reduced and that newly qualified "
        "staff relied on colleagues rather than on a planned induction.",
        reference="Staff survey, free-text comments",
    ),
    # -- documents (received October and November 2025) --------------------------------------
    Item(
        "DOC-01",
        "document",
        "2025-10-27",
        ["1.1"],
        ["KIQ2"],
        ["trends-in-performance", "keeping-children-safe"],
        "strength",
        "minor",
        "Child protection data showed the rate of re-registration within 18 months falling "
        "from 14% to 8% over three years.",
        reference="Child protection committee annual report 2024/25",
    ),
    Item(
        "DOC-02",
        "document",
        "2025-10-27",
        ["1.1"],
        ["KIQ4"],
        ["transition-to-adulthood", "trends-in-performance"],
        "area-for-improvement",
        "important",
        "The proportion of care leavers in education, employment or training nine months "
        "after leaving school had not improved in three years and remained well below the "
        "rate for all school leavers.",
        reference="Looked-after children and care leavers: performance summary 2024/25",
    ),
    Item(
        "DOC-03",
        "document",
        "2025-10-29",
        ["9"],
        ["KIQ5"],
        ["strategic-planning", "vision-and-values"],
        "area-for-improvement",
        "important",
        "The children's services plan had expired in 2024, and an interim statement of "
        "priorities had not been agreed by all partners.",
        reference="Integrated children's services plan 2021–2024 and draft interim priorities",
    ),
    Item(
        "DOC-04",
        "document",
        "2025-10-29",
        ["2.1"],
        ["KIQ1"],
        ["response-to-concerns", "policies-and-procedures"],
        "strength",
        "minor",
        "Interagency child protection procedures were revised in 2024 in line with national "
        "guidance and include clear local guidance on interagency referral discussions.",
        reference="Kinloch Mhor interagency child protection procedures (2024)",
    ),
    Item(
        "DOC-05",
        "document",
        "2025-11-03",
        ["9"],
        ["KIQ5"],
        ["performance-and-quality-assurance", "assessment-and-planning-with-quality-assurance"],
        "area-for-improvement",
        "important",
        "The last multi-agency case file audit took place in 2023, and its recommendations on "
        "the quality of chronologies and plans had not been followed up.",
        reference="Multi-agency case file audit report (2023)",
        md="doc-05-case-file-audit.md",
        detail="""\
Reviewed: the multi-agency case file audit report (2023) and the child protection committee
minutes since.

- The audit read 30 records and found chronologies weak in about half and plans that did
  not say what should change for the child in about a third.
- Its six recommendations were accepted by the child protection committee. Minutes show
  none reported as complete; two were marked "paused during the restructure".
- No audit of records of looked-after children or care leavers has been carried out.
- Our own record reading found much the same: less than half of chronologies were good or
  better.
""",
    ),
    Item(
        "DOC-06",
        "document",
        "2025-11-05",
        ["1.1", "2.1"],
        ["KIQ3"],
        ["continuity-of-care-and-relationships", "use-of-resources"],
        "strength",
        "minor",
        "Placement data showed more looked-after children living in family-based care within "
        "the area, and fewer placed outside Kinloch Mhor, than three years earlier.",
        reference="Looked-after children: placement report 2024/25",
    ),
    # -- the position statement (received October 2025) -------------------------------------
    Item(
        "PS-01",
        "position-statement",
        "2025-10-24",
        ["2.1"],
        ["KIQ1"],
        ["response-to-concerns"],
        "context",
        "minor",
        "The position statement described the response to child protection concerns as a "
        "strength, which our findings confirmed.",
        reference="Kinloch Mhor partnership position statement, section 1",
    ),
    Item(
        "PS-02",
        "position-statement",
        "2025-10-24",
        ["2.2"],
        ["KIQ2"],
        ["family-support"],
        "area-for-improvement",
        "important",
        "The partnership recognised that reductions in family support had made it harder for "
        "parents to get help early.",
        reference="Kinloch Mhor partnership position statement, section 2",
    ),
    Item(
        "PS-03",
        "position-statement",
        "2025-10-24",
        ["9"],
        ["KIQ5"],
        ["self-evaluation", "collaborative-leadership"],
        "area-for-improvement",
        "important",
        "The position statement evaluated leadership as good but gave little evidence for "
        "this. It did not reflect the gaps in strategic planning and quality assurance that "
        "we found.",
        reference="Kinloch Mhor partnership position statement, section 5",
    ),
    Item(
        "PS-04",
        "position-statement",
        "2025-10-24",
        ["1.1"],
        ["KIQ3"],
        ["trends-in-performance"],
        "context",
        "minor",
        "The position statement set out improving trends in school attendance and placement "
        "stability for looked-after children but few measures of outcomes for care leavers.",
        reference="Kinloch Mhor partnership position statement, section 3",
    ),
]

KINLOCH_MODERATORS = ["lead", "social-work", "health", "education", "police"]
KINLOCH_EVALUATIONS = [
    Evaluation(
        "1.1",
        3,
        "Some measures were improving, including fewer re-registrations on the child "
        "protection register and more looked-after children living in family-based care in "
        "the area. Outcomes for care leavers had not improved, health assessments for children "
        "placed outside the area were often late, and the partnership had little data to show "
        "trends. Records and surveys were more positive than the evidence on outcomes; we "
        "weighed that conflict towards the outcomes data, which is what this indicator "
        "measures. Strengths only just outweighed weaknesses.",
        "2026-03-11",
        KINLOCH_MODERATORS,
    ),
    Evaluation(
        "2.1",
        4,
        "The response to child protection concerns was prompt and well coordinated, and most "
        "children and young people we met felt safe and had an adult they trusted. Most "
        "children's safety had improved since services became involved. Waits for specialist "
        "recovery support and repeated placement moves for a few young people meant that "
        "outcomes were not yet consistently good.",
        "2026-03-11",
        KINLOCH_MODERATORS,
    ),
    Evaluation(
        "2.2",
        3,
        "Parents valued honest relationships with their workers, and those who took part in "
        "the parenting programme or family group decision making described real change. "
        "However, only the majority of parents received the help they needed, help at an "
        "early stage had reduced, and parents of children looked after away from home had "
        "little support of their own. The records read were more positive than what parents "
        "and staff told us; we weighed that conflict towards what families said.",
        "2026-03-11",
        KINLOCH_MODERATORS,
    ),
    Evaluation(
        "9",
        2,
        "The child protection committee gave effective leadership to the response to "
        "concerns. Beyond this, partners had not agreed a shared vision or priorities since "
        "2024, the children's services plan had lapsed, and there was no joint "
        "self-evaluation or regular quality assurance of practice. Leaders could not show how "
        "their decisions had improved outcomes, and staff had little confidence in senior "
        "leadership.",
        "2026-03-12",
        KINLOCH_MODERATORS,
        independent=[("lead", 2), ("health", 3), ("police", 2)],
    ),
]


# -- writing an example folder ------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    folder: str
    seed: int
    manifest: Manifest
    kinds: tuple[tuple[str, int], ...]
    records: tuple[Question, ...]
    reader_pairs: tuple[tuple[str, int, str], ...]  # file, records read, spreadsheet style
    surveys: tuple[tuple[str, str, int, tuple[tuple[str, tuple[float, ...]], ...]], ...]
    items: list[Item]
    evaluations: list[Evaluation]


EXAMPLES = (
    Example(
        GLENBRAE,
        20250929,
        GLENBRAE_MANIFEST,
        (("cso-at-home", 100),),
        GLENBRAE_RECORDS,
        (
            ("reader-pair-a.csv", 34, "lower"),
            ("reader-pair-b.csv", 33, "title"),
            ("reader-pair-c.csv", 33, "lower"),
        ),
        (
            ("staff", "ST", 306, GLENBRAE_STAFF),
            ("children", "CH", 36, GLENBRAE_CHILDREN),
            ("parents", "PA", 34, GLENBRAE_PARENTS),
        ),
        GLENBRAE_ITEMS,
        GLENBRAE_EVALUATIONS,
    ),
    Example(
        KINLOCH,
        20251020,
        KINLOCH_MANIFEST,
        KINLOCH_KINDS,
        KINLOCH_RECORDS,
        (
            ("reader-pair-a.csv", 33, "lower"),
            ("reader-pair-b.csv", 33, "lower"),
            ("reader-pair-c.csv", 32, "title"),
        ),
        (
            ("staff", "ST", 288, KINLOCH_STAFF),
            ("children", "CH", 38, KINLOCH_CHILDREN),
            ("parents", "PA", 31, KINLOCH_PARENTS),
        ),
        KINLOCH_ITEMS,
        KINLOCH_EVALUATIONS,
    ),
)


def write_example(out: Path, ex: Example) -> None:
    folder = out / ex.folder
    m = ex.manifest
    write(folder / "inspection.yaml", manifest_file(m))
    write_items(folder, m.partnership, ex.items)
    write(
        folder / "evaluations.yaml",
        evaluations_file(f"The team's moderated evaluations: {m.partnership}.", ex.evaluations),
    )
    rng = random.Random(ex.seed)
    kinds = [kind for kind, count in ex.kinds for _ in range(count)]
    kinds = [kinds[i] for i in sorted(range(len(kinds)), key=lambda _i: rng.random())]
    rows = read_records(rng, kinds, ex.records)
    assert len(rows) == sum(n for _, n, _ in ex.reader_pairs)
    first = 0
    for name, count, style in ex.reader_pairs:
        write(
            folder / "records" / name,
            records_csv(first + 1, rows[first : first + count], ex.records, style),
        )
        first += count
    for k, (survey, prefix, n, questions) in enumerate(ex.surveys, start=1):
        write(
            folder / "surveys" / f"{survey}.csv",
            survey_csv(random.Random(ex.seed + k), prefix, n, questions),
        )


def check_yaml(folder: Path) -> None:
    """Check that every YAML file (and Markdown front matter) written parses, if PyYAML is
    installed: a safety net for the hand-written text above."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - the check is optional
        return
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".yaml":
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        elif path.suffix == ".md":
            front = path.read_text(encoding="utf-8").split("---\n")[1]
            yaml.load(front, Loader=yaml.BaseLoader)


# =============================================================================================
# broken/: practice folders for cso-at-home, each with planted mistakes (see broken/README.md)
#
# Each case is a complete folder apart from its mistakes: the same manifest, five evidence
# items, 60 records read, a children's survey and four evaluations, so that nothing but the
# planted mistakes (and what they lead to) is reported.
# =============================================================================================

BROKEN_HEADER = (
    f"# A practice folder with planted mistakes: see examples/broken/README.md.\n# {GENERATED}\n"
)

BROKEN_MANIFEST = """\
framework: cso-at-home@1.0.0
partnership: Glenbrae
title: Practice folder with planted mistakes
period: {start: 2025-09-29, end: %s}
team:
  - {name: Lead inspector, role: lead}
  - {name: Health inspector, role: health}
  - {name: Police inspector, role: police}
status: draft
"""

BROKEN_ITEMS = """\
- id: MC-01
  source: meeting-children
  date: 2025-11-25
  indicators: ["2.1", "5.4"]
  lines_of_enquiry: [LOE1, LOE2]
  themes: [relationships, children-s-views]
  finding: strength
  summary: >-
    Most children we met trusted their worker and said that adults asked them what they
    wanted before their hearing.

- id: MF-01
  source: meeting-families
  date: 2025-11-26
  indicators: ["5.3", "9.2"]
  lines_of_enquiry: [LOE1, LOE3]
  themes: [family-support, multi-agency-working]
  finding: strength
  summary: >-
    Most parents said that services worked well together and that family support had helped
    them to keep their children at home.

- id: FG-01
  source: focus-group
  date: 2026-01-14
  indicators: ["5.3"]
  lines_of_enquiry: [LOE2]
  themes: [assessment-of-risk-and-need]
  finding: area-for-improvement
  summary: Practitioners were less confident in analysing risk than in gathering information.

- id: PD-01
  source: professional-discussion
  date: 2026-01-27
  indicators: ["9.2"]
  lines_of_enquiry: [LOE3]
  themes: [collaborative-leadership]
  finding: strength
  summary: Chief officers shared a clear commitment to keeping children safely at home.

- id: DOC-01
  source: document
  date: 2025-10-06
  indicators: ["9.2"]
  themes: [strategic-planning]
  finding: context
  summary: The children's services plan names keeping children safely at home as a priority.
"""

BROKEN_EVALUATIONS = """\
- indicator: "2.1"
  grade: 4
  rationale: >-
    Most children were safer and trusted their worker, but changes of worker held some back.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.3"
  grade: 3
  rationale: >-
    Joint working was strong, but risk assessments were often out of date.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.4"
  grade: 5
  rationale: >-
    Children's views were recorded in almost all records and advocacy was offered early.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "9.2"
  grade: 4
  rationale: >-
    Leaders shared clear priorities but could not yet show the difference they made.
  decided: 2026-02-04
  moderated_by: [lead, health, police]
"""


def baseline(folder: Path, *, manifest: bool = True, dated: bool = True) -> None:
    """The valid part every broken case shares."""
    if manifest:
        write(folder / "inspection.yaml", BROKEN_HEADER + BROKEN_MANIFEST % "2026-02-06")
    items = BROKEN_ITEMS if dated else re.sub(r"\n  date: [0-9-]+", "", BROKEN_ITEMS)
    write(folder / "evidence" / "items.yaml", BROKEN_HEADER + items)
    write(folder / "records" / "reader-pair-a.csv", baseline_records())
    write(
        folder / "surveys" / "children.csv",
        survey_csv(random.Random(7), "CH", 12, GLENBRAE_CHILDREN),
    )
    write(folder / "evaluations.yaml", BROKEN_HEADER + BROKEN_EVALUATIONS)


def baseline_records(questions: Sequence[Question] = GLENBRAE_RECORDS, n: int = 60) -> str:
    rows = read_records(random.Random(60), ["cso-at-home"] * n, questions)
    return records_csv(1, rows, questions)


RECORD_HEADER = ",".join(["record_id", *(q.id for q in GLENBRAE_RECORDS)])
STAFF_HEADER = "respondent_id,s01,s02,s03,s04,s05,s06,s07,s08,s09,s10,s11,s12,s13"

# -- reading-problems: files that cannot be read ------------------------------------------------

TAB_INDENTED = """\
- id: FG-02
  source: focus-group
  indicators: ["2.1"]
  finding: strength
  summary: Staff in the north locality knew the children they worked with well.

- id: FG-03
\tsource: focus-group
\tindicators: ["5.3"]
\tfinding: area-for-improvement
\tsummary: Assessments were usually updated only before a children's hearing.
"""

UNQUOTED_COLON = """\
- id: MF-02
  source: meeting-families
  indicators: ["5.4"]
  finding: strength
  summary: Parents told us: workers listened and explained what would happen next.
"""

DUPLICATE_KEY = """\
- id: INT-01
  source: interview
  indicators: ["5.4"]
  finding: strength
  summary: The advocacy manager said that almost all children were offered advocacy.
  reference: Interview with the manager of the advocacy service
  summary: Referrals to advocacy came early, well before hearings.
"""

COMMENTS_ONLY = """\
# Observations: to be added after the core group meetings next week.
"""

TWO_DOCUMENTS = """\
- id: DOC-02
  source: document
  indicators: ["5.3"]
  finding: area-for-improvement
  summary: The 2024 case file audit found risk assessments often out of date.
---
- id: DOC-03
  source: document
  indicators: ["2.1"]
  finding: strength
  summary: School attendance had improved for most children on orders at home.
"""

PYTHON_TAG = """\
# Exported from the team's note-taking script with yaml.dump().
- !!python/object:__main__.EvidenceItem
  id: OBS-02
  source: observation
  indicators: ["5.3"]
  finding: strength
  summary: At a core group meeting staff agreed who would do what, and by when.
"""

COMPLEX_KEY = """\
- id: INT-03
  source: interview
  [2.1, 5.3]: indicators
  finding: strength
  summary: A depute head teacher described a joint plan that had improved attendance.
"""

ALIAS_LOOP = """\
- id: INT-04
  source: interview
  indicators: ["2.1"]
  themes: &themes [relationships, *themes]
  finding: strength
  summary: A school nurse described trusting relationships with the children she saw.
"""

NO_FRONT_MATTER = """\
# Home visit with a family support worker

Observed with the family's agreement. The worker helped the parent plan the week's meals
and school runs, and checked how the new bedtime routine was going.
"""

SURVEY_COMMENT_SUMMARIES = (
    "Caseloads are too high to reflect on practice in supervision.",
    "Supervision is mostly about deadlines.",
    "My manager makes time to talk through difficult cases.",
    "Training on assessing risk was cancelled twice.",
    "Group supervision has helped our team.",
    "Supervision is regular and useful.",
    "Cover for absence makes supervision hard to keep to.",
    "Newer staff need more time with their supervisor.",
    "The reflective practice sessions are valued.",
    "Supervision notes are rarely written up.",
    "Peer support in the team is good.",
    "Agency staff do not always get supervision.",
    "I have had three supervisors this year.",
    "Supervision helps me manage the emotional side of the work.",
    "The new supervision policy has not been explained.",
    "Health staff get clinical supervision; social work staff want the same.",
    "Supervision has improved since the new team leader started.",
)


ALIAS_BOMB = (
    "\n".join(
        [
            "# An attack on YAML readers ('billion laughs'): each list holds nine of the one before,",
            "# so nine levels stand for 387 million values. inspectkit stops at once (IK009).",
            'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        ]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    )
    + "\n"
)


def many_aliases() -> str:
    """An evidence file that reuses anchors many times: allowed, since nothing multiplies."""
    lines = [
        "# Staff survey comments. Anchors save typing the same lists again.",
        "- id: SC-01",
        "  source: survey-comment",
        '  indicators: &ind ["9.2"]',
        "  lines_of_enquiry: &loe [LOE3]",
        "  themes: &th [staff-support-and-training]",
        "  finding: context",
        f"  summary: {SURVEY_COMMENT_SUMMARIES[0]}",
    ]
    for n, summary in enumerate(SURVEY_COMMENT_SUMMARIES[1:], start=2):
        lines += [
            f"- id: SC-{n:02d}",
            "  source: survey-comment",
            "  indicators: *ind",
            "  lines_of_enquiry: *loe",
            "  themes: *th",
            "  finding: context",
            f"  summary: {summary}",
        ]
    lines += [
        "- id: SC-18",
        "  source: survey-comment",
        "  indicators: *ind",
        "  lines_of_enquiry: *loe",
        "  themes: *th",
        "  finding: context",
        "  summary: Staff would like more joint training.",
    ]  # the 51st alias
    return "\n".join(lines) + "\n"


UNCLOSED_QUOTE = (
    RECORD_HEADER
    + """
R-061,4,4,5,yes,yes,yes,yes,yes,one worker,yes,yes,4,4,5,5,yes,yes
R-062,3,2,3,partly,yes,no,yes,partly,two workers,yes,yes,3,4,3,4,no,no
R-063,4,3,4,yes,yes,yes,yes,yes,"three or more workers,yes,yes,4,5,4,4,yes,yes
R-064,5,4,4,yes,yes,yes,yes,yes,one worker,yes,n/a,5,4,4,5,yes,yes
R-065,3,3,3,no,yes,partly,yes,yes,two workers,yes,yes,4,3,3,4,yes,no
"""
)

STAFF_CP1252 = (
    STAFF_HEADER
    + """
ST-001,Agree,Agree,Disagree,Agree,Neither agree nor disagree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree
ST-002,Strongly agree,Agree,Agree,Agree,Agree,Strongly agree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree
ST-003,Agree,Agree,Neither agree nor disagree,Disagree,Disagree,Agree,Agree,Agree,Disagree,Neither agree nor disagree,Disagree,Don\u2019t know,Agree
ST-004,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree
"""
)


def xlsx_bytes() -> bytes:
    """A small spreadsheet in the .xlsx (zip) format, the same bytes on every run."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>record_id</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>chronology</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>R-066</t></is></c>'
        '<c r="B2"><v>4</v></c></row></sheetData></worksheet>'
    )
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Types xmlns="{ns}/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{ns}/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as book:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 11, 14, 10, 0, 0))
            info.create_system = 0
            info.external_attr = 0
            book.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def reading_problems(folder: Path) -> None:
    baseline(folder)
    ev = folder / "evidence"
    for name, text in (
        ("focus-groups.yaml", TAB_INDENTED),
        ("meetings-with-families.yaml", UNQUOTED_COLON),
        ("interviews.yaml", DUPLICATE_KEY),
        ("observations.yaml", COMMENTS_ONLY),
        ("documents.yaml", TWO_DOCUMENTS),
        ("exported-items.yaml", PYTHON_TAG),
        ("survey-comments.yaml", many_aliases()),
        ("alias-bomb.yaml", ALIAS_BOMB),
        ("alias-loop.yaml", ALIAS_LOOP),
        ("complex-key.yaml", COMPLEX_KEY),
    ):
        write(ev / name, BROKEN_HEADER + text)
    write(ev / "notes" / "obs-03-home-visit.md", NO_FRONT_MATTER)
    write(folder / "records" / "reader-pair-b.csv", UNCLOSED_QUOTE)
    # An old-format workbook is not read (.xlsx is); its bytes do not matter, only its name.
    write(folder / "records" / "reader-pair-c.xls", xlsx_bytes())
    write(folder / "records" / "reader-pair-c.csv", xlsx_bytes())
    # Mac Roman: its curly apostrophe (0xD5) would be "Õ" in Windows-1252, so it is refused.
    write(folder / "surveys" / "staff.csv", STAFF_CP1252.encode("mac_roman"))


# -- field-mistakes: fields, ids, dates and CSV cells -------------------------------------------

FIELD_MISTAKE_ITEMS = """\
- id: FG-02
  source: focus-group
  date: 2026-01-13
  indicators: ["2.1"]
  lines_of_inquiry: [LOE1]
  finding: strength
  summary: Staff in the north locality knew the children they worked with well.

- id: FG-03
  source: focus-group
  date: 2026-01-14
  indicators: ["5.3"]
  significance: important
  summary: Assessments were usually updated only before a children's hearing.

- id: FG-04
  source: focus-group
  date: 2026-02-30
  indicators: ["9.2"]
  finding: strength
  summary: Senior leaders had visited every team during the year.

- id: FG-05
  source: focus-group
  date: 2026-01-15
  indicators: ["5.4"]
  finding: area for improvement
  summary: A few staff did not know how to refer a child to the advocacy service.

- id: FG-06
  source: focus-group
  date: 2026-01-15
  indicators: ["5.4"]
  finding: strength
  summary: Staff offered independent advocacy before every children's hearing.

- id: FG-06
  source: focus-group
  date: 2026-01-16
  indicators: ["9.2"]
  finding: area-for-improvement
  summary: Supervision was often taken up with workload rather than reflection.

- id: FG-07
  source: focus-group
  date: 2025-01-16
  indicators: ["9.2"]
  finding: strength
  summary: Team leaders described regular supervision that helped them reflect on risk.
"""

FIELD_MISTAKE_RECORDS = (
    RECORD_HEADER
    + """
R-061,4,4,5,yes,yes,yes,yes,yes,one worker,yes,yes,4,4,5,5,yes,yes
R-062,3,2,3,partly,yes,no,yes,partly,two workers,yes,yes,3,4,3,4,no,no
R-012,4,3,4,yes,yes,yes,yes,yes,one worker,yes,yes,4,5,4,4,yes,yes
R-063,4,4,4,yes,yes,yes,yes,yes,one worker,yes,n/a,5,4,4,5,yes
R-064,5,4,4,y,yes,yes,yes,yes,1,yes,yes,7,4,4,4,yes,yes
,4,4,4,yes,yes,yes,yes,yes,two workers,yes,yes,4,4,4,4,yes,yes
R-065,3,3,3,no,yes,partly,yes,yes,two workers,yes,yes,4,3,3,4,yes,no
"""
)

FIELD_MISTAKE_STAFF = (
    STAFF_HEADER
    + """,
ST-001,Agree,Agree,Disagree,Agree,Neither agree nor disagree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,
ST-002,Strongly agree,Agree,Agree,Agree,Agree,Strongly agree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree,
ST-003,Agree,Agree,Neither agree nor disagree,Disagree,Disagree,Agree,Agree,Agree,Disagree,Neither agree nor disagree,Disagree,N/A,Agree,
ST-004,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,
ST-005,Agree,Strongly agree,Agree,Agree,Disagree,Agree,Agree,Don't know,Agree,Agree,Agree,Don't know,Agree,
ST-005,Agree,Strongly agree,Agree,Agree,Disagree,Agree,Agree,Don't know,Agree,Agree,Agree,Don't know,Agree,
ST-006,Disagree,Agree,Disagree,Neither agree nor disagree,Disagree,Agree,Agree,Agree,Strongly disagree,Disagree,Disagree,Disagree,Agree,
"""
)

FIELD_MISTAKE_EVALUATIONS = """\
- indicator: "2.1"
  grade: 4
  rationale: >-
    Most children were safer and trusted their worker, but changes of worker held some back.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.3"
  grade: 3
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.4"
  grade: 5
  rationale: >-
    Children's views were recorded in almost all records and advocacy was offered early.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "9.2"
  grade: 4
  rationale: >-
    Leaders shared clear priorities but could not yet show the difference they made.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.4"
  grade: very good
  rationale: Added again after the moderation meeting, by mistake.
  decided: 2026-02-05
"""


def field_mistakes(folder: Path) -> None:
    baseline(folder)
    write(folder / "evidence" / "focus-groups.yaml", BROKEN_HEADER + FIELD_MISTAKE_ITEMS)
    write(folder / "records" / "reader-pair-b.csv", FIELD_MISTAKE_RECORDS)
    write(folder / "surveys" / "staff.csv", FIELD_MISTAKE_STAFF)
    write(folder / "evaluations.yaml", BROKEN_HEADER + FIELD_MISTAKE_EVALUATIONS)


# -- reference-mistakes: ids the framework does not define --------------------------------------

REFERENCE_MISTAKE_ITEMS = """\
- id: MC-02
  source: meeting-children
  date: 2025-11-27
  indicators: ["2.7"]
  lines_of_enquiry: [LOE1]
  themes: [keeping-children-safe]
  finding: strength
  summary: Children told us that home felt calmer and safer than before.

- id: MC-03
  source: meeting-child
  date: 2025-12-02
  indicators: ["5.4"]
  lines_of_enquiry: [LOE2]
  themes: [children-s-views]
  finding: strength
  summary: Almost all the children we met knew about their plan.

- id: MC-04
  source: meeting-children
  date: 2025-12-04
  indicators: ["5.4"]
  lines_of_enquiry: [LOE4]
  themes: [children-s-rights]
  finding: area-for-improvement
  summary: A few younger children were not told what had been decided at their hearing.

- id: MC-05
  source: meeting-children
  date: 2025-12-04
  indicators: ["2.1"]
  lines_of_enquiry: [LOE1]
  themes: [childrens-views]
  finding: area-for-improvement
  summary: Some children had had several social workers and found it hard to start again.
"""

REFERENCE_MISTAKE_STAFF = (
    STAFF_HEADER
    + """,team
ST-001,Agree,Agree,Disagree,Agree,Neither agree nor disagree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,
ST-002,Strongly agree,Agree,Agree,Agree,Agree,Strongly agree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Agree,"Good team, but caseloads are high."
ST-003,Agree,Agree,Neither agree nor disagree,Disagree,Disagree,Agree,Agree,Agree,Disagree,Neither agree nor disagree,Disagree,Don't know,Agree,
ST-004,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,"Supervision is regular, and it helps."
"""
)

YOUNG_PEOPLE_SURVEY = """\
respondent_id,c01,c02,c03,c04,c05,c06,c07,c08,c09
YP-001,Strongly agree,Agree,Strongly agree,Agree,Agree,Agree,Agree,Agree,Strongly agree
YP-002,Agree,Agree,Agree,Disagree,Agree,Neither agree nor disagree,Don't know,Agree,Agree
YP-003,Agree,Neither agree nor disagree,Strongly agree,Agree,Strongly agree,Agree,Agree,Agree,Agree
"""

REFERENCE_MISTAKE_EVALUATIONS = """\
- indicator: "2.1"
  grade: 4
  rationale: >-
    Most children were safer and trusted their worker, but changes of worker held some back.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.3"
  grade: satisfactory
  rationale: >-
    Joint working was strong, but risk assessments were often out of date.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "5.4"
  grade: 5
  rationale: >-
    Children's views were recorded in almost all records and advocacy was offered early.
  decided: 2026-02-04
  moderated_by: [lead, health, police]

- indicator: "9.2"
  grade: 4
  rationale: >-
    Leaders shared clear priorities but could not yet show the difference they made.
  decided: 2026-02-04
  moderated_by: [lead, health, police]
  independent:
    - {evaluator: lead, grade: 4}
    - {evaluator: health, grade: 4.5}
    - {evaluator: police, grade: 4}

- indicator: "5.2"
  grade: 3
  rationale: >-
    Chronologies and risk assessments were too often out of date.
  decided: 2026-02-04
  moderated_by: [lead, health, police]
"""


def reference_mistakes(folder: Path) -> None:
    baseline(folder)
    write(
        folder / "evidence" / "meetings-with-children.yaml", BROKEN_HEADER + REFERENCE_MISTAKE_ITEMS
    )
    records = baseline_records().replace(",plan-quality,", ",plan-quailty,", 1)
    write(folder / "records" / "reader-pair-a.csv", records)
    write(folder / "surveys" / "staff.csv", REFERENCE_MISTAKE_STAFF)
    write(folder / "surveys" / "young-people.csv", YOUNG_PEOPLE_SURVEY)
    write(folder / "evaluations.yaml", BROKEN_HEADER + REFERENCE_MISTAKE_EVALUATIONS)


# -- thin-evidence: early in the inspection, before most evidence is in -------------------------

THIN_ITEMS = """\
- id: MC-01
  source: meeting-children
  date: 2025-11-25
  indicators: ["2.1"]
  lines_of_enquiry: [LOE1]
  themes: [relationships]
  finding: strength
  summary: Most children we met trusted their worker.

- id: MC-02
  source: meeting-children
  date: 2025-11-27
  indicators: ["2.1"]
  lines_of_enquiry: [LOE1]
  themes: [keeping-children-safe]
  finding: strength
  summary: Children told us that home felt calmer and safer than before.

- id: FG-01
  source: focus-group
  date: 2026-01-14
  indicators: ["5.3"]
  lines_of_enquiry: [LOE2]
  themes: [assessment-of-risk-and-need]
  finding: area-for-improvement
  summary: Practitioners were less confident in analysing risk than in gathering information.
"""

THIN_EVALUATIONS = """\
- indicator: "2.1"
  grade: 4
  rationale: >-
    An early view: the children we met so far were positive about their workers.
  decided: 2025-12-05
  moderated_by: [lead]
"""

# The reader pair's first day: only the planning questions.
THIN_QUESTIONS = (
    "chronology",
    "risk-and-need-assessment",
    "plan-quality",
    "plan-smart",
    "child-views-recorded",
    "parents-involved-in-planning",
)


def thin_evidence(folder: Path) -> None:
    write(folder / "inspection.yaml", BROKEN_HEADER + BROKEN_MANIFEST % "2026-02-06")
    write(folder / "evidence" / "items.yaml", BROKEN_HEADER + THIN_ITEMS)
    questions = [q for q in GLENBRAE_RECORDS if q.id in THIN_QUESTIONS]
    write(folder / "records" / "reader-pair-a.csv", baseline_records(questions, 24))
    write(folder / "evaluations.yaml", BROKEN_HEADER + THIN_EVALUATIONS)


# -- period-typo and no-manifest: the manifest ---------------------------------------------------


def period_typo(folder: Path) -> None:
    baseline(folder, dated=False)
    write(folder / "inspection.yaml", BROKEN_HEADER + BROKEN_MANIFEST % "2025-02-06")


def no_manifest(folder: Path) -> None:
    baseline(folder, manifest=False)
    write(folder / "inspection.yaml.txt", BROKEN_HEADER + BROKEN_MANIFEST % "2026-02-06")


BROKEN_CASES = {
    "field-mistakes": field_mistakes,
    "no-manifest": no_manifest,
    "period-typo": period_typo,
    "reading-problems": reading_problems,
    "reference-mistakes": reference_mistakes,
    "thin-evidence": thin_evidence,
}


# -- main -----------------------------------------------------------------------------------------


# -- paired record reading (contract 1.1) -----------------------------------------------------

PAIRED_MANIFEST = Manifest(
    **{
        **GLENBRAE_MANIFEST.__dict__,
        "title": GLENBRAE_MANIFEST.title + ", with records read in pairs",
        "reference": "CSO-2025-03-P",
    }
)
# Each pair is an inspector and a trained local reader, named by role and letter, never by name.
PAIRS = (("a", 34), ("b", 33), ("c", 33))


def _other_answer(q: Question, answer: str) -> str:
    """A second reader's different answer: one point lower on the scale, or the next option."""
    if answer.isdigit():
        return str(max(1, int(answer) - 1))
    options = [a for a, _ in q.dist]
    return options[(options.index(answer) + 1) % len(options)] if answer in options else answer


def paired_csv(first: int, rows: Sequence[dict[str, str]], questions: Sequence[Question], pair: str) -> str:
    """records/*.csv with a reader column: two readings per record and, where the readers
    disagreed and the team has met, a moderated row. Every seventh record has one
    disagreement; every second of those is moderated (to the inspector's answer)."""
    out = io.StringIO()
    out.write(",".join(["record_id", "reader", *(q.id for q in questions)]) + "\n")
    for n, row in enumerate(rows):
        record = f"R-{first + n:03d}"
        local = dict(row)
        disagree = (first + n) % 7 == 3
        if disagree:
            q = questions[(first + n) % len(questions)]
            if row[q.id] in ("", "n/a"):
                q = questions[0] if row[questions[0].id] not in ("", "n/a") else questions[1]
            local[q.id] = _other_answer(q, row[q.id])
        readings = [(f"inspector-{pair}", row), (f"local-reader-{pair}", local)]
        if disagree and (first + n) % 14 == 3:
            readings.append(("moderated", row))
        for reader, answers in readings:
            out.write(",".join([record, reader, *(answers[q.id] for q in questions)]) + "\n")
    return out.getvalue()


def write_paired(out: Path) -> None:
    """The Glenbrae example again, its records read in pairs."""
    ex = EXAMPLES[0]
    folder = out / PAIRED
    write_example(out, replace(ex, folder=PAIRED, manifest=PAIRED_MANIFEST))
    shutil.rmtree(folder / "records")
    rng = random.Random(ex.seed)
    kinds = [kind for kind, count in ex.kinds for _ in range(count)]
    kinds = [kinds[i] for i in sorted(range(len(kinds)), key=lambda _i: rng.random())]
    rows = read_records(rng, kinds, ex.records)
    first = 0
    for pair, count in PAIRS:
        write(
            folder / "records" / f"reader-pair-{pair}.csv",
            paired_csv(first + 1, rows[first : first + count], ex.records, pair),
        )
        first += count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        metavar="DIR",
        help="Where to write the folders (default: examples/).",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    targets = [out / ex.folder for ex in EXAMPLES] + [out / PAIRED]
    targets += [out / "broken" / case for case in BROKEN_CASES]
    for target in targets:  # only the folders this script writes; broken/README.md stays
        if target.exists():
            shutil.rmtree(target)
    for ex in EXAMPLES:
        write_example(out, ex)
        check_yaml(out / ex.folder)
    write_paired(out)
    check_yaml(out / PAIRED)
    for case, make in BROKEN_CASES.items():
        make(out / "broken" / case)
    for target in targets:
        print(f"wrote {target.as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

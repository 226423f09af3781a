"""Generate a national-scale set of valid evidence folders for benchmarking ``validate``.

Every id in the folders (evidence sources, indicators, lines of enquiry, themes, record-reading
questions, surveys and their answers, graded indicators) comes from the framework, read through
inspectkit itself, so the set stays valid when the framework changes. Partnership names are
invented; no folder holds a personal name. The same seed always gives the same bytes.

    python3 benchmarks/generate.py OUT_DIR [--folders 32] [--records 100] [--staff 300]
        [--children 30] [--parents 30] [--items 312] [--framework cso-at-home]
        [--frameworks-dir DIR] [--seed 1] [--check]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from inspectkit.framework.models import Framework, RecordQuestion
from inspectkit.framework.registry import Registry

try:  # libyaml's emitter where present: the set is written several times faster
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

# Invented, Scottish-sounding places; none is the name of a council area.
PLACES = (
    "Glenbrae",
    "Kinloch Mhor",
    "Strathmurran",
    "Inverallt",
    "Drumfennick",
    "Achnacairn",
    "Ardmorlich",
    "Carnbrechin",
    "Dalwhinnoch",
    "Eilean Dorcha",
    "Auchterbrae",
    "Lochgarvie",
    "Invermurdoch",
    "Strathbrannock",
    "Kilbrennan Firth",
    "Torrancraig",
    "Glenfarrow",
    "Benmorvie",
    "Craigentorr",
    "Dunmarrick",
    "Rossachan",
    "Portnahavie",
    "Tullochbeg",
    "Ballinreich",
    "Cairnfoyle",
    "Machrieside",
    "Lochanvale",
    "Kirkbrennan",
    "Skerravoe",
    "Garvellan Isles",
    "Fionnbrae",
    "Strathcoulter",
)
SUBJECTS = {
    "children": (
        "Children we met",
        "Several young people",
        "Most children who spoke with us",
        "A group of young people",
        "Older children in the group",
    ),
    "families": (
        "Parents and carers",
        "Some parents we met",
        "Most families we heard from",
        "Kinship carers",
    ),
    "staff": (
        "Social workers",
        "Staff in the focus group",
        "Health visitors",
        "Teachers and school staff",
        "Team leaders",
        "Practitioners across services",
    ),
    "leaders": ("Senior leaders", "The chief officers group", "Service managers"),
    "partners": ("Third sector partners", "Police and health partners", "Reporters"),
    "document": (
        "The children's services plan",
        "The partnership's self-evaluation",
        "A multi-agency audit",
        "The quality assurance framework",
        "Minutes of the child protection committee",
        "The annual performance report",
    ),
}
SAID = {  # what people told the team
    "strength": (
        "described stable, trusting relationships with a consistent worker",
        "said plans were clear and reviewed regularly",
        "said their views were listened to and acted on",
        "reported quick access to help when it was needed",
        "described support that continued for as long as it was needed",
    ),
    "area-for-improvement": (
        "said they did not always know why decisions were made",
        "reported delays in getting mental health support",
        "described frequent changes of worker",
        "said meetings were hard to follow and held at difficult times",
    ),
    "context": (
        "described recent changes to the structure of services",
        "explained how services are organised locally",
    ),
}
SHOWN = {  # what documents showed
    "strength": (
        "showed that children's views shaped decisions",
        "showed that partners shared information promptly",
        "set out clear, measurable outcomes for children",
    ),
    "area-for-improvement": (
        "showed chronologies were not consistently up to date",
        "showed that plans did not always set clear outcomes",
        "noted gaps in the oversight of supervision orders",
    ),
    "context": (
        "set out the partnership's shared priorities",
        "noted a rise in the number of children on supervision orders",
        "explained how the partnership measures progress",
    ),
}
QUOTES = (
    "My worker listens to me.",
    "I know who to call if things go wrong.",
    "Nobody told us what would happen next.",
    "We have had too many different workers.",
    "The meetings are better now that they ask what I think.",
    "It took months to get any help.",
)
DETAIL = (
    "The evidence was discussed at the team's moderation meeting.",
    "Examples were checked against the records read and the survey results.",
    "Partners agreed that this reflected practice across the area.",
    "Follow-up questions were put to service managers afterwards.",
    "The finding was consistent across the localities visited.",
)
ROLES = ("lead", "health", "police", "education", "social-work")
MD_SHARE = 0.08  # share of items written as Markdown files with front matter
RECORD_FILES = 3


def partnership_name(index: int) -> str:
    """The invented partnership name of folder ``index`` (0-based)."""
    base = PLACES[index % len(PLACES)]
    return base if index < len(PLACES) else f"{base} {index // len(PLACES) + 1}"


def slug(name: str) -> str:
    """A folder name: lower case, hyphens."""
    return "-".join(name.lower().split())


def dump_yaml(data: Any) -> str:
    """YAML as a person would write it: block style, short id lists in flow style."""
    return str(
        yaml.dump(
            data,
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=None,
            width=100,
        )
    )


class FolderWriter:
    """Writes one partnership's evidence folder from the framework's ids."""

    def __init__(
        self,
        fw: Framework,
        rng: random.Random,
        root: Path,
        name: str,
        args: argparse.Namespace,
        index: int,
    ) -> None:
        self.fw, self.rng, self.root, self.name, self.args = fw, rng, root, name, args
        self.index = index
        start = dt.date(2025, 8, 1) + dt.timedelta(days=rng.randrange(0, 180))
        self.start, self.end = start, start + dt.timedelta(days=rng.randrange(100, 150))
        self.graded = list(fw.graded) or [i.id for i in fw.indicators]
        self.sources = [s for s in fw.evidence_sources if s.kind in ("qualitative", "document")]
        self.counts = {"items": 0, "records": 0, "responses": 0, "files": 0}

    def write(self) -> dict[str, int]:
        """Write every file of the folder; return what was written."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._write("inspection.yaml", dump_yaml(self.manifest()))
        self.write_items()
        self.write_records()
        self.write_surveys()
        self._write("evaluations.yaml", dump_yaml(self.evaluations()))
        return self.counts

    def _write(self, rel: str, text: str, encoding: str = "utf-8") -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=encoding, newline="")
        self.counts["files"] += 1

    def day(self, earliest: int = 0) -> dt.date:
        """A date within the inspection period, at least ``earliest`` days from its end."""
        span = (self.end - self.start).days
        return self.start + dt.timedelta(days=self.rng.randrange(0, max(1, span - earliest)))

    def manifest(self) -> dict[str, Any]:
        """inspection.yaml: framework, partnership, period and the team's roles."""
        return {
            "framework": f"{self.fw.id}@{self.fw.version}",
            "partnership": self.name,
            "title": self.fw.title,
            "reference": f"BENCH-{self.args.seed}-{self.index + 1:02d}",
            "period": {"start": self.start, "end": self.end},
            "team": [
                {"name": f"{role.replace('-', ' ').capitalize()} inspector", "role": role}
                for role in ROLES[: self.rng.randrange(3, len(ROLES) + 1)]
            ],
            "status": self.rng.choice(("draft", "final")),
        }

    # Qualitative evidence -------------------------------------------------------------

    def item(self, number: int, prefix_counts: dict[str, int]) -> dict[str, Any]:
        """One evidence item: mostly about a graded indicator, from a qualitative source."""
        rng, fw = self.rng, self.fw
        source = rng.choice(self.sources)
        prefix = "".join(p[0] for p in source.id.split("-")).upper()
        prefix = prefix if len(prefix) > 1 else source.id[:3].upper()
        prefix_counts[prefix] = prefix_counts.get(prefix, 0) + 1
        primary = (
            self.graded[number % len(self.graded)]
            if rng.random() < 0.8
            else rng.choice(fw.indicators).id
        )
        indicators = [primary]
        if rng.random() < 0.3:
            extra = rng.choice(fw.indicators).id
            indicators += [extra] if extra != primary else []
        finding = rng.choices(("strength", "area-for-improvement", "context"), (5, 4, 1))[0]
        item: dict[str, Any] = {
            "id": f"{prefix}-{prefix_counts[prefix]:03d}",
            "source": source.id,
            "indicators": indicators,
        }
        item.update(self.references(primary))
        item["finding"] = finding
        if rng.random() < 0.4:
            item["significance"] = rng.choice(("major", "important", "minor"))
        if rng.random() < 0.7:
            item["date"] = self.day()
        group = (
            "document"
            if source.kind == "document"
            else rng.choice(source.voices)
            if source.voices
            else "staff"
        )
        subject = rng.choice(SUBJECTS[group])
        item["summary"] = self.summary(subject, source.kind, finding, item)
        if source.kind == "qualitative" and rng.random() < 0.25:
            item["quote"] = rng.choice(QUOTES)
        if source.kind == "document":
            name = subject.removeprefix("The ")
            item["reference"] = f"{name[0].upper()}{name[1:]}, page {rng.randrange(2, 60)}"
        return item

    def references(self, indicator: str) -> dict[str, list[str]]:
        """Lines of enquiry and themes, preferring those tied to ``indicator``."""
        rng, fw, out = self.rng, self.fw, {}
        lines = [x.id for x in fw.lines_of_enquiry if indicator in x.indicators] or [
            x.id for x in fw.lines_of_enquiry
        ]
        if lines and rng.random() < 0.6:
            out["lines_of_enquiry"] = rng.sample(lines, min(len(lines), rng.randrange(1, 3)))
        own = fw.indicator(indicator)
        themes = list(own.themes) if own and own.themes else [t.id for t in fw.themes]
        if themes and rng.random() < 0.5:
            out["themes"] = rng.sample(themes, min(len(themes), rng.randrange(1, 3)))
        return out

    def summary(self, subject: str, kind: str, finding: str, item: dict[str, Any]) -> str:
        """One or two anonymised sentences built from the phrase banks and theme titles."""
        rng = self.rng
        said = SHOWN if kind == "document" else SAID
        text = f"{subject} {rng.choice(said[finding])}"
        titles = {t.id: t.title for t in self.fw.themes}
        theme = next((titles[t] for t in item.get("themes", []) if t in titles), "")
        text += f", in relation to {theme[0].lower() + theme[1:]}." if theme else "."
        if rng.random() < 0.4:
            text += " " + rng.choice(DETAIL)
        return text

    def write_items(self) -> None:
        """evidence/<source>.yaml lists, and a share of items as evidence/<id>.md files."""
        by_file: dict[str, list[dict[str, Any]]] = {}
        prefix_counts: dict[str, int] = {}
        for number in range(self.args.items):
            item = self.item(number, prefix_counts)
            if self.rng.random() < MD_SHARE:
                detail = " ".join(self.rng.sample(DETAIL, 3))
                self._write(
                    f"evidence/{item['id'].lower()}.md", f"---\n{dump_yaml(item)}---\n{detail}\n"
                )
            else:
                by_file.setdefault(item["source"], []).append(item)
        for source, items in sorted(by_file.items()):
            self._write(f"evidence/{source}.yaml", dump_yaml(items))
        self.counts["items"] += self.args.items

    # Record reading and surveys ---------------------------------------------------------

    def answer(self, question: RecordQuestion, quality: float) -> str:
        """A cell for ``question``, better answers more likely for better-quality records."""
        rng = self.rng
        if rng.random() < 0.05:
            return rng.choice(("", "n/a", "N/A"))
        if question.answer == "scale":
            assert self.fw.scale is not None
            values = sorted(p.value for p in self.fw.scale.points)
            value = values[min(len(values) - 1, int(quality * len(values) + rng.random() * 2))]
            point = self.fw.scale_point(value)
            if point is not None and rng.random() < 0.1:
                return point.label if rng.random() < 0.5 else point.label.lower()
            return str(value)
        if question.answer == "yes-no":
            word = "yes" if rng.random() < quality else rng.choice(("no", "partly"))
            return word.capitalize() if rng.random() < 0.1 else word
        return rng.choice(question.options)

    def write_records(self) -> None:
        """records/reader-pair-N.csv: the records read, split over a few files."""
        if self.fw.record_reading is None or not self.args.records:
            return
        questions = self.fw.record_reading.questions
        rows = []
        for number in range(1, self.args.records + 1):
            quality = self.rng.random()
            rows.append([f"CR-{number:04d}", *(self.answer(q, quality) for q in questions)])
        header = ["record_id", *(q.id for q in questions)]
        share = -(-len(rows) // RECORD_FILES)
        for part in range(RECORD_FILES):
            chunk = rows[part * share : (part + 1) * share]
            if chunk:  # the first file as Excel saves 'CSV UTF-8': with a byte-order mark
                self._write(
                    f"records/reader-pair-{part + 1}.csv",
                    csv_text([header, *chunk]),
                    "utf-8-sig" if part == 0 else "utf-8",
                )
        self.counts["records"] += len(rows)

    def write_surveys(self) -> None:
        """surveys/<survey-id>.csv for each survey, sized by audience."""
        sizes = {
            "staff": self.args.staff,
            "children": self.args.children,
            "parents": self.args.parents,
        }
        scales = {a.id: a for a in self.fw.answer_scales}
        for survey in self.fw.surveys:
            scale, count = scales.get(survey.answer_scale), sizes[survey.audience]
            if scale is None or not count:
                continue
            aliases = list(scale.aliases)
            weights = [4 if o in scale.positive else 1 for o in scale.options]
            rows = [["respondent_id", *(q.id for q in survey.questions)]]
            prefix = survey.id[:3].upper()
            for number in range(1, count + 1):
                cells = []
                for _ in survey.questions:
                    roll = self.rng.random()
                    cells.append(
                        ""
                        if roll < 0.04
                        else self.rng.choice(aliases)
                        if aliases and roll < 0.06
                        else self.rng.choices(scale.options, weights)[0]
                    )
                rows.append([f"{prefix}-{number:04d}", *cells])
            self._write(f"surveys/{survey.id}.csv", csv_text(rows))
            self.counts["responses"] += count

    def evaluations(self) -> list[dict[str, Any]]:
        """evaluations.yaml: one moderated evaluation per graded indicator."""
        assert self.fw.scale is not None
        points = self.fw.scale.points
        out = []
        for indicator in self.fw.graded:
            point = self.rng.choice(points[:-1])
            entry: dict[str, Any] = {
                "indicator": indicator,
                "grade": point.label.lower() if self.rng.random() < 0.2 else point.value,
                "rationale": f"{self.rng.choice(SUBJECTS['children'])} "
                f"{self.rng.choice(SAID['strength'])}; however, "
                f"{self.rng.choice(SUBJECTS['document']).lower()} "
                f"{self.rng.choice(SHOWN['area-for-improvement'])}.",
                "decided": self.day(),
                "moderated_by": list(ROLES[:3]),
            }
            if self.rng.random() < 0.3:
                entry["independent"] = [
                    {"evaluator": role, "grade": self.rng.choice(points[:-1]).value}
                    for role in ROLES[:3]
                ]
            out.append(entry)
        return out


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """CSV text with Windows line endings, as spreadsheets export it."""
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def load(ref: str, dirs: Sequence[Path]) -> Framework:
    """The merged framework, through the library's registry."""
    return Registry(list(dirs)).load(ref).framework


def check(folders: Sequence[Path], dirs: Sequence[Path]) -> int:
    """Validate each folder with the library; print the problems, return the error count."""
    from inspectkit.diagnostics import Severity
    from inspectkit.validate import validate_path

    registry, counts = Registry(list(dirs)), dict.fromkeys(Severity, 0)
    for folder in folders:
        found = validate_path(folder, registry).diagnostics
        for d in found:
            counts[d.severity] += 1
        for d in found[:5]:
            print(
                f"  {d.file}:{d.line}:{d.column}: {d.severity.value}: {d.message} ({d.code})",
                file=sys.stderr,
            )
    print(
        f"checked {len(folders)} folders: "
        + ", ".join(f"{n} {s.value}s" for s, n in counts.items()),
        file=sys.stderr,
    )
    return counts[Severity.ERROR]


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, metavar="OUT_DIR")
    p.add_argument("--folders", type=int, default=32, help="Partnership folders (default 32).")
    p.add_argument("--records", type=int, default=100, help="Records read per folder.")
    p.add_argument("--staff", type=int, default=300, help="Staff survey responses per folder.")
    p.add_argument("--children", type=int, default=30, help="Children's survey responses.")
    p.add_argument("--parents", type=int, default=30, help="Parents' survey responses.")
    p.add_argument("--items", type=int, default=312, help="Evidence items per folder.")
    p.add_argument("--framework", default="cso-at-home", help="Framework id or id@version.")
    p.add_argument(
        "--frameworks-dir",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="A folder of framework files searched before the built-ins.",
    )
    p.add_argument("--seed", type=int, default=1, help="Random seed (same seed, same files).")
    p.add_argument(
        "--check",
        action="store_true",
        help="Validate every folder afterwards; exit 1 if any has an error.",
    )
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the set; write OUT_DIR/.generated.json describing it."""
    args = parse(argv)
    fw = load(args.framework, args.frameworks_dir)
    if not [s for s in fw.evidence_sources if s.kind in ("qualitative", "document")]:
        sys.exit(f"generate.py: {fw.ref} has no qualitative or document evidence source")
    totals = {"folders": 0, "items": 0, "records": 0, "responses": 0, "files": 0}
    folders = []
    for index in range(args.folders):
        name = partnership_name(index)
        root = args.out / slug(name)
        rng = random.Random(f"{args.seed}:{index}")
        for key, value in FolderWriter(fw, rng, root, name, args, index).write().items():
            totals[key] += value
        totals["folders"] += 1
        folders.append(root)
    meta = {
        "framework": fw.ref,
        "frameworks_dirs": [str(d.resolve()) for d in args.frameworks_dir],
        "seed": args.seed,
        "folders": [f.name for f in folders],
        "totals": totals,
    }
    (args.out / ".generated.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(
        f"wrote {totals['folders']} folders to {args.out} ({fw.ref}): {totals['items']} "
        f"evidence items, {totals['records']} records, {totals['responses']} survey responses, "
        f"{totals['files']} files",
        file=sys.stderr,
    )
    return 1 if args.check and check(folders, args.frameworks_dir) else 0


if __name__ == "__main__":
    sys.exit(main())

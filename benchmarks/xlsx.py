"""Time reading the national set's records and surveys as .xlsx against openpyxl's own read.

    python3 benchmarks/xlsx.py [--data DIR] [--repeat 3]

The CSV files of the national set (``run.py`` makes it) are written once as workbooks into
``benchmarks/out/national-xlsx/``. Then, each in a fresh subprocess, best of ``--repeat``:

1. floor: openpyxl in read-only mode loads every workbook and keeps every row's values;
2. inspectkit: ``load_records`` and ``load_survey`` over every folder, as ``validate`` does:
   the same read, then cells as text, headers matched, every answer checked.

Results are printed and written to ``benchmarks/out/xlsx-results.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

FLOOR = r"""
import sys
from pathlib import Path
from openpyxl import load_workbook
kept = []
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).glob("*/*.xlsx")):
        workbook = load_workbook(path, read_only=True, data_only=True)
        kept.append([row for row in workbook.worksheets[0].iter_rows(values_only=True)])
        workbook.close()
"""

INSPECTKIT = r"""
import sys
from pathlib import Path
from inspectkit.evidence.folder import load_manifest
from inspectkit.evidence.tables import load_records, load_survey
from inspectkit.framework.registry import Registry
registry = Registry([])
problems = []
for folder in map(Path, sys.argv[1:]):
    manifest, _ = load_manifest(folder / "inspection.yaml", problems)
    fw = registry.load(manifest.framework).framework
    load_records(sorted((folder / "records").glob("*.xlsx")), fw, problems)
    for path in sorted((folder / "surveys").glob("*.xlsx")):
        load_survey(path, fw, problems)
if problems:
    raise SystemExit(f"{len(problems)} problems, first: {problems[0]}")
"""


def convert(data: Path, target: Path) -> list[Path]:
    """Each folder's manifest, and its records and surveys as workbooks (written once)."""
    from openpyxl import Workbook

    folders = []
    for folder in sorted(p for p in data.iterdir() if (p / "inspection.yaml").is_file()):
        out = target / folder.name
        folders.append(out)
        if out.is_dir():
            continue
        out.mkdir(parents=True)
        shutil.copy(folder / "inspection.yaml", out / "inspection.yaml")
        for table in sorted([*folder.glob("records/*.csv"), *folder.glob("surveys/*.csv")]):
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Sheet1")
            with table.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.reader(handle):
                    sheet.append(row)
            (out / table.parent.name).mkdir(exist_ok=True)
            workbook.save(out / table.parent.name / f"{table.stem}.xlsx")
    return folders


def best(cmd: Sequence[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds, start-up included."""
    sys.path.insert(0, str(HERE))
    from run import measure

    times = []
    for _ in range(repeat):
        run, stderr = measure(cmd)
        if run.returncode:
            raise SystemExit(f"{cmd[2][:40]!r} exited {run.returncode}:\n{stderr[-2000:]}")
        times.append(run.seconds)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Convert when needed, time both, print and save the ratio."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=OUT / "national")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    if not args.data.is_dir():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.data)], check=True)
    folders = [str(f) for f in convert(args.data, OUT / "national-xlsx")]
    files = sum(1 for f in folders for _ in Path(f).glob("*/*.xlsx"))
    floor = best([sys.executable, "-c", FLOOR, *folders], args.repeat)
    ours = best([sys.executable, "-c", INSPECTKIT, *folders], args.repeat)
    print(f"{len(folders)} folders, {files} workbooks; best of {args.repeat} runs")
    print(f"floor (openpyxl read-only, values only)  {floor:7.3f} s  1.00")
    print(f"inspectkit (load_records, load_survey)   {ours:7.3f} s  {ours / floor:.2f}")
    results = {"floor_seconds": floor, "inspectkit_seconds": ours, "ratio": ours / floor}
    (OUT / "xlsx-results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time ``inspectkit report`` against ``inspectkit validate`` on one large folder, at two sizes.

    python3 benchmarks/report.py [--repeat 3] [--results FILE]

Two single-folder sets are generated with ``generate.py``: 4x and 16x one partnership of the
national set (records, survey responses and evidence items all scaled). On each, ``validate``
and ``report --format both`` run as fresh subprocesses, interleaved, best of ``--repeat``.

Targets (issue 11): the report on the 16x folder within 3x of validate on the same folder, and
the report linear in folder size: 16x costs about 4 times 4x (the ratio is printed). The exit
code is 0 whatever the ratios; non-zero only when something fails to run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from run import HERE, OUT, Run, RunFailure, measure  # type: ignore[import-not-found]

REPORT_TARGET = 3.0
BASE = {"records": 100, "staff": 300, "children": 30, "parents": 30, "items": 312}
SIZES = (4, 16)


def generate(size: int) -> Path:
    """One folder ``size`` times a national-set partnership (made once, then reused)."""
    data = OUT / f"report-{size}x"
    if not data.is_dir():
        cmd = [sys.executable, str(HERE / "generate.py"), str(data), "--folders", "1", "--check"]
        for key, value in BASE.items():
            cmd += [f"--{key}", str(value * size)]
        if subprocess.run(cmd, check=False).returncode:
            raise RunFailure(f"generate.py failed for the {size}x folder")
    return next(p for p in sorted(data.iterdir()) if (p / "inspection.yaml").is_file())


def best(cmd: Sequence[str], repeat: int) -> Run:
    """The fastest of ``repeat`` runs; a run that fails stops the benchmark."""
    return best_of_each([cmd], repeat)[0]


def best_of_each(cmds: Sequence[Sequence[str]], repeat: int) -> list[Run]:
    """The fastest of ``repeat`` runs of each command, the commands taking turns, so that
    the shared machine's drift hits them alike; a run that fails stops the benchmark."""
    runs: list[list[Run]] = [[] for _ in cmds]
    for _ in range(repeat):
        for cmd, kept in zip(cmds, runs, strict=True):
            run, stderr = measure(cmd)
            if run.returncode:
                raise RunFailure(f"{cmd[3]} exited {run.returncode}:\n{stderr[-2000:]}")
            kept.append(run)
    return [min(kept, key=lambda r: r.seconds) for kept in runs]


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print and save the results."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=3, help="Runs of each; the best counts.")
    p.add_argument("--results", type=Path, default=OUT / "report-results.json")
    args = p.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    try:
        for size in SIZES:
            folder = generate(size)
            with tempfile.TemporaryDirectory() as out:
                base = [sys.executable, "-m", "inspectkit"]
                validate = [*base, "validate", str(folder), "--format", "json"]
                report = [
                    *base,
                    "report",
                    str(folder),
                    "-o",
                    out,
                    "--force",
                    "--date",
                    "2026-01-01",
                ]
                best(report, 1)  # warm the file cache
                v, r = best_of_each([validate, report], args.repeat)
            results[f"{size}x"] = {"validate": v.seconds, "report": r.seconds}
            print(
                f"{size:>3}x  validate {v.seconds:6.3f} s   report {r.seconds:6.3f} s",
                file=sys.stderr,
            )
    except RunFailure as exc:
        print(f"report.py: {exc}", file=sys.stderr)
        return 1
    big, small = results["16x"], results["4x"]
    ratio = big["report"] / big["validate"]
    growth = big["report"] / small["report"]
    print(f"report / validate at 16x = {ratio:.2f} (target <= {REPORT_TARGET})")
    print(f"report 16x / report 4x = {growth:.2f} (linear: about 4)")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    summary = {"runs": results, "report_over_validate": ratio, "growth_4x_to_16x": growth}
    args.results.write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

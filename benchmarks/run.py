"""Time ``inspectkit validate`` over a national-scale set against two references.

    python3 benchmarks/run.py [--data DIR] [--repeat 3] [--framework ID]
        [--frameworks-dir DIR]

1. floor: one Python process that loads every YAML file (and the front matter of every .md
   file) with libyaml's C loader and every CSV with the csv module, and does nothing else;
2. inspectkit: ``inspectkit validate`` over every folder in one process, JSON output;
3. check-jsonschema with inspectkit's exported schemas over the YAML files only (evidence,
   manifests, evaluations: three invocations, times summed).

Each measurement is a fresh subprocess of the same interpreter, timed from start to exit
(start-up included); the best of ``--repeat`` runs counts. The set is generated with
``generate.py`` when the data folder is missing. Results are printed and written to
``benchmarks/out/results.json``. The exit code is 0 whatever the ratios, and non-zero only
when something failed to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CACHED_CHECKER = Path.home() / ".cache/inspectkit-checkers/venv/bin/check-jsonschema"
FLOOR_TARGET = 1.25
# validate checks folders in worker processes, one per core (the targets assume 2 cores).
JOBS = str(min(os.cpu_count() or 1, 2))

# The floor: parse everything inspectkit parses, with the fastest stock tools, keep the data.
FLOOR = r"""
import csv, sys
from pathlib import Path
import yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
kept = []
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*")):
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            kept.append(yaml.load(path.read_text("utf-8-sig"), Loader=Loader))
        elif suffix == ".md":
            lines = path.read_text("utf-8-sig").splitlines(keepends=True)
            end = next(i for i, ln in enumerate(lines[1:], 1) if ln.rstrip() in ("---", "..."))
            kept.append(yaml.load("".join(lines[1:end]), Loader=Loader))
        elif suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                kept.append(list(csv.reader(handle)))
"""


class RunFailure(Exception):
    """A command could not be run, or failed in a way that makes its time meaningless."""


@dataclass
class Run:
    """One timed subprocess."""

    seconds: float
    max_rss_kb: int
    returncode: int


def measure(cmd: Sequence[str], stdout: Any = subprocess.DEVNULL) -> tuple[Run, str]:
    """Run ``cmd`` once; wall time from start to exit and the child's own peak RSS.

    ``os.wait4`` gives the rusage of this child alone (``RUSAGE_CHILDREN`` would be the
    largest of every child so far, check-jsonschema included).
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss, proc.returncode), stderr


def generate(data: Path, args: argparse.Namespace) -> None:
    """Write the set with generate.py (and check it) when the folder is missing."""
    cmd = [
        sys.executable,
        str(HERE / "generate.py"),
        str(data),
        "--framework",
        args.framework,
        "--check",
    ]
    for folder in args.frameworks_dir:
        cmd += ["--frameworks-dir", str(folder)]
    print(f"generating {data} ...", file=sys.stderr)
    if subprocess.run(cmd, check=False).returncode:
        raise RunFailure("generate.py failed, or wrote folders that do not validate")


def folders_of(data: Path) -> list[Path]:
    """The partnership folders of the set: sub-folders holding an inspection.yaml."""
    found = sorted(p for p in data.iterdir() if (p / "inspection.yaml").is_file())
    if not found:
        raise RunFailure(f"no evidence folders in {data}")
    return found


def yaml_files(folders: Sequence[Path]) -> dict[str, list[str]]:
    """The YAML files check-jsonschema can read, by the schema that applies to them."""
    evidence = [
        str(p)
        for f in folders
        for p in sorted((f / "evidence").rglob("*"))
        if p.suffix in (".yaml", ".yml")
    ]
    return {
        "evidence": evidence,
        "manifest": [str(f / "inspection.yaml") for f in folders],
        "evaluations": [
            str(f / "evaluations.yaml") for f in folders if (f / "evaluations.yaml").is_file()
        ],
    }


def compile_bytecode() -> None:
    """Compile inspectkit's bytecode first, as installing a wheel does.

    An editable install compiles each module when first imported and keeps it, unless
    PYTHONDONTWRITEBYTECODE is set (as on some CI machines): then every timed run would
    compile the whole package again, and measure the compiler rather than inspectkit.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("inspectkit")
    if spec is None or not spec.submodule_search_locations:
        raise RunFailure("inspectkit is not installed: python3 -m pip install -e .")
    for where in spec.submodule_search_locations:
        compileall.compile_dir(where, quiet=1)


def find_checker() -> Path:
    """check-jsonschema: the project checkers' copy, one on PATH, or a fresh install."""
    if CACHED_CHECKER.is_file():
        return CACHED_CHECKER
    on_path = shutil.which("check-jsonschema")
    if on_path:
        return Path(on_path)
    venv = OUT / "checkers-venv"
    print(f"installing check-jsonschema into {venv} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin/python"), "-m", "pip", "install", "-q", "check-jsonschema"], check=True
    )
    return venv / "bin/check-jsonschema"


def export_schemas(folder: Path) -> dict[str, Path]:
    """inspectkit's JSON Schemas, exported by the CLI into ``folder``."""
    out = {}
    for name in ("evidence", "manifest", "evaluations"):
        out[name] = folder / f"{name}.schema.json"
        subprocess.run(
            [sys.executable, "-m", "inspectkit", "schema", name, "--output", str(out[name])],
            check=True,
        )
    return out


def commands(
    folders: Sequence[Path], fw_dirs: Sequence[str], checker: Path, schemas: dict[str, Path]
) -> dict[str, list[list[str]]]:
    """The command lines of the three measurements (the last one is three invocations)."""
    paths = [str(f) for f in folders]
    options = [arg for d in fw_dirs for arg in ("--frameworks-dir", d)]
    # JSON to a discarded stdout: '--output /dev/null' would make inspectkit's atomic writer
    # rename a temporary file over /dev/null (it replaces whatever the target is).
    return {
        "floor": [[sys.executable, "-c", FLOOR, *paths]],
        "inspectkit": [
            [
                sys.executable,
                "-m",
                "inspectkit",
                "validate",
                *paths,
                *options,
                "--format",
                "json",
                "--jobs",
                JOBS,
            ]
        ],
        "check-jsonschema": [
            [str(checker), "--schemafile", str(schemas[kind]), *files]
            for kind, files in yaml_files(folders).items()
            if files
        ],
    }


def run_once(name: str, cmds: Sequence[Sequence[str]]) -> Run:
    """Run a measurement's invocations one after another; times and codes summed."""
    total = Run(0.0, 0, 0)
    for cmd in cmds:
        run, stderr = measure(cmd)
        if run.returncode and not (name != "floor" and run.returncode == 1):  # 1: findings
            raise RunFailure(f"{name} exited {run.returncode}:\n{stderr[-2000:]}")
        total = Run(
            total.seconds + run.seconds,
            max(total.max_rss_kb, run.max_rss_kb),
            max(total.returncode, run.returncode),
        )
    return total


def check_outputs(cmds: dict[str, list[list[str]]]) -> dict[str, Any]:
    """An untimed run of each (it also warms the file cache): inspectkit's summary, and
    whether check-jsonschema accepted every file."""
    with tempfile.TemporaryFile() as out:
        run, stderr = measure(cmds["inspectkit"][0], stdout=out)
        out.seek(0)
        report = json.loads(out.read() or b"{}")
    if run.returncode not in (0, 1) or "summary" not in report:
        raise RunFailure(f"inspectkit validate exited {run.returncode}:\n{stderr[-2000:]}")
    run_once("floor", cmds["floor"])
    rejected = []
    for cmd in cmds["check-jsonschema"]:
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode:
            rejected.append((result.stdout + result.stderr)[:800])
    return {"inspectkit_summary": report["summary"], "check_jsonschema_rejected": rejected}


def timings(cmds: dict[str, list[list[str]]], repeat: int) -> dict[str, list[Run]]:
    """``repeat`` rounds, the three measurements interleaved so that drift hits all alike."""
    runs: dict[str, list[Run]] = {name: [] for name in cmds}
    for round_ in range(1, repeat + 1):
        for name, cmd in cmds.items():
            runs[name].append(run_once(name, cmd))
            print(f"  round {round_}: {name:<17} {runs[name][-1].seconds:7.3f} s", file=sys.stderr)
    return runs


def version_of(cmd: Sequence[str]) -> str:
    """The first line a ``--version`` command prints."""
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (
        (result.stdout or result.stderr).strip().splitlines()[0]
        if result.returncode == 0
        else "unknown"
    )


def source_state() -> tuple[str, str]:
    """The commit measured, and a key that changes only when src/ or frameworks/ do
    (committed or not): other work in a checkout may land while the benchmark runs."""

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=HERE.parent, capture_output=True, text=True, check=False
        )
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    trees = git("rev-parse", "HEAD:src", "HEAD:frameworks")
    diff = git("diff", "HEAD", "--", "src", "frameworks")
    key = hashlib.sha256(f"{trees}\n{diff}".encode()).hexdigest()[:12]
    return (commit + (" + uncommitted changes" if diff else "")), key


def environment(checker: Path, before: tuple[str, str]) -> dict[str, Any]:
    """What the numbers depend on."""
    import yaml

    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "pyyaml": yaml.__version__,
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "inspectkit": version_of([sys.executable, "-m", "inspectkit", "--version"]),
        "commit": before[0]
        if source_state()[1] == before[1]
        else f"{before[0]}, src/ or frameworks/ CHANGED DURING THE RUN",
        "check_jsonschema": version_of([str(checker), "--version"]),
    }


def shown(cmd: Sequence[str], keep: int = 8) -> str:
    """A command line for the results: the floor script named, long path lists cut."""
    words = ["<floor script>" if word == FLOOR else word for word in cmd]
    rest = len(words) - keep
    return " ".join(words[:keep] + ([f"... ({rest} more)"] if rest > 0 else []))


def report(
    runs: dict[str, list[Run]],
    env: dict[str, Any],
    meta: dict[str, Any],
    checked: dict[str, Any],
    cmds: dict[str, list[list[str]]],
    folders: Sequence[Path],
) -> dict[str, Any]:
    """Print the table and verdicts; return the results as JSON-ready data."""
    best = {name: min(r.seconds for r in rs) for name, rs in runs.items()}
    rss = {name: min(r.max_rss_kb for r in rs) for name, rs in runs.items()}
    floor, ours, theirs = best["floor"], best["inspectkit"], best["check-jsonschema"]
    files = {kind: len(v) for kind, v in yaml_files(folders).items()}
    totals = meta.get("totals", {})
    print(
        f"\n{totals.get('folders', '?')} folders, {totals.get('items', '?')} evidence items, "
        f"{totals.get('records', '?')} records, {totals.get('responses', '?')} survey "
        f"responses ({meta.get('framework', '?')}); best of {len(runs['floor'])} runs, "
        f"{env['cpus']} CPUs, Python {env['python']}, libyaml {env['libyaml']}, "
        f"inspectkit {env['commit']}"
    )
    print(f"\n{'what':<44} {'seconds':>8} {'x floor':>8} {'peak RSS':>9}")
    labels = {
        "floor": "floor (CSafeLoader + csv, all files)",
        "inspectkit": f"inspectkit validate (all files, --jobs {JOBS})",
        "check-jsonschema": "check-jsonschema (YAML files only, 3 runs)",
    }
    for name, label in labels.items():
        print(f"{label:<44} {best[name]:8.3f} {best[name] / floor:8.2f} {rss[name] / 1024:7.0f} MB")
    print(f"\ninspectkit / floor = {ours / floor:.2f} (target <= {FLOOR_TARGET})")
    print(f"inspectkit vs check-jsonschema = {theirs / ours:.2f}x faster (target > 1)")
    print(
        f"note: check-jsonschema reads only the {sum(files.values())} YAML files "
        f"({files['evidence']} evidence, {files['manifest']} manifests, "
        f"{files['evaluations']} evaluations), not the .md items or the CSV files, and "
        "checks no cross-references; it does less work than the other two."
    )
    summary = checked["inspectkit_summary"]
    if summary.get("errors"):
        print(f"WARNING: inspectkit found {summary['errors']} errors in the generated set")
    if checked["check_jsonschema_rejected"]:
        print(
            "WARNING: check-jsonschema rejected some generated files:\n"
            + "\n".join(checked["check_jsonschema_rejected"])
        )
    return {
        "environment": env,
        "data": meta,
        "yaml_files": files,
        "checked": checked,
        "commands": {n: [shown(c) for c in cs] for n, cs in cmds.items()},
        "floor_script": FLOOR,
        "runs": {n: [asdict(r) for r in rs] for n, rs in runs.items()},
        "best_seconds": best,
        "peak_rss_kb": rss,
        "ratios": {
            "inspectkit_over_floor": ours / floor,
            "check_jsonschema_over_floor": theirs / floor,
            "inspectkit_speedup_over_check_jsonschema": theirs / ours,
        },
        "targets": {
            "inspectkit_over_floor_max": FLOOR_TARGET,
            "met_floor": ours / floor <= FLOOR_TARGET,
            "met_check_jsonschema": theirs / ours > 1,
        },
    }


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--data",
        type=Path,
        default=OUT / "national",
        help="The set (generated here when missing; default benchmarks/out/national).",
    )
    p.add_argument("--repeat", type=int, default=3, help="Runs of each; the best counts.")
    p.add_argument(
        "--framework",
        default="cso-at-home",
        help="Framework to generate for, when generating (default cso-at-home).",
    )
    p.add_argument(
        "--frameworks-dir",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="Framework folders, for generating and validating.",
    )
    p.add_argument(
        "--results",
        type=Path,
        default=OUT / "results.json",
        help="Where to write the results (default benchmarks/out/results.json).",
    )
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate if needed, time the three, print and save the results."""
    args = parse(argv)
    try:
        if not args.data.is_dir():
            generate(args.data, args)
        meta_path = args.data / ".generated.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        fw_dirs = [str(d.resolve()) for d in args.frameworks_dir] or meta.get("frameworks_dirs", [])
        folders = folders_of(args.data)
        checker = find_checker()
        compile_bytecode()
        before = source_state()
        with tempfile.TemporaryDirectory(prefix="inspectkit-bench-") as tmp:
            cmds = commands(folders, fw_dirs, checker, export_schemas(Path(tmp)))
            checked = check_outputs(cmds)
            runs = timings(cmds, max(1, args.repeat))
        results = report(runs, environment(checker, before), meta, checked, cmds, folders)
    except (RunFailure, subprocess.CalledProcessError, OSError) as exc:
        print(f"run.py: {exc}", file=sys.stderr)
        return 1
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(f"\nresults written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Time and measure `inspectkit validate` on every hostile and invalid input.

    python3 benchmarks/hostile.py [--limit-seconds 2] [--limit-mb 200]

Runs one process per file of tests/corpus/hostile (plus the links and the 50 MB file its
scripts make) and tests/corpus/yaml-test-suite/invalid, and checks that each one ends with
exit 1 or 4, no traceback, no raw escape sequence, within the time and memory targets
(wall-clock seconds and peak resident memory of the process). Prints a table of the slowest
and largest runs and a summary line; exits 1 if any run misses a target. A measurement, so it
lives here rather than among the tests, which must be fast and deterministic.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def inputs(tmp: Path) -> list[Path]:
    """Every file to try, generated ones included."""
    files = sorted((CORPUS / "hostile").glob("*.yaml"))
    files += sorted((CORPUS / "yaml-test-suite" / "invalid").glob("*.yaml"))
    links = tmp / "links"
    subprocess.run(
        ["bash", str(CORPUS / "hostile" / "make-symlinks.sh"), str(links), "--dev-zero", "--fifo"],
        check=True,
        capture_output=True,
    )
    files += sorted(links.iterdir())
    big = tmp / "large-50mb.yaml"
    subprocess.run(
        [sys.executable, str(CORPUS / "hostile" / "gen-large.py"), str(big)],
        check=True,
        capture_output=True,
    )
    return [*files, big]


def run(path: Path) -> tuple[int, float, float, bytes]:
    """Exit code, seconds and peak MB of one validation."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspectkit", "validate", str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - start, usage.ru_maxrss / 1024, out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit-seconds", type=float, default=2.0)
    parser.add_argument("--limit-mb", type=float, default=200.0)
    args = parser.parse_args()
    failures, rows = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for path in inputs(Path(tmp)):
            code, seconds, mb, out = run(path)
            name = path.relative_to(CORPUS).as_posix() if CORPUS in path.parents else path.name
            problems = []
            if code not in (1, 4):
                problems.append(f"exit {code}")
            if b"Traceback" in out or b"\x1b[2J" in out:
                problems.append("traceback or raw escape")
            if seconds > args.limit_seconds:
                problems.append(f"{seconds:.2f} s")
            if mb > args.limit_mb:
                problems.append(f"{mb:.0f} MB")
            rows.append((seconds, mb, name, code))
            if problems:
                failures.append(f"{name}: {', '.join(problems)}")
    print(f"{'file':44s} {'exit':>4s} {'seconds':>8s} {'peak MB':>8s}")
    for seconds, mb, name, code in sorted(rows, reverse=True)[:10]:
        print(f"{name[:44]:44s} {code:4d} {seconds:8.2f} {mb:8.0f}")
    for failure in failures:
        print(f"FAIL {failure}")
    slowest = max(r[0] for r in rows)
    largest = max(r[1] for r in rows)
    print(
        f"hostile: files={len(rows)} failures={len(failures)} slowest={slowest:.2f}s "
        f"largest={largest:.0f}MB (targets {args.limit_seconds:g}s, {args.limit_mb:g}MB)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

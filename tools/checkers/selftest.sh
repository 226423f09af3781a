#!/usr/bin/env bash
# selftest.sh — prove the checkers work on this machine: installs what is
# missing (as each check-*.sh does), then runs each checker on a tiny good and
# a tiny bad sample in a temp dir and compares the outcome with what it must be.
# Env: CHECKERS_HOME  install root (default $HOME/.cache/inspectkit-checkers)
# Final line: "selftest: pass=N fail=M" (all good: "selftest: pass=7 fail=0").
# Exit 0 if nothing failed, 1 otherwise.
set -u
T="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
D="$(mktemp -d "${TMPDIR:-/tmp}/checkers-selftest.XXXXXX")" || { echo "selftest: error: no temp dir"; exit 2; }
trap 'rm -rf "$D"' EXIT
pass=0; fail=0
check() { # check NAME EXPECTED_RC EXPECTED_LAST_LINE_REGEX CMD...
  local name="$1" want_rc="$2" want="$3"; shift 3
  local out rc last
  out="$("$@" 2>&1 </dev/null)"; rc=$?; last="$(printf '%s\n' "$out" | tail -n 1)"
  if [ "$rc" = "$want_rc" ] && [[ "$last" =~ $want ]]; then
    pass=$((pass+1)); echo "ok   $name: $last"
  else
    fail=$((fail+1)); echo "FAIL $name: rc=$rc (want $want_rc) last='$last' (want /$want/)"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/     /'
  fi
}

# A 1x1 PNG, inline, so that no sample needs the network.
PNG='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
cat >"$D/good.html" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ok</title></head>
<body><main><h1>Report</h1><p>All checks passed.</p><img src="$PNG" alt="status" width="16" height="16"></main></body></html>
EOF
# Bad: no lang (axe html-has-lang), an img without alt (a Nu error and axe
# image-alt), a duplicate id (a Nu error).
cat >"$D/bad.html" <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>bad</title></head>
<body><h1 id="dup">Report</h1><p id="dup">x</p><img src="$PNG" width="16" height="16"></body></html>
EOF
printf '# Report\n\n## Summary\n\nA very long line is fine here because MD013 is off in this harness, however long it gets, really.\n\n- one\n- two\n' >"$D/good.md"
printf '#No space\nTrailing   \n\n\n* a\n- b\n' >"$D/bad.md"
printf '{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}\n' >"$D/schema.json"
printf 'id: EV-1\n' >"$D/good.yaml"
printf 'id: 5\nid: 6\n' >"$D/dup.yaml"
printf 'id: 5\n' >"$D/bad.yaml"

check "html good" 0 '^html: nu_errors=0 axe_violations=0$' "$T/check-html.sh" "$D/good.html"
SHOT="$D/bad.png" check "html bad (missing lang, img alt, dup id)" 1 '^html: nu_errors=2 axe_violations=2$' "$T/check-html.sh" "$D/bad.html"
if [ -s "$D/bad.png" ] && [ "$(head -c 8 "$D/bad.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
  pass=$((pass+1)); echo "ok   screenshot: PNG written ($(stat -c %s "$D/bad.png") bytes)"
else fail=$((fail+1)); echo "FAIL screenshot: no PNG at SHOT=$D/bad.png"; fi
check "md good" 0 '^md: lint_errors=0 parse_errors=0$' "$T/check-md.sh" "$D/good.md"
check "md bad" 1 '^md: lint_errors=[1-9][0-9]* parse_errors=0$' "$T/check-md.sh" "$D/bad.md"
check "jsonschema good" 0 '^jsonschema: errors=0 parse_errors=0 files=1$' "$T/check-jsonschema.sh" "$D/schema.json" "$D/good.yaml"
check "jsonschema bad+dup" 1 '^jsonschema: errors=1 parse_errors=1 files=2$' "$T/check-jsonschema.sh" "$D/schema.json" "$D/bad.yaml" "$D/dup.yaml"
echo "selftest: pass=$pass fail=$fail"
[ "$fail" -eq 0 ]

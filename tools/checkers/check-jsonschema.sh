#!/usr/bin/env bash
# check-jsonschema.sh SCHEMA FILE...  — validate YAML/JSON/TOML files against a
# JSON Schema with check-jsonschema (PyPI; jsonschema + ruamel.yaml).
# check-jsonschema first checks the schema itself against its metaschema.
# Files with no known extension are read as YAML. Format checks (date,
# email, ...) are on. ruamel.yaml rejects duplicate keys: those count as parse
# errors.
# Env: CHECKERS_HOME  install root (default $HOME/.cache/inspectkit-checkers)
# Final line: "jsonschema: errors=N parse_errors=P files=K" (N = validation
# errors). Exit 0 if N and P are 0, 1 otherwise, 2 if the schema is unusable
# or the checker could not run (final line "jsonschema: error: ...").
set -u
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

if [ "$#" -lt 2 ]; then
  echo "usage: check-jsonschema.sh SCHEMA FILE..." >&2
  echo "jsonschema: error: need a schema and at least one file"; exit 2
fi
schema="$1"; shift
for f in "$schema" "$@"; do
  if [ ! -f "$f" ] || [ ! -r "$f" ]; then echo "jsonschema: error: not a readable file: $f"; exit 2; fi
done
ensure_venv || { echo "jsonschema: error: could not install check-jsonschema (logs in $CHECKERS_LOGS)"; exit 2; }
CJ="$CHECKERS_VENV/bin/check-jsonschema"
common=(--schemafile "$schema" --default-filetype yaml --color never)

# Once for people (the messages), once as JSON for the counts.
"$CJ" "${common[@]}" "$@" 2>&1
json="$("$CJ" "${common[@]}" -o json "$@" 2>/dev/null)"
counts="$(printf '%s' "$json" | "$CHECKERS_VENV/bin/python" -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    sys.exit(1)
print(len(d.get("errors", [])), len(d.get("parse_errors", [])), d.get("status", "?"))
')" || {
  # No JSON report: the schema failed to load or is invalid (message printed above).
  echo "jsonschema: error: check-jsonschema could not check the files (bad schema? see above)"; exit 2; }
read -r n p _status <<<"$counts"
echo "jsonschema: errors=$n parse_errors=$p files=$#"
[ "$n" -eq 0 ] && [ "$p" -eq 0 ]

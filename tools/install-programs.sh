#!/usr/bin/env bash
# install-programs.sh — install the Debian programs that tests drive ($DEBIAN_PROGRAMS,
# default: pandoc) when they are missing. An entry is a program named like its package
# (pandoc), COMMAND=PACKAGE (soffice=libreoffice-writer-nogui), or lib:PACKAGE for a library
# with no command (lib:libpango-1.0-0, checked with dpkg). Needs root or password-less sudo;
# safe to run again.
set -euo pipefail
programs="${DEBIAN_PROGRAMS:-pandoc}"
missing=""
present() {  # entry -> 0 when what it names is installed
  case "$1" in
    lib:*) dpkg-query -W -f='${Status}' "${1#lib:}" 2>/dev/null | grep -q "ok installed" ;;
    *=*) command -v "${1%%=*}" >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}
package() { case "$1" in lib:*) echo "${1#lib:}" ;; *=*) echo "${1#*=}" ;; *) echo "$1" ;; esac; }
for program in $programs; do
  present "$program" || missing="$missing $(package "$program")"
done
if [ -z "$missing" ]; then
  echo "programs: all present ($programs)"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
echo "programs: apt-get install$missing"
$sudo apt-get update -qq >/dev/null
# shellcheck disable=SC2086  # a list of packages
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
for program in $programs; do
  present "$program" || { echo "programs: $program missing after install" >&2; exit 1; }
done
echo "programs: ready ($programs)"

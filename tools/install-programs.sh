#!/usr/bin/env bash
# install-programs.sh — install the Debian programs that tests drive ($DEBIAN_PROGRAMS,
# default: pandoc) when they are missing. Needs root or password-less sudo; safe to run again.
set -euo pipefail
programs="${DEBIAN_PROGRAMS:-pandoc}"
missing=""
for program in $programs; do
  command -v "$program" >/dev/null 2>&1 || missing="$missing $program"
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
  command -v "$program" >/dev/null 2>&1 || { echo "programs: $program missing after install" >&2; exit 1; }
done
echo "programs: ready ($programs)"

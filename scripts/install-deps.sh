#!/usr/bin/env bash
# Installs the Debian packages SupportBot needs, when any is missing.
# Usage: scripts/install-deps.sh [--tests]   (--tests adds tmux for the terminal test and the
# PostgreSQL server the store contract tests run against)
set -euo pipefail
packages=(libncurses-dev libsqlite3-dev libopenblas-dev pkg-config)
[ "${1:-}" = "--tests" ] && packages+=(tmux postgresql)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
if ! command -v swift >/dev/null; then
    echo "swift is not on PATH: install the Swift 6 toolchain (swift.org) first" >&2
    exit 1
fi

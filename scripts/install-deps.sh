#!/usr/bin/env bash
# Installs the Debian packages SupportBot needs, when any is missing.
# Usage: scripts/install-deps.sh [--tests]   (--tests adds tmux for the terminal test and the
# PostgreSQL server the store contract tests run against; when the server cannot be installed,
# a warning says so and the PostgreSQL test cases skip)
set -euo pipefail
packages=(libncurses-dev libsqlite3-dev libopenblas-dev pkg-config)
optional=()
[ "${1:-}" = "--tests" ] && packages+=(tmux) && optional+=(postgresql)

# The packages of "$@" not installed.
missing() {
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
mapfile -t needed < <(missing "${packages[@]}")
mapfile -t wanted < <(missing "${optional[@]}")
if [ ${#needed[@]} -gt 0 ] || [ ${#wanted[@]} -gt 0 ]; then
    $sudo apt-get update -qq || true
fi
if [ ${#needed[@]} -gt 0 ]; then
    echo "installing: ${needed[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
fi
if [ ${#wanted[@]} -gt 0 ]; then
    echo "installing: ${wanted[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${wanted[@]}" >/dev/null \
        || echo "install-deps: could not install ${wanted[*]}; the PostgreSQL test cases will skip" >&2
fi
if ! command -v swift >/dev/null; then
    echo "swift is not on PATH: install the Swift 6 toolchain (swift.org) first" >&2
    exit 1
fi

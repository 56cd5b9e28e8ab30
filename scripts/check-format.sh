#!/usr/bin/env bash
# Checks that every Swift file is formatted as `.swift-format` says (what `make format` writes)
# and that no line runs past 120 columns (long string literals the formatter leaves alone).
# Formats a copy of the tree in one `swift format` run, prints each file whose copy changed and
# each long line, and exits 1 when there is any. `make test` runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(Sources Tests Fuzz)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -R "${dirs[@]}" Package.swift .swift-format "$copy"/
(cd "$copy" && swift format format --configuration .swift-format --in-place --parallel --recursive \
    "${dirs[@]}" Package.swift)
status=0
while IFS= read -r -d '' file; do
    if ! cmp -s "$file" "$copy/$file"; then
        echo "not formatted: $file (make format rewrites it)"
        status=1
    fi
done < <(find "${dirs[@]}" Package.swift -name '*.swift' -print0)
# Columns are characters, as swift-format counts them.
if LC_ALL=C.UTF-8 grep -rnE --include='*.swift' '^.{121,}' "${dirs[@]}" Package.swift; then
    echo "lines over 120 columns above: break them by hand (a long literal as a multiline one, \\ continuations)"
    status=1
fi
exit $status

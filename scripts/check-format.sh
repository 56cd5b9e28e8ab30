#!/usr/bin/env bash
# Checks that every Swift file is formatted as `.swift-format` says (what `make format` writes);
# prints the files that are not and exits 1. CI can run it as `make format-check`.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r -d '' file; do
    if ! swift format format --configuration .swift-format "$file" | cmp -s - "$file"; then
        echo "not formatted: $file"
        status=1
    fi
done < <(find Sources Tests Package.swift -name '*.swift' -print0 2>/dev/null)
exit $status

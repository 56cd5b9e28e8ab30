#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/, outside `swift build` (libFuzzer supplies
# `main`): each target is one small executable compiled with
# `swiftc -sanitize=fuzzer,address -parse-as-library` from the harness and the sources it
# exercises (bounds checks on: not the release build's -Ounchecked).
#
# Usage:
#   scripts/fuzz.sh build [TARGET…]          build (default: every target) into .build-fuzz/
#   scripts/fuzz.sh run TARGET SECONDS       fuzz at nice 19; new inputs go to .build-fuzz/corpus/TARGET,
#                                            crashes to Fuzz/crashes/TARGET-*; prints libFuzzer's final stats
#   scripts/fuzz.sh list                     the targets
# Committed seeds: Fuzz/corpus/TARGET/. `swift test` replays seeds and crashes (FuzzReplayTests);
# inputs that only timed out under the sanitizer are kept in Fuzz/timeouts/, outside the replay.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build-fuzz
TARGETS=(redactor tokenizer checkpoint intents importers terminal)
INTENT_MODEL=(Sources/IntentModel/*.swift -I Sources/COpenBLAS -lopenblas)
REDACTOR=(Sources/Assistant/Redactor.swift Sources/Assistant/Redactor+*.swift Sources/Assistant/KnownPersonalValues.swift
          Sources/Assistant/PersonalDataKind.swift Sources/Assistant/TextTraits.swift)
# The dataset parsers, with the Yams, CSV.swift and IntentModel objects of the debug build (not
# instrumented: coverage guidance comes from our parsers) and the C module maps they need.
PARSERS=(Sources/Assistant/{IntentsDirectoryParser,RasaNLUParser,TabularDatasetParser,FastTextParser,Dataset,DatasetError}.swift
         Sources/Assistant/{DatasetFormat,ParsedRows,ExampleText}.swift
         -I .build/debug/Modules -I .build/checkouts/Yams/Sources/CYaml/include -I Sources/COpenBLAS -lopenblas)
# The terminal input decoder: ChatApp's key and escape-sequence files as a small module of
# their own (built first into $OUT/terminal), and CursesTerminal's KeyDecoder over ncurses.
TERMINAL=(Sources/CursesTerminal/KeyDecoder.swift -I "$OUT/terminal" -L "$OUT/terminal" -lChatApp -I Sources/CNcursesw -lncursesw)

sources() {
    case $1 in
        redactor) echo Fuzz/FuzzRedactor.swift "${REDACTOR[@]}" ;;
        tokenizer) echo Fuzz/FuzzTokenizer.swift Fuzz/FuzzModels.swift "${INTENT_MODEL[@]}" ;;
        checkpoint) echo Fuzz/FuzzCheckpoint.swift "${INTENT_MODEL[@]}" ;;
        intents) echo Fuzz/FuzzIntents.swift "${PARSERS[@]}" $(objects) ;;
        importers) echo Fuzz/FuzzImporters.swift "${PARSERS[@]}" $(objects) ;;
        terminal) echo Fuzz/FuzzTerminal.swift "${TERMINAL[@]}" ;;
        *) echo "unknown target '$1' (targets: ${TARGETS[*]})" >&2; exit 2 ;;
    esac
}

# The object files of the debug build's Yams, its C library, CSV.swift and IntentModel (built
# when missing).
objects() {
    local target
    for target in Yams CSV IntentModel; do
        [[ -f .build/debug/Modules/$target.swiftmodule ]] || nice -n 19 swift build --target "$target" >&2
    done
    echo .build/debug/{Yams,CSV,IntentModel}.build/*.swift.o .build/debug/CYaml.build/src/*.o
}

build() {
    mkdir -p "$OUT"
    if [[ $1 == terminal ]]; then
        mkdir -p "$OUT/terminal"
        (cd "$OUT/terminal" && nice -n 19 swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ChatApp -emit-module \
            -emit-library -static ../../Sources/ChatApp/Key.swift ../../Sources/ChatApp/EscapeSequence.swift -o libChatApp.a)
    fi
    # shellcheck disable=SC2046
    nice -n 19 swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "Fuzz_$1" \
        $(sources "$1") -o "$OUT/fuzz-$1" 2> >(grep -v "Cannot export local symbol" >&2)
    echo "$OUT/fuzz-$1"
}

case ${1:-} in
    build) shift; for target in "${@:-${TARGETS[@]}}"; do build "$target"; done ;;
    run)
        target=${2:?target}; seconds=${3:?seconds}
        [[ -x $OUT/fuzz-$target ]] || build "$target" >/dev/null
        mkdir -p "$OUT/corpus/$target" Fuzz/crashes
        # Leak checks are off: Foundation keeps caches alive until exit, which LeakSanitizer reports.
        ASAN_OPTIONS=detect_leaks=0 nice -n 19 "$OUT/fuzz-$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="Fuzz/crashes/$target-" "$OUT/corpus/$target" "Fuzz/corpus/$target"
        ;;
    list) printf '%s\n' "${TARGETS[@]}" ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
esac

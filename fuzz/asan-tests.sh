#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer, in its own scratch folder so
# that the ordinary build is left alone. Extra arguments go to `swift test`
# (for example: fuzz/asan-tests.sh --filter MarkdownHostileTests).
set -euo pipefail
cd "$(dirname "$0")/.."
# Leak checking would report cmark-gfm's process-wide extension registry.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
exec swift test --sanitize=address --scratch-path .build-asan "$@"

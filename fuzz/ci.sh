#!/usr/bin/env bash
# CI: a short smoke fuzz of both targets (60 s in all), then the hostile-input
# suites under AddressSanitizer. The full ASan suite: fuzz/asan-tests.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz/run.sh 60
fuzz/asan-tests.sh --filter 'Hostile'

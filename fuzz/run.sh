#!/usr/bin/env bash
# Builds the two libFuzzer targets (the domain's reading of a content file,
# and Markdown rendering through the tree walker) with AddressSanitizer, and
# runs each for half of SECONDS (default 60). A crash, a sanitizer report or
# an input running over 10 s fails the run, the input saved under
# .build-fuzz/findings/. Longer runs: fuzz/run.sh 3600.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
per_target=$(( seconds / 2 > 1 ? seconds / 2 : 1 ))

# The fuzz targets exist in the package only with CONGKHAI_FUZZ set (they have
# no main function: libFuzzer brings its own), so ordinary builds never see them.
export CONGKHAI_FUZZ=1
build=(swift build -c release --scratch-path .build-fuzz --manifest-cache none
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
"${build[@]}" --product DomainFuzzer
"${build[@]}" --product MarkdownFuzzer
bin="$("${build[@]}" --show-bin-path)"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
status=0
for target in Domain Markdown; do
  corpus=".build-fuzz/corpus/$target"
  findings=".build-fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  echo "== ${target}Fuzzer: $per_target s"
  "$bin/${target}Fuzzer" "$corpus" "fuzz/seeds/${target,,}" -max_total_time="$per_target" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
    >".build-fuzz/$target.log" 2>&1 || status=1
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Test unit written|ALARM)' \
    ".build-fuzz/$target.log" || true
done
if [ "$status" -ne 0 ]; then
  echo "fuzzing found a problem: see .build-fuzz/*.log and the inputs in .build-fuzz/findings/" >&2
fi
exit "$status"

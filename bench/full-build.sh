#!/usr/bin/env bash
# A full build from an empty output folder, congkhai and Hugo alternating in
# the same run, ROUNDS times each (default 3); prints every run and the
# medians of wall time, CPU time and peak memory, and the wall-time ratio.
#   bench/full-build.sh [DOCS]        (default 10000; ROUNDS=5 bench/full-build.sh for more)
# CONGKHAI=path uses that binary instead of building this tree's release one;
# BASELINE=path adds a third tool to every round (an older congkhai, for a before/after table).
# DELETE=1 deletes each previous output at once and waits SETTLE seconds (default 35), as this script
# did until 2026-12-07; by default it is set aside and deleted when the run is over (bench/set-aside.sh).
# NO_CACHE=1 builds congkhai (and BASELINE) with --no-cache: a full build that writes no build cache, as a congkhai
# from before the cache did (a BASELINE older than --no-cache, such as a build of 20fdc03, needs NO_CACHE unset).
# Needs what bench/run.sh needs (python3, GNU time, hugo) and builds the corpus as it does.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
rounds=${ROUNDS:-3}
out=bench/out
shared=${SHARED:-../shared}
mkdir -p "$out"
command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo"; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time"; exit 2; }

if [ ! -f "$out/corpus-$docs/.done" ]; then
  rm -rf "$out/corpus-$docs" "$out/hugo-$docs"
  python3 "$shared/tools/gen_corpus.py" --out "$out/corpus-$docs" --docs "$docs" --hugo "$out/hugo-$docs"
  cp -r bench/hugo-site/. "$out/hugo-$docs/"
  touch "$out/corpus-$docs/.done"
fi
if [ -z "${CONGKHAI:-}" ]; then swift build -c release --product congkhai >/dev/null; fi
bin=${CONGKHAI:-.build/release/congkhai}
theme=$PWD/Themes/default

# Both tools start from an empty folder, set aside rather than deleted (bench/set-aside.sh says why).
. bench/set-aside.sh
empty() { set_aside "$@" "$out"/.site.*; }
wait_for_deletions

results="$out/full-build-$docs.txt"
: > "$results"
run() { # tool, command...
  local tool=$1; shift
  local status=0
  warm_start "$out/corpus-$docs" "$out/hugo-$docs" "$theme" "$(command -v "$1")"
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" >"$out/$tool.log" 2>&1 || status=$?
  # congkhai exits 1 when it built the site but left out files with errors (the generator makes a few duplicates).
  [ "$status" -le 1 ] || { tail -20 "$out/$tool.log"; exit 1; }
  read -r wall user sys kb < <(tail -n 1 "$out/time.txt")
  printf '%-9s %7.2f s wall  %6.2f s CPU  %6d MB\n' "$tool" "$wall" "$(echo "$user + $sys" | bc)" "$((kb / 1024))"
  echo "$tool $wall $(echo "$user + $sys" | bc) $((kb / 1024))" >> "$results"
}

echo "corpus: $docs documents, $(du -sh "$out/corpus-$docs" | cut -f1) of Markdown; $(nproc) cores; $rounds rounds"
for round in $(seq "$rounds"); do
  empty "$out/site"
  run congkhai "$bin" build ${NO_CACHE:+--no-cache} --content "$out/corpus-$docs" --theme "$theme" --output "$out/site" --quiet --timings
  if [ -n "${BASELINE:-}" ]; then
    empty "$out/site"
    run baseline "$BASELINE" build ${NO_CACHE:+--no-cache} --content "$out/corpus-$docs" --theme "$theme" --output "$out/site" --quiet
  fi
  empty "$out/hugo-public"
  run hugo hugo --source "$out/hugo-$docs" --destination "$PWD/$out/hugo-public" --quiet
done
deleted_at_end
grep -E '^ +[0-9.]+ s' "$out/congkhai.log" | sed 's/^/    last congkhai run: /'
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
tools = [t for t in ("congkhai", "baseline", "hugo") if any(r[0] == t for r in rows)]
med = {t: [statistics.median(float(r[i]) for r in rows if r[0] == t) for i in (1, 2, 3)] for t in tools}
for t, (wall, cpu, mb) in med.items():
    print(f"median {t:<9} {wall:7.2f} s wall  {cpu:6.2f} s CPU  {mb:6.0f} MB")
print(f"Hugo / congkhai wall-time ratio (medians): {med['hugo'][0] / med['congkhai'][0]:.2f} (2 or more is the target)")
PY

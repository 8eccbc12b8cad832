#!/usr/bin/env bash
# Rebuilds with the build cache, side by side with Hugo building the same
# corpus in the same run: a full build from an empty output folder (no cache),
# a rebuild with nothing changed, a rebuild after a sentence was added to one
# document (the shortcut for edited texts), and one after its summary changed
# (what lists show: the usual rebuild).
# Wall time of the whole command and peak memory, median of 3 for each.
#   bench/incremental.sh [DOCS]        (default 10000)
# Needs: python3, GNU time (apt-get install time), hugo (apt-get install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
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
swift build -c release --product congkhai >/dev/null
bin=$PWD/.build/release/congkhai
theme=$PWD/Themes/default
work=$out/incremental-$docs
# Output folders are set aside rather than deleted while the run measures (bench/set-aside.sh says why).
. bench/set-aside.sh
set_aside "$work"
wait_for_deletions
mkdir -p "$work" && cp -rL "$out/corpus-$docs" "$work/content"
# Files written minutes before the build, as staff's are (a file changed in the
# same second as a build is read again: see the README).
find "$work/content" -type f -exec touch -d '10 minutes ago' {} +
doc=$(find "$work/content" -name '*.md' | sort | sed -n 2p)

run() { # label, command...: appends "seconds megabytes" to $work/$label
  local label=$1; shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 || status=$?
  [ "$status" -le 1 ] || { tail -20 "$work/last.log"; exit 1; }
  tail -n 1 "$work/time.txt" >>"$work/$label"
}
build() { run "$1" "$bin" build --theme "$theme" --content "$work/content" --output "$work/site" --quiet "${@:2}"; }

for round in 1 2 3; do
  set_aside "$work/site" "$work/.site."*
  # the full builds (from an empty folder) and Hugo start as in full-build.sh; the rebuilds find what a build leaves
  warm_start "$work/content" "$out/hugo-$docs" "$theme" "$bin"
  build full --no-cache
  set_aside "$work/site" "$work/.site."*
  warm_start "$work/content" "$out/hugo-$docs" "$theme" "$bin"
  build "full+cache"
  build nothing
  printf '\nĐoạn sửa lần %s để đo thời gian dựng lại.\n' "$round" >>"$doc"
  touch -d '1 minute ago' "$doc"
  build "one-edit"
  # the summary line, after the type heading: every list that names the document changes
  sed -i "10s/\$/ (sửa lần $round)/" "$doc"
  touch -d '1 minute ago' "$doc"
  build "one-summary"
  set_aside "$work/hugo-public"
  warm_start "$work/content" "$out/hugo-$docs" "$theme" "$(command -v hugo)"
  run hugo hugo --source "$out/hugo-$docs" --destination "$PWD/$work/hugo-public" --quiet
done
deleted_at_end
python3 - "$work" <<'PY'
import statistics, sys
d = sys.argv[1]
def med(label):
    rows = [tuple(map(float, l.split())) for l in open(f"{d}/{label}") if l.strip()]
    return statistics.median(r[0] for r in rows), max(r[1] for r in rows) / 1024
hugo = med("hugo")[0]
print(f"{'':34} {'median s':>9} {'peak MB':>8} {'÷ hugo':>7}")
for label, name in [("full", "full build, no cache"), ("full+cache", "full build, writing the cache"),
                    ("nothing", "rebuild, nothing changed"), ("one-edit", "rebuild, a sentence added"),
                    ("one-summary", "rebuild, a summary changed"), ("hugo", "hugo 0.111")]:
    s, mb = med(label)
    print(f"{name:34} {s:9.2f} {mb:8.0f} {s / hugo:7.2f}")
PY

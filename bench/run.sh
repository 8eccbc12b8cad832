#!/usr/bin/env bash
# Builds a synthetic corpus with congkhai and, in the same run, the same
# corpus with Hugo, and reports wall time and peak memory of each.
#   bench/run.sh [DOCS]        (default 10000)
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
bin=.build/release/congkhai

# congkhai removes the previous site in the background; let that finish
# so that it does not slow down the next measurement.
settle() { while ls -d "$out"/.site.old-* >/dev/null 2>&1; do sleep 1; done; sync; }

measure() { # label, command...
  local label=$1; shift
  settle
  # congkhai exits 1 when it built the site but left out files with errors
  # (the generator gives some procedures the same code): that still counts.
  local status=0
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/$label.log" 2>&1 || status=$?
  [ "$status" -le 1 ] || { tail -20 "$out/$label.log"; exit 1; }
  read -r secs kb < <(tail -n 1 "$out/time.txt")
  printf '%-28s %7.2f s  %6d MB\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs" > "$out/$label.secs"
}

echo "corpus: $docs documents, $(du -sh "$out/corpus-$docs" | cut -f1) of Markdown; $(nproc) cores"
rm -rf "$out/site" "$out/.site."* "$out/hugo-public"
measure "congkhai (first build)" "$bin" build --content "$out/corpus-$docs" --output "$out/site" --quiet --timings
measure "congkhai (rebuild)" "$bin" build --content "$out/corpus-$docs" --output "$out/site" --quiet --timings
measure "hugo" hugo --source "$out/hugo-$docs" --destination "$PWD/$out/hugo-public" --quiet
grep -E '^ +[0-9.]+ s' "$out/congkhai (rebuild).log" | sed 's/^/    /'
python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
c = float(open(f"{d}/congkhai (rebuild).secs").read()); h = float(open(f"{d}/hugo.secs").read())
print(f"congkhai / hugo wall-time ratio: {c / h:.2f} (below 1 means congkhai is faster)")
PY

#!/usr/bin/env bash
# Snapshot speed and size beside the build it archives: builds a synthetic corpus, then takes a
# snapshot (zip + WACZ) and verifies both, reporting wall time, peak memory, sizes and the ratios
# archive / build and verify / build.
#   bench/archive.sh [DOCS]        (default 10000)
# Needs: python3, GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
out=bench/out
shared=${SHARED:-../shared}
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time"; exit 2; }

if [ ! -f "$out/corpus-$docs/.done" ]; then
  rm -rf "$out/corpus-$docs" "$out/hugo-$docs"
  python3 "$shared/tools/gen_corpus.py" --out "$out/corpus-$docs" --docs "$docs" --hugo "$out/hugo-$docs"
  touch "$out/corpus-$docs/.done"
fi
swift build -c release --product congkhai >/dev/null
bin=.build/release/congkhai
site="$out/site-archive"
snap="$out/snapshots"

settle() { while ls -d "$out"/.site-archive.old-* "$out"/.site.old-* >/dev/null 2>&1; do sleep 1; done; sync; }

measure() { # label, command...
  local label=$1; shift
  settle
  local status=0
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/$label.log" 2>&1 || status=$?
  # the build exits 1 when it left out files with errors (the generator makes some): that still counts
  [ "$status" -le 1 ] || { tail -20 "$out/$label.log"; exit 1; }
  read -r secs kb < <(tail -n 1 "$out/time.txt")
  printf '%-22s %7.2f s  %6d MB\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs" > "$out/$label.secs"
}

echo "corpus: $docs documents, $(du -sh "$out/corpus-$docs" | cut -f1) of Markdown; $(nproc) cores"
rm -rf "$snap"
measure "build" "$bin" build --content "$out/corpus-$docs" --output "$site" --quiet
echo "site: $(du -sh "$site" | cut -f1) in $(find "$site" -type f | wc -l) files"
measure "archive" "$bin" archive --site "$site" --content "$out/corpus-$docs" --output "$snap" --date 2024-06-30 --no-registry
measure "verify zip" "$bin" verify "$snap"/*.zip
measure "verify wacz" "$bin" verify "$snap"/*.wacz
ls -l "$snap" | awk 'NR > 1 { printf "  %-60s %8.1f MB\n", $9, $5 / 1000000 }'
python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
t = {k: float(open(f"{d}/{k}.secs").read()) for k in ("build", "archive", "verify zip", "verify wacz")}
print(f"archive / build: {t['archive'] / t['build']:.2f} (goal below 1.5)")
print(f"verify / build:  zip {t['verify zip'] / t['build']:.2f}, wacz {t['verify wacz'] / t['build']:.2f} (goal below 1)")
PY

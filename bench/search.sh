#!/usr/bin/env bash
# The search index at scale: builds the synthetic corpus (as bench/run.sh does)
# and reports
#   - the index's size: files, total bytes, total gzip -9 bytes;
#   - for real queries, what the first query transfers (the page, its stylesheet
#     and script, and every index file the browser loaded: gzip -9 sizes), and
#     how long it took in headless Chromium opened from disk (a fresh browser per
#     query: ranking alone, until the results show, until their context shows);
#   - the build-time share: the search step's time against the rest of the build.
#   bench/search.sh [DOCS]        (default 10000)
# Needs: python3, chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
out=bench/out
shared=${SHARED:-../shared}
mkdir -p "$out"
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium"; exit 2; }

if [ ! -f "$out/corpus-$docs/.done" ]; then
  rm -rf "$out/corpus-$docs"
  python3 "$shared/tools/gen_corpus.py" --out "$out/corpus-$docs" --docs "$docs"
  touch "$out/corpus-$docs/.done"
fi
swift build -c release --product congkhai >/dev/null
bin=.build/release/congkhai
site="$out/search-site"
# The measured build starts after the previous site's files are gone and then SETTLE seconds (default 35), as in
# bench/full-build.sh: ext4 without a journal skips inodes deleted in the last seconds when it allocates new ones,
# which slowed the search step (10,000 context files) more than the rest and made its share swing from run to run.
settle() { while ls -d "$out"/.search-site.old-* >/dev/null 2>&1; do sleep 1; done; sync; sleep "${SETTLE:-35}"; }

# congkhai exits 1 when it built the site but left out files with errors (the
# generator gives some procedures the same code): that still counts.
build() { settle; "$bin" build --no-cache --content "$out/corpus-$docs" --output "$site" --quiet --timings >"$out/search-build.log" 2>&1 || [ $? -le 1 ]; }
build # first build, not measured, as in bench/run.sh
echo "corpus: $docs documents; $(nproc) cores"
# The share swings with the file system from one build to the next: three measured builds, and their median.
shares=()
for round in 1 2 3; do
  build
  total=$(grep -oE '(in|trong) [0-9.]+ s' "$out/search-build.log" | grep -oE '[0-9.]+' | head -1)
  # the search step, and the part of the Markdown step that gathers the index's words and passages as it renders
  own=$(grep -E '^ +[0-9.]+ s +writing the search index' "$out/search-build.log" | grep -oE '[0-9.]+' | head -1)
  part=$(grep -E "s of it: the search index's words and passages" "$out/search-build.log" | grep -oE '[0-9.]+' | head -1)
  step=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2] or 0):.2f}')" "$own" "${part:-0}")
  share=$(python3 -c "import sys; t, s = float(sys.argv[1]), float(sys.argv[2]); print(f'{100 * s / (t - s):.1f}')" "$total" "$step")
  echo "build $round: $total s, of which the search index $step s: it adds $share% to the build"
  shares+=("$share")
done
echo "the search index adds $(printf '%s\n' "${shares[@]}" | sort -n | sed -n 2p)% to the build (median of 3)"

python3 - "$site" <<'PY'
import gzip, os, sys
root = os.path.join(sys.argv[1], "tim-kiem", "chi-muc")
counts = {}
for folder, _, files in os.walk(root):
    part = os.path.relpath(folder, root).split(os.sep)[0]
    for name in files:
        data = open(os.path.join(folder, name), "rb").read()
        c = counts.setdefault(part, [0, 0, 0])
        c[0] += 1; c[1] += len(data); c[2] += len(gzip.compress(data, 9))
names = {".": "list and filters (muc-luc.js)", "tu": "words (tu/)", "vb": "document rows (vb/)", "nd": "passages for context (nd/)"}
print("index files:")
for part, (n, raw, gz) in sorted(counts.items()):
    print(f"  {names.get(part, part):32} {n:6} files {raw / 1e6:8.1f} MB  gzip -9 {gz / 1e6:7.1f} MB")
n, raw, gz = (sum(c[i] for c in counts.values()) for i in range(3))
print(f"  {'total':32} {n:6} files {raw / 1e6:8.1f} MB  gzip -9 {gz / 1e6:7.1f} MB")
PY

# Real queries: common words, an accentless phrase, identifiers, a rare word, a filter.
queries=(
  "q=ke+hoach"
  "q=quyet+dinh+dan+van"
  "q=so+thong+tin+va+truyen+thong+nam+2024"
  "q=b%C3%A1o+c%C3%A1o+k%E1%BA%BFt+qu%E1%BA%A3+th%E1%BB%B1c+hi%E1%BB%87n"
  "q=chuyen+doi+so&nam=2023"
  "q=thuy+loi"
  "q=545%2FKH"
  "q=kh-stttt"
  "q=1.004492"
  "q=an+toan+thong+tin+mang&loai=bao-cao"
)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
page="file://$PWD/$site/tim-kiem/index.html"
printf '%-52s %8s %9s %9s %9s %9s\n' "first query (from disk, fresh browser)" results rank-ms list-ms full-ms "KB gzip"
for q in "${queries[@]}"; do
  best=""
  for run in 1 2 3; do
    rm -rf "$profile"/*
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" --timeout=4000 \
      --dump-dom "$page?$q" 2>/dev/null >"$out/search-dom.html" || true
    line=$(python3 - "$out/search-dom.html" "$site" <<'PY'
import gzip, os, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
site = sys.argv[2]
attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', dom.split('id="search-results"', 1)[1].split(">", 1)[0]))
status = re.search(r'id="search-status"[^>]*>([^<]*)<', dom).group(1)
count = re.match(r"[\d.,]+", status)
files = ["tim-kiem/index.html", "assets/style.css", "assets/search.js"]
files += ["tim-kiem/" + src for src in re.findall(r'<script src="(chi-muc/[^"]+)"', dom)]
size = sum(len(gzip.compress(open(os.path.join(site, f), "rb").read(), 9)) for f in files)
print(count.group(0) if count else "0", attrs.get("rank-ms", "?"), attrs.get("results-ms", "?"), attrs.get("ms", "?"),
      f"{size / 1024:.0f}", len(files))
PY
)
    read -r found rank list full kb nfiles <<<"$line"
    # keep the fastest of three runs (the machine is shared)
    if [ -z "$best" ] || [ "$full" -lt "$(cut -d' ' -f4 <<<"$best")" ]; then best="$found $rank $list $full $kb $nfiles"; fi
  done
  read -r found rank list full kb nfiles <<<"$best"
  printf '%-52s %8s %9s %9s %9s %9s  (%s files)\n' "$(python3 -c 'import sys,urllib.parse;print(urllib.parse.unquote_plus(sys.argv[1]))' "$q")" \
    "$found" "$rank" "$list" "$full" "$kb" "$nfiles"
done

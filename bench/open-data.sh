#!/usr/bin/env bash
# What the open data costs at scale: builds a synthetic corpus with --timings
# and reports the open-data step's time and share of the build, and the bytes
# of the CSV files, the JSON twins and the JSON-LD blocks in the pages.
#   bench/open-data.sh [DOCS]        (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
out=bench/out
shared=${SHARED:-../shared}
mkdir -p "$out"
corpus="$out/corpus-open-data-$docs"
[ -f "$corpus/.done" ] || { rm -rf "$corpus"; python3 "$shared/tools/gen_corpus.py" --out "$corpus" --docs "$docs"; touch "$corpus/.done"; }
swift build -c release --product congkhai >/dev/null
bin=.build/release/congkhai
site="$out/site-open-data"
rm -rf "$site"
# The first build writes the site; the second is the one measured (a warm file cache, as bench/run.sh does).
"$bin" build --content "$corpus" --output "$site" --quiet >/dev/null 2>&1 || [ $? -le 1 ]
"$bin" build --content "$corpus" --output "$site" --quiet --timings >"$out/open-data.log" 2>&1 || [ $? -le 1 ]
while ls -d "$out"/.site-open-data.old-* >/dev/null 2>&1; do sleep 1; done
echo "corpus: $docs documents; $(nproc) cores"
grep -E '^ +[0-9.]+ s' "$out/open-data.log" | sed 's/^/    /'
python3 - "$out/open-data.log" "$site" <<'PY'
import os, re, sys
log, site = open(sys.argv[1]).read(), sys.argv[2]
steps = {m.group(2).strip(): float(m.group(1)) for m in re.finditer(r"^ +([0-9.]+) s +(.+)$", log, re.M)}
total = sum(steps.values())
step = next((v for k, v in steps.items() if k.startswith("writing open data")), 0.0)
print(f"open-data step: {step:.2f} s of {total:.2f} s in steps ({100 * step / total:.1f}%)")
csv = sum(os.path.getsize(os.path.join(site, "api", f)) for f in ("documents.csv", "procedures.csv")
          if os.path.exists(os.path.join(site, "api", f)))
twins, ld, html, pages = 0, 0, 0, 0
for folder, _, files in os.walk(site):
    if "index.json" in files:
        twins += os.path.getsize(os.path.join(folder, "index.json"))
        text = open(os.path.join(folder, "index.html"), encoding="utf-8").read()
        html += len(text.encode()); pages += 1
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            ld += len(block.encode())
mb = lambda n: f"{n / 1e6:.1f} MB"
print(f"CSV: {mb(csv)}; JSON twins: {pages} files, {mb(twins)}; "
      f"JSON-LD: {mb(ld)} in {mb(html)} of document pages ({100 * ld / max(html, 1):.1f}%, {ld // max(pages, 1)} B a page)")
PY

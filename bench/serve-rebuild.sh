#!/usr/bin/env bash
# The preview's rebuild after one document changes, side by side with a full
# `congkhai build` of the same corpus (its peer: the same work, to disk).
#   bench/serve-rebuild.sh [DOCS]      (default 10000)
#   CORPUS=/tmp/copy-of-a-corpus bench/serve-rebuild.sh   (one document of it is changed)
# Prints the time to make the edited page (the preview serves it first, from the
# last build), the time from the change to that page being served (polling
# interval and debounce included), the preview's rebuild of the whole site that
# follows, and its ratio to the peer.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
out=bench/out
shared=${SHARED:-../shared}
corpus=${CORPUS:-$out/serve-corpus-$docs}
port=${PORT:-18765}
mkdir -p "$out"
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl"; exit 2; }

if [ -z "${CORPUS:-}" ] && [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  python3 "$shared/tools/gen_corpus.py" --out "$corpus" --docs "$docs" >/dev/null
  touch "$corpus/.done"
fi
swift build -c release --product congkhai >/dev/null
bin=.build/release/congkhai

version() { curl -s "http://127.0.0.1:$port/__congkhai/version" || echo 0; }

"$bin" serve --content "$corpus" --port "$port" >"$out/serve.log" 2>"$out/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ "$(version)" = "1" ] && break; sleep 0.5; done
[ "$(version)" = "1" ] || { echo "the preview did not finish its first build"; tail "$out/serve.err"; exit 1; }

doc=$(find "$corpus" -name '*.md' | sort | sed -n 1p)
# An edit to the text alone, in the middle of the body (after the signature it would change the footer):
# the preview serves the page first (build 2), then rebuilds the site (build 3).
python3 - "$doc" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
middle = text.find("\n\n", len(text) // 2)
middle = len(text) if middle < 0 else middle
open(path, "w", encoding="utf-8").write(text[:middle] + "\n\nMột đoạn thêm vào để đo thời gian dựng lại." + text[middle:])
PY
start=$(date +%s.%N)
for _ in $(seq 1 1200); do [ "$(version)" -ge 2 ] && break; sleep 0.02; done
served=$(date +%s.%N)
[ "$(version)" -ge 2 ] || { echo "no rebuild after the change"; exit 1; }
first_line=$(grep -E '^(Build|Lần dựng) 2: ' "$out/serve.log" || true)
if grep -qE '(first|làm trước)' <<<"$first_line"; then
  for _ in $(seq 1 1200); do [ "$(version)" -ge 3 ] && break; sleep 0.05; done
  rebuilt_at=$(date +%s.%N)
  rebuild=$(sed -n 's/^\(Build\|Lần dựng\) 3: .* \(in\|trong\) \([0-9.]*\) s.*/\3/p' "$out/serve.log")
  page=$(sed -n 's/^\(Build\|Lần dựng\) 2: .* \(in\|trong\) \([0-9.]*\) s.*/\3/p' "$out/serve.log")
else
  rebuilt_at=$served
  rebuild=$(sed -n 's/^\(Build\|Lần dựng\) 2: .* \(in\|trong\) \([0-9.]*\) s.*/\3/p' "$out/serve.log")
  page=$rebuild
fi
kill "$server"; wait "$server" 2>/dev/null || true
trap - EXIT

# The peer: the same corpus built to disk (exit status 1, files left out, still counts).
rm -rf "$out/serve-peer-site"
peer_start=$(date +%s.%N)
"$bin" build --content "$corpus" --output "$out/serve-peer-site" --quiet >/dev/null 2>&1 || [ $? -le 1 ]
peer_end=$(date +%s.%N)
rm -rf "$out/serve-peer-site"

python3 - "$rebuild" "$start" "$served" "$peer_start" "$peer_end" "$page" "$rebuilt_at" <<'PY'
import sys
rebuild, start, served, peer_start, peer_end, page, rebuilt_at = map(float, sys.argv[1:])
peer = peer_end - peer_start
print(f"edited page made (from the last build) {page:6.2f} s")
print(f"change -> edited page served     {served - start:6.2f} s  (includes ~0.3 s polling and ~0.3 s debounce)")
print(f"preview rebuild of the site      {rebuild:6.2f} s")
print(f"change -> whole site rebuilt     {rebuilt_at - start:6.2f} s")
print(f"peer: congkhai build to disk     {peer:6.2f} s")
print(f"ratio preview rebuild / build    {rebuild / peer:6.2f}")
PY

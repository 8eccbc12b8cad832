#!/usr/bin/env bash
# The preview's rebuild after one document changes, side by side with a full
# `congkhai build` of the same corpus (its peer: the same work, to disk).
#   bench/serve-rebuild.sh [DOCS]      (default 10000)
#   CORPUS=/tmp/copy-of-a-corpus bench/serve-rebuild.sh   (one document of it is changed)
# Prints the preview's own build time, the time from the change to the new
# page being served (polling interval and debounce included), and the ratio.
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
start=$(date +%s.%N)
printf '\nMột đoạn thêm vào để đo thời gian dựng lại.\n' >>"$doc"
for _ in $(seq 1 1200); do [ "$(version)" = "2" ] && break; sleep 0.05; done
served=$(date +%s.%N)
[ "$(version)" = "2" ] || { echo "no rebuild after the change"; exit 1; }
kill "$server"; wait "$server" 2>/dev/null || true
trap - EXIT
rebuild=$(sed -n 's/^\(Build\|Lần dựng\) 2: .* \(in\|trong\) \([0-9.]*\) s.*/\3/p' "$out/serve.log")

# The peer: the same corpus built to disk (exit status 1, files left out, still counts).
rm -rf "$out/serve-peer-site"
peer_start=$(date +%s.%N)
"$bin" build --content "$corpus" --output "$out/serve-peer-site" --quiet >/dev/null 2>&1 || [ $? -le 1 ]
peer_end=$(date +%s.%N)
rm -rf "$out/serve-peer-site"

python3 - "$rebuild" "$start" "$served" "$peer_start" "$peer_end" <<'PY'
import sys
rebuild, start, served, peer_start, peer_end = map(float, sys.argv[1:])
peer = peer_end - peer_start
print(f"preview rebuild (in memory)      {rebuild:6.2f} s")
print(f"change -> new version served     {served - start:6.2f} s  (includes ~0.3 s polling and ~0.3 s debounce)")
print(f"peer: congkhai build to disk     {peer:6.2f} s")
print(f"ratio preview rebuild / build    {rebuild / peer:6.2f}")
PY

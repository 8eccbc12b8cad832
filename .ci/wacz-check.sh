#!/usr/bin/env bash
# Archives the built sample site and checks the WACZ with Webrecorder's own tools: `wacz validate`
# (PyPI wacz) must accept it, and pywb (PyPI pywb), bound to 127.0.0.1, must replay a document page
# from it offline. Installs both into a virtual environment the first time.
#   .ci/wacz-check.sh [SITE]        (default Site, built by `congkhai build`)
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-Site}
bin=.build/release/congkhai
[ -x "$bin" ] || swift build -c release --product congkhai
[ -f "$site/api/documents.json" ] || { echo "wacz-check: $site/ is not a built site; run congkhai build first"; exit 2; }

venv=${WACZ_VENV:-$HOME/.cache/congkhai/wacz-venv}
if [ ! -x "$venv/bin/wacz" ] || [ ! -x "$venv/bin/wayback" ]; then
  python3 -m venv "$venv" 2>/dev/null || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q wacz pywb
fi

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" archive --site "$site" --output "$work/out" --date 2024-06-30 --no-registry >"$work/archive.log"
wacz=$(ls "$work"/out/*.wacz)
"$bin" verify "$wacz" >/dev/null
"$venv/bin/wacz" validate -f "$wacz" | tee "$work/validate.log" | tail -1
grep -q "Validation succeeded" "$work/validate.log"

# pywb replays from a collection folder; --unpack-wacz copies the WARC in and indexes it.
(cd "$work" && "$venv/bin/wb-manager" init snap >/dev/null 2>&1 && "$venv/bin/wb-manager" add --unpack-wacz snap "$wacz" >/dev/null 2>&1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec "$venv/bin/wayback" --bind 127.0.0.1 -p "$port" >"$work/pywb.log" 2>&1) &
server=$!

# the first document of the catalogue, under the address the WACZ records use
read -r page title < <(python3 - "$site/api/documents.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
docs = data["documents"] if isinstance(data, dict) else data
url = docs[0]["url"]
print((url + "index.html") if url.endswith("/") else url, docs[0]["title"])
PY
)
base=$(python3 - "$wacz" <<'PY'
import json, sys, zipfile
main = json.loads(zipfile.ZipFile(sys.argv[1]).read("datapackage.json"))["mainPageURL"]
print(main[:-len("index.html")])
PY
)
for _ in $(seq 1 30); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/snap/20240630000000id_/$base$page" >"$work/page.html" \
  || { echo "wacz-check: pywb did not replay $base$page"; tail -20 "$work/pywb.log"; exit 1; }
grep -qF "$title" "$work/page.html" || { echo "wacz-check: the replayed page does not show the document '$title'"; exit 1; }
# a snapshot limited to the first document's year must be a valid WACZ too
year=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print((d["documents"] if isinstance(d, dict) else d)[0]["year"])' \
  "$site/api/documents.json")
"$bin" archive --site "$site" --output "$work/year" --date 2024-06-30 --year "$year" --no-registry >/dev/null
"$venv/bin/wacz" validate -f "$work"/year/*.wacz | grep -q "Validation succeeded" \
  || { echo "wacz-check: the WACZ limited to $year is not valid"; exit 1; }
echo "wacz-check: pywb replayed $page from the WACZ, showing \"$title\""

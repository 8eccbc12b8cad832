#!/usr/bin/env bash
# Serves a published release with deploy/nginx/congkhai.conf on a real nginx
# (127.0.0.1, a free port, everything in a temporary folder) and checks pages,
# clean URLs, the 404, a redirect, content types, gzip_static and headers.
# Usage: deploy/check-nginx.sh   (from anywhere; builds the sample site first)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

for tool in nginx:nginx-light curl:curl; do
  command -v "${tool%%:*}" >/dev/null || command -v "/usr/sbin/${tool%%:*}" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

congkhai=${CONGKHAI:-.build/release/congkhai}
[ -x "$congkhai" ] || swift build -c release --product congkhai
work=$(mktemp -d /tmp/congkhai-nginx.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The sample site, with files of the kinds other features add (feed, CSV,
# WACZ archive, a fingerprinted asset) and a redirect page of the shape the
# build writes for redirects.yml, so that their headers are checked too.
"$congkhai" build --quiet --output "$work/Site" >/dev/null
site="$work/Site"
[ -f "$site/feed.atom" ] || { echo "check-nginx: the sample site has no feed.atom (is base_url set in Content/site.yml?)"; exit 1; }
printf 'so,nam,trich_yeu\n5/KH-STTTT,2024,Kế hoạch\n' > "$site/api/van-ban.csv"
printf 'PK\003\004' > "$site/snapshot.wacz"
printf 'body{margin:0}\n' > "$site/assets/style.0123abcd.css"
mkdir -p "$site/van-ban/2019/so-cu"
cat > "$site/van-ban/2019/so-cu/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang đã chuyển địa chỉ</title>
<link rel="canonical" href="../../../index.html"><meta http-equiv="refresh" content="0; url=../../../index.html"></head>
<body><p>Trang này đã chuyển đến địa chỉ mới: <a href="../../../index.html">trang chủ</a></p></body></html>
HTML
"$congkhai" publish --to "$work/www" --site "$site" >/dev/null 2>&1

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|listen 80;|listen 127.0.0.1:$port;|" -e '/listen \[::\]:80;/d' \
    -e "s|root /var/www/congkhai/current;|root $work/www/current;|" deploy/nginx/congkhai.conf > "$work/congkhai.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 64; }
http {
    access_log $work/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/congkhai.conf;
}
CONF
[ "$(id -u)" = 0 ] && sed -i '1i user root;' "$work/nginx.conf"
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

base="http://127.0.0.1:$port"
failures=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}
headers() { curl -s -D - -o /dev/null "$@"; }
has() { # url, header line pattern (case-insensitive), curl options...
  local url=$1 pattern=$2; shift 2
  headers "$@" "$base$url" | tr -d '\r' | grep -qiE "$pattern"
}
status() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$1")" = "$2" ]; }

page=$(grep -o '"url": "van-ban/[^"]*"' "$site/api/documents.json" | head -1 | cut -d'"' -f4)
check "home page 200, HTML in UTF-8"                 has / '^content-type: text/html; charset=utf-8$'
check "a document by its clean URL ($page)"          status "/$page" 200
check "the document page is the built one"           bash -c "curl -s '$base/$page' | cmp -s - '$site/${page}index.html'"
check "folder without / is redirected (relative)"    has "/${page%/}" "^location: /${page//\//\\/}$"
check "unknown address: 404"                         status /khong-co-trang-nay/ 404
check "the build wrote 404.html"                    test -f "$site/404.html"
check "unknown address shows the site's 404 page"    bash -c "curl -s '$base/khong-co/' | cmp -s - '$site/404.html'"
check "a deep unknown address shows it too"          bash -c "curl -s '$base/a/b/c/d.html' | cmp -s - '$site/404.html'"
check "the site marker is not served"                status /.congkhai-site 404
check "redirect page served with its meta refresh"   bash -c "curl -s '$base/van-ban/2019/so-cu/' | grep -q 'http-equiv=\"refresh\"'"
check "JSON catalogue: application/json, UTF-8"      has /api/documents.json '^content-type: application/json; charset=utf-8$'
check "CSV: text/csv, UTF-8"                         has /api/van-ban.csv '^content-type: text/csv; charset=utf-8$'
check "open data CSV: text/csv, UTF-8"               has /api/documents.csv '^content-type: text/csv; charset=utf-8$'
check "a page's JSON twin: application/json, UTF-8"  has "/${page}index.json" '^content-type: application/json; charset=utf-8$'
check "a document page carries its JSON-LD"         bash -c "curl -s '$base/$page' | grep -q '<script type=\"application/ld+json\">'"
check "Atom feed: application/atom+xml, UTF-8"       has /feed.atom '^content-type: application/atom\+xml; charset=utf-8$'
check "sitemap: XML"                                has /sitemap.xml '^content-type: (application|text)/xml'
check "robots.txt: text/plain"                       has /robots.txt '^content-type: text/plain'
check "disclosure catalogue CSV: text/csv"           has /api/danh-muc-cong-khai.csv '^content-type: text/csv; charset=utf-8$'
check "WACZ archive: application/wacz"               has /snapshot.wacz '^content-type: application/wacz$'
check "stylesheet: text/css"                         has /assets/style.css '^content-type: text/css'
check "gzip_static: .gz sibling sent when accepted"  has / '^content-encoding: gzip$' -H 'Accept-Encoding: gzip'
check "gzip_static: Vary: Accept-Encoding"           has / '^vary: accept-encoding$' -H 'Accept-Encoding: gzip'
check "gzip body is the page"                        bash -c "curl -s -H 'Accept-Encoding: gzip' '$base/' | gzip -dc | cmp -s - '$site/index.html'"
check "no gzip when not accepted"                    bash -c "! (curl -s -D - -o /dev/null '$base/' | grep -qi '^content-encoding')"
check "pages revalidated: Cache-Control no-cache"    has / '^cache-control: no-cache$'
check "assets: cached an hour"                       has /assets/style.css '^cache-control: public, max-age=3600$'
check "fingerprinted assets: immutable for a year"   has /assets/style.0123abcd.css '^cache-control: public, max-age=31536000, immutable$'
check "Content-Security-Policy default-src 'self'"   has / "^content-security-policy: default-src 'self'"
check "CSP on the 404 too"                           has /khong-co/ "^content-security-policy: default-src 'self'"
check "X-Content-Type-Options: nosniff"              has / '^x-content-type-options: nosniff$'
check "Referrer-Policy"                              has / '^referrer-policy: strict-origin-when-cross-origin$'
check "no server version (server_tokens off)"        has / '^server: nginx$'

# A new publish is served at once, with no reload: nginx follows the switched link.
echo '<!DOCTYPE html><html lang="vi"><title>Bản mới</title></html>' > "$site/index.html"
"$congkhai" publish --to "$work/www" --site "$site" >/dev/null 2>&1
check "a new publish is served without reloading nginx" bash -c "curl -s '$base/' | grep -q 'Bản mới'"
"$congkhai" rollback --to "$work/www" >/dev/null
check "a rollback is served without reloading nginx" bash -c "curl -s '$base/' | cmp -s - '$work/www/releases/$(ls "$work/www/releases" | head -1)/index.html'"

if [ "$failures" -gt 0 ]; then
  echo "check-nginx: $failures check(s) failed; nginx error log:"; cat "$work/error.log"; exit 1
fi
echo "check-nginx: all checks passed (nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'), port $port)"

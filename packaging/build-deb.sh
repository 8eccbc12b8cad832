#!/usr/bin/env bash
# Builds congkhai_<version>_<arch>.deb in the repository's folder: `make install` into a staging folder with
# PREFIX=/usr, and dpkg-deb. Install it on Debian 12 with: apt-get install ./congkhai_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/CongkhaiSite/Output/SiteMarker.swift)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
make install PREFIX=/usr DESTDIR="$stage/root" >/dev/null
gzip -9n "$stage/root/usr/share/man/man1/congkhai.1"
install -d "$stage/root/DEBIAN" "$stage/root/usr/share/doc/congkhai"
cp README.md "$stage/root/usr/share/doc/congkhai/README.md"
size=$(du -sk "$stage/root/usr" | cut -f1)
cat > "$stage/root/DEBIAN/control" <<CONTROL
Package: congkhai
Version: $version
Architecture: $arch
Maintainer: congkhai <congkhai@localhost>
Installed-Size: $size
Depends: libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6, libcurl4, zlib1g, libzstd1, libmimalloc2.0, libc6, libstdc++6, libgcc-s1
Recommends: pandoc, poppler-utils
Suggests: tesseract-ocr, tesseract-ocr-vie
Section: web
Priority: optional
Description: public-disclosure website builder for Vietnamese government departments
 congkhai builds a department's public-disclosure website (công khai thông tin)
 from its documents written in Markdown: plans, reports, decisions, official
 letters and administrative procedures, in the layout of Nghị định 30/2020/NĐ-CP.
 Messages are in Vietnamese (English with --lang en).
CONTROL
out="congkhai_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage/root" "$out" >/dev/null
echo "$out"

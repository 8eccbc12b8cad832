#!/usr/bin/env bash
# The programs `congkhai import` runs, so that its tests run in CI instead of
# being skipped: pandoc (Word), poppler-utils (PDF), Tesseract with its
# Vietnamese model (scans).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in pandoc poppler-utils tesseract-ocr tesseract-ocr-vie; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

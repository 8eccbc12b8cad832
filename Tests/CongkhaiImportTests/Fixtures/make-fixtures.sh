#!/usr/bin/env bash
# Makes the committed PDF fixtures from the Markdown in source/ (our own text
# about a fictional department). Run it again after editing a source file.
#   text-layer PDF: pandoc (HTML) → Chromium headless (print to PDF), with a
#                   running header and page numbers as a printed document has;
#   scanned PDF:    the text PDF rendered with pdftoppm, pages put back with
#                   img2pdf as images only (no text layer), as a scanner does.
# Needs: pandoc, chromium, poppler-utils, img2pdf (apt-get install -y ...).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/style.html" <<'CSS'
<style>
@page { size: A4; margin: 22mm 18mm 20mm 28mm;
  @top-center { content: counter(page); font: 12pt "Liberation Serif"; }
  @bottom-center { content: "Sở Thông tin và Truyền thông tỉnh Sông Lam"; font: italic 9pt "Liberation Serif"; }
}
@page :first { @top-center { content: none; } }
body { font: 14pt/1.35 "Liberation Serif", serif; text-align: justify; max-width: none; margin: 0; padding: 0; }
p { margin: 0 0 6pt; text-indent: 0; }
table { border-collapse: collapse; width: 100% !important; margin: 0 0 12pt; border: none !important; }
td, th, tr, tbody, thead { border: none; }
td, th { vertical-align: top; padding: 2pt 4pt; text-align: center; }
table:has(thead) td, table:has(thead) th { border: 1px solid #000; }
h1, header { display: none; }
table:first-of-type { font-size: 11.5pt; }
table:first-of-type td:first-child { width: 44%; }
ul { list-style-type: "- "; padding-left: 0; margin: 0 0 6pt 1.2em; }
</style>
CSS

# A one-page letter has no running footer.
sed '/@bottom-center/d' "$work/style.html" > "$work/letter.html"

text_pdf() { # source.md style → pdf/name.pdf
  local name; name=$(basename "$1" .md)
  pandoc "$1" -s --metadata pagetitle="$name" -H "$2" -o "$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="pdf/$name.pdf" "file://$work/$name.html" 2>/dev/null
}

mkdir -p pdf
text_pdf source/ke-hoach-chuyen-doi-so.md "$work/style.html"
text_pdf source/bao-cao-an-toan-thong-tin.md "$work/style.html"
text_pdf source/cong-van-chu-ky-so.md "$work/letter.html"

# The official letter again as a scan: 200 dpi greyscale page images, no text.
pdftoppm -r 200 -gray -png pdf/cong-van-chu-ky-so.pdf "$work/page"
img2pdf "$work"/page*.png -o pdf/cong-van-chu-ky-so-scan.pdf

# The report's text as a PDF copy-paste gives it: a hard line break and a
# blank line after every printed line.
pdftotext -enc UTF-8 pdf/bao-cao-an-toan-thong-tin.pdf - | sed -e '/^\f*$/d' -e 's/\f//' -e 's/$/  \n/' > text/bao-cao-an-toan-thong-tin.txt

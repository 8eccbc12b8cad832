#!/usr/bin/env bash
# Reading must be linear in a document's size. For each hostile shape (PDF-shaped
# lines, one long paragraph, page-break-split paragraphs) this builds a one-document
# site at size N and at 4N and prints the wall times side by side with their ratio:
# about 4 is linear, about 16 quadratic. Usage: bench/hostile.sh [N] (default 16000).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-16000}"
swift build -c release --product congkhai >/dev/null
bin=.build/release/congkhai
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

generate() { # shape count folder
  mkdir -p "$3"
  printf 'name: Sở Thông tin và Truyền thông tỉnh Sông Lam\n' >"$3/site.yml"
  python3 - "$1" "$2" "$3/van-ban.md" <<'PY'
import sys
shape, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = '---\ntype: TB\nnumber: "1/TB-STTTT"\ndate: 2024-01-02\ntitle: Thử\n---\n\n'
if shape == "pdf":
    body = "\n\n".join(f"dòng in thứ {i} của một báo cáo trích từ PDF  " for i in range(count))
elif shape == "paragraph":
    body = "chữ và số 12 không dấu chấm " * (count * 2)
else:
    body = "Mở đầu của câu\n\n" + "\n\n".join(f"phần {i} của một câu bị ngắt trang" for i in range(count))
open(path, "w").write(head + body + "\n")
PY
}

seconds() { # folder
  local start end
  start=$(date +%s.%N)
  "$bin" build --content "$1" --output "$1-site" --quiet >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

printf '%-10s %10s %10s %10s %7s\n' shape N "time N" "time 4N" ratio
for shape in pdf paragraph pagebreaks; do
  generate "$shape" "$n" "$work/$shape-1"
  generate "$shape" $((n * 4)) "$work/$shape-4"
  t1=$(seconds "$work/$shape-1")
  t4=$(seconds "$work/$shape-4")
  printf '%-10s %10d %9.2fs %9.2fs %7.1f\n' "$shape" "$n" "$t1" "$t4" "$(echo "$t4 / $t1" | bc -l)"
done

#!/usr/bin/env bash
# Opens the seed round's 結果一覧 XLSX in LibreOffice headless, converts it to CSV,
# and checks that every item row carries the marks kansa's own CSV has.
#
#   scripts/xlsx-libreoffice.sh [OUT_DIR]   (default: a new temporary folder)
#
# Skips, saying so, where LibreOffice is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null; then
    echo "xlsx-libreoffice: skipped, no soffice installed"
    exit 0
fi
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
KANSA_DUMP=$out cargo test -q --test domain reports::write_the_seed_reports -- --ignored >/dev/null

# 44 = comma, 34 = double quote, 76 = UTF-8, 1 = the first line is a row like any other.
soffice --headless -env:UserInstallation="file://$out/lo-profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
    --outdir "$out/lo" "$out/matrix.xlsx" >"$out/soffice.log" 2>&1
rm -rf "$out/lo-profile"

python3 - "$out/matrix-kansa.csv" "$out/lo/matrix.csv" <<'PY'
import csv, sys

kansa_rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header, rows = kansa_rows[0], kansa_rows[1:]
expected = {row[1]: row[3:] for row in rows}
found = {}
for row in csv.reader(open(sys.argv[2], encoding="utf-8-sig")):
    if row and row[0] in expected:
        found[row[0]] = row[2:2 + len(header) - 3]
bad = [item for item in expected if found.get(item) != expected[item]]
if bad:
    for item in bad:
        print(f"xlsx-libreoffice: {item}: LibreOffice shows {found.get(item)}, kansa wrote {expected[item]}")
    sys.exit(1)
print(f"xlsx-libreoffice: LibreOffice opened the XLSX; all {len(expected)} item rows "
      f"have kansa's marks for {', '.join(header[3:])}")
PY

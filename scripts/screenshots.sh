#!/usr/bin/env bash
# Screenshots of the demo report page for the README: builds the demo (as `make demo` does) into a temporary
# directory, then with Debian's chromium (headless) and poppler-utils writes
#   docs/images/report-390.png    the page on a 390 px wide phone screen
#   docs/images/report-1400.png   the page on a 1400 px wide desktop screen
#   docs/images/report-print-1.png the first page of the printed A4 PDF
# Installs chromium and poppler-utils with apt-get when they are missing (sudo when not root).
# Usage: scripts/screenshots.sh [--height PX]   (screenshot height, default 2600)
set -euo pipefail
cd "$(dirname "$0")/.."
height=2600
if [ "${1:-}" = "--height" ]; then height="$2"; fi

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing="$missing fonts-dejavu-core"
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing:$missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

make -s build
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./scripts/demo.sh --out "$work" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
page="file://$work/report.html"
out=docs/images
mkdir -p "$out"

shot() { # width height file
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1,$2" \
    --screenshot="$3" "$page" >/dev/null 2>&1
  echo "wrote $3"
}
shot 390 "$height" "$out/report-390.png"
shot 1400 "$height" "$out/report-1400.png"

chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "$page" >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$work/report.pdf" "$out/report-print-1"
echo "wrote $out/report-print-1.png ($(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p') A4 pages in all)"

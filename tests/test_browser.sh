#!/bin/sh
# Real-browser test: index.html opened in headless Chromium renders the
# claims table and the SVG plots, with no console errors.  The screenshot is
# kept as a test artefact in $BUILD/test-artifacts/report.png.
INFCERT=${INFCERT:-build/infcert}
BUILD=${BUILD:-build}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ]; then echo "FAIL browser: chromium is not installed (apt-get install chromium)"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
art="$BUILD/test-artifacts"; mkdir -p "$art"
"$INFCERT" report tests/data/claims/report.claims --out "$tmp/r" 2> /dev/null
[ -s "$tmp/r/index.html" ] || { echo "FAIL browser: no report"; exit 0; }
url="file://$(cd "$tmp/r" && pwd)/index.html"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
timeout 120 "$CHROMIUM" $flags --user-data-dir="$tmp/p1" --enable-logging=stderr --v=0 --dump-dom "$url" > "$tmp/dom" 2> "$tmp/log"
if grep -q '<table id="claims">' "$tmp/dom" && grep -q 'class="refuted"' "$tmp/dom"; then echo "ok browser_renders_claims_table"
else echo "FAIL browser_renders_claims_table: $(head -c 300 "$tmp/log")"; fi
n=$(grep -o '<svg' "$tmp/dom" | wc -l)
[ "$n" -ge 3 ] && echo "ok browser_renders_plots ($n svg)" || echo "FAIL browser_renders_plots: $n"
if grep -i 'CONSOLE' "$tmp/log" | grep -qi 'error\|uncaught'; then echo "FAIL browser_no_console_errors: $(grep -i CONSOLE "$tmp/log" | head -3)"
else echo "ok browser_no_console_errors"; fi
timeout 120 "$CHROMIUM" $flags --user-data-dir="$tmp/p2" --hide-scrollbars --window-size=1200,1600 --screenshot="$tmp/shot.png" "$url" > /dev/null 2>&1
if [ -s "$tmp/shot.png" ] && [ "$(head -c 8 "$tmp/shot.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
  cp "$tmp/shot.png" "$art/report.png"; echo "ok browser_screenshot ($art/report.png)"
else echo "FAIL browser_screenshot"; fi

#!/bin/sh
# Real-browser test: index.html opened in headless Chromium renders the
# claims table and the SVG plots, with no console errors.  The screenshot is
# kept as a test artefact in $BUILD/test-artifacts/report.png; the plots of
# items 1, 4 and 6 are rendered from tests/data/claims/plots.claims
# (screenshot: plots.png).
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

# The plots of items 1, 4 and 6 (tests/data/claims/plots.claims): the
# browser builds every SVG (each plot's series are in the DOM by name) and
# keeps each legend below its plot box; screenshot in $art/plots.png.
"$INFCERT" report tests/data/claims/plots.claims --out "$tmp/p" 2> /dev/null
purl="file://$(cd "$tmp/p" && pwd)/index.html"
timeout 120 "$CHROMIUM" $flags --user-data-dir="$tmp/p3" --dump-dom "$purl" > "$tmp/pdom" 2> /dev/null
n=$(grep -o '<svg xmlns' "$tmp/pdom" | wc -l)
[ "$n" -eq 6 ] && echo "ok browser_renders_story_plots ($n svg)" || echo "FAIL browser_renders_story_plots: $n svg, expected 6"
miss=""
for name in "certified partial product at N = 10^k" "binary64 loop" "binary64 loop stalls" "smallest positive double" \
            "certified limit" "V = 50257" "g* = " "marginal / max path (enclosure)" "certified lower bound c r^(n-1), rate r = 2" \
            "certified upper bound pmin^-n, rate 1/pmin = 2"; do
  grep -qF "data-name=\"$name" "$tmp/pdom" || miss="$miss [$name]"
done
[ -z "$miss" ] && echo "ok browser_story_plot_series_in_dom" || echo "FAIL browser_story_plot_series_in_dom: missing$miss"
# legends outside the data: every legend entry lies below the plot box
"${PYTHON:-/usr/bin/python3}" - "$tmp/pdom" <<'PY' && echo "ok browser_legends_below_plot_box" || echo "FAIL browser_legends_below_plot_box"
import re, sys
dom = open(sys.argv[1]).read()
svgs = re.findall(r'<svg xmlns.*?</svg>\s*(?:<g class="legend">.*?</g>\s*)*</svg>', dom, re.S)
assert len(svgs) == 6, len(svgs)
for s in svgs:
    box = re.search(r'<rect x="[0-9.]+" y="([0-9.]+)" width="[0-9.]+" height="([0-9.]+)" fill="none"', s)
    bottom = float(box.group(1)) + float(box.group(2))
    ys = [float(y) for y in re.findall(r'<g class="legend">.*?<text x="[0-9.]+" y="([0-9.]+)"', s, re.S)]
    assert ys and min(ys) > bottom + 20, (bottom, ys)
PY
timeout 120 "$CHROMIUM" $flags --user-data-dir="$tmp/p4" --hide-scrollbars --window-size=1200,2400 --screenshot="$tmp/plots.png" "$purl" > /dev/null 2>&1
if [ -s "$tmp/plots.png" ]; then cp "$tmp/plots.png" "$art/plots.png"; echo "ok browser_plots_screenshot ($art/plots.png)"
else echo "FAIL browser_plots_screenshot"; fi

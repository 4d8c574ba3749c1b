#!/usr/bin/env bash
# Renders the seed round's HTML reports (the 結果一覧 alone, and every report in one
# page) with headless Chromium to PNG and PDF, and checks that the rendered page holds
# the 結果一覧 table and that rendering asked the network for nothing.
#
#   scripts/render-html.sh [OUT_DIR]      (default: a new temporary folder)
#
# PAGES="a b" checks OUT_DIR/a.html and OUT_DIR/b.html as they are instead (how the
# check itself was tested: a page with an <img src="http://…"> fails it).
#
# Skips, saying so, where no Chromium is installed (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-html: skipped, no chromium installed"
    exit 0
fi
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ -z "${PAGES:-}" ]; then
    KANSA_DUMP=$out cargo test -q --test domain reports::write_the_seed_reports -- --ignored >/dev/null
fi

chrome() {
    # A profile of its own, so a running browser is not reused; no sandbox, as CI
    # runs as root.
    # The browser's own traffic (updates, translation, sign-in) switched off, so that
    # the net log holds only what the page asks for.
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$out/profile" --no-first-run --no-default-browser-check \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --disable-domain-reliability \
        --disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater \
        "$@" 2>>"$out/chromium.log"
}

fail=0
for name in ${PAGES:-matrix all}; do
    page="file://$out/$name.html"
    chrome --log-net-log="$out/$name.netlog.json" --dump-dom "$page" >"$out/$name.dom.html"
    chrome --window-size=1400,1000 --screenshot="$out/$name.png" "$page" >/dev/null
    chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$page" >/dev/null
    if ! grep -q '<table class="matrix">' "$out/$name.dom.html" ||
        ! grep -q '結果一覧' "$out/$name.dom.html"; then
        echo "render-html: $name: no 結果一覧 table in the rendered page"
        fail=1
    fi
    # Every request the page made: the browser's own (updates, sign-in) have no origin
    # as initiator; a file:// page's have an opaque one ("null").
    requests=$(python3 - "$out/$name.netlog.json" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
for event in log["events"]:
    params = event.get("params", {})
    url = params.get("url")
    if event["type"] == start and url and params.get("initiator") != "not an origin" \
            and not url.startswith("file:"):
        print(url)
PY
)
    if [ -n "$requests" ]; then
        echo "render-html: $name: external requests:"
        echo "$requests"
        fail=1
    fi
    if [ $fail -ne 0 ]; then continue; fi
    pages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page(?![s\w])", open(sys.argv[1],"rb").read())))' "$out/$name.pdf")
    echo "render-html: $name: table present, no external request; $out/$name.png, $out/$name.pdf ($pages pages)"
done
rm -rf "$out/profile"
exit $fail

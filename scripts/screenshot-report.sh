#!/usr/bin/env bash
# Renders a report.html in headless Chromium (Debian's package, installed if
# missing, with a CJK font so Chinese source titles do not show as boxes) and
# saves a PNG of the whole page beside it, to check that the page renders in
# a real browser without network access.
#
#   ./scripts/screenshot-report.sh                # results/report.html -> results/report.png
#   ./scripts/screenshot-report.sh results/timeline
set -euo pipefail
cd "$(dirname "$0")/.."

folder=${1:-results}
page="$folder/report.html"
[[ -f $page ]] || { echo "no $page: run ./scripts/run.sh (or simrun … --out $folder) first" >&2; exit 66; }

missing=()
browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || missing+=(chromium fonts-dejavu-core)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
if ((${#missing[@]})); then
  sudo=""; ((EUID == 0)) || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  browser=$(command -v chromium)
fi

width=1300
common=(--headless --no-sandbox --disable-gpu --hide-scrollbars --disable-background-networking
        --host-resolver-rules="MAP * ~NOTFOUND")
url="file://$(realpath "$page")"

# First pass: measure the page's height at this width (a wrapper page loads
# the report in a frame and writes the height into its title).
probe=$(mktemp --suffix=.html)
trap 'rm -f "$probe"' EXIT
cat >"$probe" <<HTML
<!DOCTYPE html><html><head><title>0</title></head><body style="margin:0">
<iframe id="f" src="$url" style="width:${width}px;height:200px;border:0"></iframe>
<script>f.onload=()=>{document.title=f.contentDocument.documentElement.scrollHeight}</script>
</body></html>
HTML
height=$("$browser" "${common[@]}" --allow-file-access-from-files --virtual-time-budget=5000 \
  --dump-dom "file://$probe" 2>/dev/null | sed -n 's:.*<title>\([0-9]*\)</title>.*:\1:p' | head -1)
[[ ${height:-0} -gt 0 ]] || { echo "could not measure the page's height" >&2; exit 1; }
height=${HEIGHT:-$height}

"$browser" "${common[@]}" --window-size="$width,$height" --screenshot="$folder/report.png" "$url" 2>/dev/null
size=$(stat -c %s "$folder/report.png")
((size > 20000)) || { echo "screenshot suspiciously small ($size bytes)" >&2; exit 1; }
echo "wrote $folder/report.png (${width}×${height} px, $size bytes)"

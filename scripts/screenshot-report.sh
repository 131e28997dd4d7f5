#!/usr/bin/env bash
# Renders a report.html in headless Chromium (Debian's package, installed if
# missing) and saves a full-page PNG beside it, to check that the page renders
# in a real browser without network access.
#
#   ./scripts/screenshot-report.sh                # results/report.html -> results/report.png
#   ./scripts/screenshot-report.sh results/timeline
set -euo pipefail
cd "$(dirname "$0")/.."

folder=${1:-results}
page="$folder/report.html"
[[ -f $page ]] || { echo "no $page: run ./scripts/run.sh (or simrun … --out $folder) first" >&2; exit 66; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  sudo=""; ((EUID == 0)) || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  browser=$(command -v chromium)
fi

# Tall enough for the whole page; network access is switched off.
height=${HEIGHT:-3200}
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-background-networking \
  --host-resolver-rules="MAP * ~NOTFOUND" --window-size=1300,"$height" \
  --screenshot="$folder/report.png" "file://$(realpath "$page")" 2>/dev/null
size=$(stat -c %s "$folder/report.png")
((size > 20000)) || { echo "screenshot suspiciously small ($size bytes)" >&2; exit 1; }
echo "wrote $folder/report.png ($size bytes)"

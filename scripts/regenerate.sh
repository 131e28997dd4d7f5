#!/usr/bin/env bash
# Rewrites what is generated from the code: Scenarios/<phase>.yaml and the
# timeline (`simrun template`), and docs/reference.md's metric and key tables
# (`simrun list metrics|keys --markdown`, between their headers and the next
# blank line after the table). Tests fail when these drift; run this after
# changing a default, a key or a metric, then review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product simrun >/dev/null
bin=.build/release/simrun
for id in wechat-baseline wechat-2024-04-quota wechat-2025-08-necessary wechat-2025-10-virtual-number \
  wechat-2026-01-aftersale-vn taobao-11plus4 taobao-700-gray taobao-700-full; do
  "$bin" template "$id" > "Scenarios/$id.yaml"
done
"$bin" template timeline > Scenarios/timeline-2024-2026.yaml
python3 - "$bin" <<'PY'
import subprocess, sys
bin = sys.argv[1]
readme = open("docs/reference.md", encoding="utf-8").read()
for section in ("metrics", "keys"):
    table = subprocess.run([bin, "list", section, "--markdown"], check=True, capture_output=True, text=True).stdout.strip("\n")
    header = table.split("\n", 1)[0]
    start = readme.index(header)
    end = readme.find("\n\n", start)
    end = len(readme) if end < 0 else end
    readme = readme[:start] + table + readme[end:]
open("docs/reference.md", "w", encoding="utf-8").write(readme)
PY
echo "regenerated Scenarios/*.yaml and docs/reference.md's metric and key tables"

#!/usr/bin/env bash
# The main job: install what is missing (GSL, pkg-config), build simrun in
# release mode, and run it on the default job. Extra arguments go to simrun.
#
#   ./scripts/run.sh                 # the default job: all phases side by side, report in results/
#   ./scripts/run.sh selftest --seed 7
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/ensure-deps.sh
swift build -c release --product simrun
if (($# == 0)); then
  # The main job: every phase of RULEBOOK §7 side by side; the report
  # folder (results.csv, results.json, summary.md, report.html) in results/.
  set -- compare --out results
fi
exec .build/release/simrun "$@"

#!/usr/bin/env bash
# Everything CI checks, in the order a newcomer would want it: install what is
# missing, build, run the main job, run the whole test suite, then build the
# benchmarks and check their thresholds (zero allocations per event in steady
# state). Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "dependencies"
./scripts/ensure-deps.sh

step "main job (release build)"
./scripts/run.sh

step "test suite"
swift test -c release

step "benchmarks: build and check allocation thresholds"
./Benchmarks/check-thresholds.sh

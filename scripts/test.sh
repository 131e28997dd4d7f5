#!/usr/bin/env bash
# Everything CI checks, in the order a newcomer would want it: install what is
# missing, build, run the main job, run the whole test suite, then build the
# benchmarks and check their thresholds (zero allocations per event in steady
# state), and run the cluster test (a real Dask scheduler and workers on
# 127.0.0.1). Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n==> %s   [%d s since start]\n' "$*" $((SECONDS - started)); }

step "dependencies"
./scripts/ensure-deps.sh

step "main job (release build)"
./scripts/run.sh

step "CI benchmark: thresholds of Scenarios/checks (JUnit XML in .build/simrun-junit.xml)"
.build/release/simrun check Scenarios/checks/*.yaml --junit .build/simrun-junit.xml

step "test suite"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift test -c release 2>&1 | tee "$log"
# Swift Testing's summary, e.g. "✔ Test run with 39 tests in 8 suites passed".
tests=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests\{0,1\} .*/\1/p' "$log" | tail -n 1)
failed=$(grep -c '^✘ Test .* failed' "$log" || true)

step "test suite again, with the event sets' invariant checks compiled in"
# Its own small package (Tests/InvariantChecks): only the kernel is rebuilt.
swift test -c release --package-path Tests/InvariantChecks -Xswiftc -DSIMKERNEL_INVARIANTS

step "cluster test: a Dask scheduler and two workers on 127.0.0.1 (Python virtual environment in .venv)"
./scripts/ensure-python.sh
PATH="$PWD/.build/release:$PATH" timeout 900 .venv/bin/python -m unittest discover -s python/tests -v

step "benchmarks: build and check allocation thresholds"
./Benchmarks/check-thresholds.sh

printf '\nall checks passed in %d s\n%s passed, %s failed\n' $((SECONDS - started)) "${tests:-0}" "$failed"

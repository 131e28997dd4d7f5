#!/usr/bin/env bash
# Builds the benchmark package (release) and checks its static thresholds in
# Benchmarks/Thresholds: every hold benchmark must make zero mallocs in its
# measured iterations (steady state, 1,000 events per iteration). Exits
# non-zero on any regression. Timing is reported by the benchmarks but not
# checked here: wall-clock thresholds on a shared CI machine would be noise.
#
# The benchmarks sample only wall clock and mallocs: package-benchmark's CPU
# and throughput sampling allocates on its own thread, and the malloc
# interposer counts every thread.
set -euo pipefail
cd "$(dirname "$0")"
../scripts/ensure-deps.sh
swift package benchmark thresholds check --no-progress

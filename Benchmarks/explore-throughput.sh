#!/usr/bin/env bash
# What an exploration costs, measured in one run on this machine:
#   (a) peer: `simrun run` of the same short scenario, R replications: the
#       simulation alone through the same replication runner
#   (b) `simrun explore --method uncertainty` over all 73 assumptions with
#       the same number of runs (R/2 points × 2 replications): the design,
#       73 keys set per point, the metrics kept per run and the analysis
#   (c) the issue's yardstick: a 20-key Sobol exploration with N = 256
#       (5,632 points; Benchmarks/Explore/sobol-20-keys.yaml)
# Short scenario: taobao-700-full, 20 days × 500 orders a day.
#
# Usage: Benchmarks/explore-throughput.sh [--quick]
#   --quick   R = 200 and N = 32 (a smoke run)
# Prints a Markdown table; writes it to .build/explore-throughput.md too.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=1000
n=256
case "${1:-}" in
  --quick) runs=200; n=32 ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 64 ;;
esac

"$root/scripts/ensure-deps.sh"
(cd "$root" && swift build -c release --product simrun >/dev/null)
simrun="$root/.build/release/simrun"
short=(--days 20 --set orders.orders_per_day=500 --quiet)

# Wall seconds and peak memory (MB) of a command whose output is discarded.
measure() {
  local stats
  stats=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
  echo "${stats% *} $(( ${stats#* } / 1024 ))"
}

read -r peer_s peer_mb < <(measure "$simrun" run taobao-700-full --replications "$runs" --format json "${short[@]}")
read -r unc_s unc_mb < <(measure "$simrun" explore taobao-700-full --method uncertainty --uncertain all-assumptions \
  --samples $((runs / 2)) --replications 2 --format json "${short[@]}")
read -r sobol_s sobol_mb < <(measure "$simrun" explore "$root/Benchmarks/Explore/sobol-20-keys.yaml" --samples "$n" \
  --format json --quiet)
points=$((n * 22))

rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
table=$(cat <<TABLE
| measurement ($(nproc) cores) | wall s | runs/s | peak MB |
| --- | ---: | ---: | ---: |
| (a) \`simrun run taobao-700-full\`, $runs replications | $peer_s | $(rate "$runs" "$peer_s") | $peer_mb |
| (b) \`explore --method uncertainty\`, 73 keys, $((runs / 2)) points × 2 | $unc_s | $(rate "$runs" "$unc_s") | $unc_mb |
| (c) \`explore\` Sobol, 20 keys, N = $n ($points points) | $sobol_s | $(rate "$points" "$sobol_s") | $sobol_mb |

(b)/(a) wall time: $(awk -v a="$unc_s" -v b="$peer_s" 'BEGIN { printf "%.2f", a / b }') (the exploration's own cost beside the simulation)
TABLE
)
mkdir -p "$root/.build"
echo "$table" | tee "$root/.build/explore-throughput.md"

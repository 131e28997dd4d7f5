#!/usr/bin/env bash
# The hold model (N events pending; each step takes the earliest and
# reschedules it after an Exp(1) delay) measured in one run through:
#   (a) SimKernel: the real kernel loop with payload dispatch (the default
#       event set: a 4-ary heap up to 2,048 pending, a ladder queue above),
#       and (a') the same loop on the 8-ary heap that was the default before
#   (b) a plain C binary heap of doubles, -O2: the near-hardware reference
#   (c) swift-collections Heap with a (time, sequence) key, no kernel
#   (d) SimPy from PyPI: N processes looping `yield env.timeout(expovariate(1))`
# (a)-(c) draw delays from the same GSL generator (MT19937), so the
# comparison is of event sets and loops, not of random number generators.
#
# Usage: Benchmarks/compare-peers.sh [--quick] [--check]
#   --quick   fewer events per measurement (a smoke run, noisier)
#   --check   exit 1 unless (a) ≤ 1.0 × (b) at N = 10² and 10⁴, (a) ≤ 0.8 × (b)
#             at N = 10⁶, and (d) ≥ 15 × (a)
# Prints a table of ns/event and ratios; writes it to .build/peers.md too.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=0
check=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --check) check=1 ;;
    *) echo "usage: $0 [--quick] [--check]" >&2; exit 64 ;;
  esac
done

"$root/scripts/ensure-deps.sh"

echo "building SimKernel peers (release)…" >&2
swift build --package-path "$here" -c release --product hold-peers >&2
peers="$here/.build/release/hold-peers"

echo "compiling the C reference (-O2)…" >&2
mkdir -p "$here/.build"
cc -O2 "$here/Peers/hold.c" -o "$here/.build/hold-c" $(pkg-config --cflags --libs gsl)

venv="$root/.build/simpy-venv"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "creating the SimPy virtual environment in $venv…" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check simpy==4.1.2
fi

events=5000000
simpy_events=500000
repeats=3
if ((quick)); then events=1000000; simpy_events=100000; repeats=2; fi

# Pin to one core when possible: less noise from migrations.
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "$(($(nproc) - 1))"); fi

measure() { "${pin[@]}" "$@" | sed -n 's/^ns_per_event=//p'; }

rows=()
status=0
for n in 100 10000 1000000; do
  c=$(measure "$here/.build/hold-c" "$n" "$events" "$repeats")
  k=$(measure "$peers" simkernel "$n" "$events" "$repeats")
  e=$(measure "$peers" simkernel-8ary "$n" "$events" "$repeats")
  h=$(measure "$peers" collections "$n" "$events" "$repeats")
  s=$(measure "$venv/bin/python" "$here/Peers/hold_simpy.py" "$n" "$simpy_events" "$repeats")
  rows+=("$n $k $e $c $h $s")
  if ((check)); then
    limit=1.0
    if ((n >= 1000000)); then limit=0.8; fi
    if awk -v k="$k" -v c="$c" -v l="$limit" 'BEGIN { exit !(k > l * c) }'; then
      echo "target missed: SimKernel $k ns > $limit × C $c ns at N=$n" >&2; status=1
    fi
    if awk -v k="$k" -v s="$s" 'BEGIN { exit !(s < 15 * k) }'; then
      echo "target missed: SimPy $s ns < 15 × SimKernel $k ns at N=$n" >&2; status=1
    fi
  fi
done

table=$(
  printf '| N pending | (a) SimKernel ns/event | (a'"'"') on the 8-ary heap | (b) C heap ns/event | (c) swift-collections Heap ns/event | (d) SimPy ns/event | (a)/(b) | (a'"'"')/(b) | (c)/(b) | (d)/(a) |\n'
  printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for row in "${rows[@]}"; do
    read -r n k e c h s <<<"$row"
    awk -v n="$n" -v k="$k" -v e="$e" -v c="$c" -v h="$h" -v s="$s" \
      'BEGIN { printf "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f× | %.2f× | %.2f× | %.1f× |\n", n, k, e, c, h, s, k / c, e / c, h / c, s / k }'
  done
)
echo "$table" | tee "$here/.build/peers.md"
echo "(events per measurement: $events, SimPy $simpy_events; best of $repeats; $(uname -m), $(nproc) cores)"
exit $status

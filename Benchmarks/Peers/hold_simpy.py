"""The hold model in SimPy, for Benchmarks/compare-peers.sh.

N processes, each looping `yield env.timeout(expovariate(1))`: N events
pending at all times, each step takes the earliest and schedules it again.
After a warm-up of N events, times EVENTS steps (best of REPEATS) and prints
ns_per_event=<value>.

    python hold_simpy.py PENDING EVENTS [REPEATS]
"""

import random
import sys
import time

import simpy


def main() -> None:
    pending, events = int(sys.argv[1]), int(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    random.seed(1)
    env = simpy.Environment()
    counter = [0]

    def holder(env: simpy.Environment):
        expovariate = random.expovariate
        while True:
            yield env.timeout(expovariate(1.0))
            counter[0] += 1

    for _ in range(pending):
        env.process(holder(env))

    def run(steps: int) -> int:
        # Each process fires once per unit of time on average, so N events
        # happen per unit: run for steps / N units, count what happened.
        before = counter[0]
        env.run(until=env.now + steps / pending)
        return counter[0] - before

    run(pending)  # warm-up: every process is in its loop
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter_ns()
        done = run(events)
        best = min(best, (time.perf_counter_ns() - start) / done)
    print(f"ns_per_event={best:.3f}")


if __name__ == "__main__":
    main()

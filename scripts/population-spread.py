#!/usr/bin/env python3
"""How the spread between replications falls as the population grows.

Runs one scenario with 500, 2,000 and 8,000 simulated shops (orders scaled
alike: 10 a shop a day) and prints, per metric, the standard deviation of
the replications' values and its ratio to the 500-shop figure (1/sqrt(shops)
predicts 0.5 and 0.25). docs/model.md's table comes from this script:

    python3 scripts/population-spread.py            # the figures in docs/model.md
    SIMRUN=path/to/simrun python3 scripts/population-spread.py --shops 100,400

Standard library only.
"""
import argparse
import csv
import io
import os
import statistics
import subprocess

METRICS = ["decrypt_denied_quota", "merchant_contact_fulfilment", "real_number_exposures_per_1000"]


def spread(simrun, scenario, shops, replications, days, seed):
    args = [simrun, "run", scenario, "--replications", str(replications), "--days", str(days),
            "--seed", str(seed), "--set", f"merchants.count={shops}",
            "--set", f"orders.orders_per_day={10 * shops}", "--format", "csv", "--quiet"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    values = {}
    for row in csv.DictReader(io.StringIO(out)):
        if row["metric"] in METRICS:
            values.setdefault(row["metric"], []).append(float(row["value"]))
    return {m: statistics.stdev(v) for m, v in values.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scenario", default="wechat-2024-04-quota")
    p.add_argument("--shops", default="500,2000,8000")
    p.add_argument("--replications", type=int, default=6)
    p.add_argument("--days", type=int, default=25)
    p.add_argument("--seed", type=int, default=20240408)
    a = p.parse_args()
    simrun = os.environ.get("SIMRUN", ".build/release/simrun")
    counts = [int(s) for s in a.shops.split(",")]
    rows = {n: spread(simrun, a.scenario, n, a.replications, a.days, a.seed) for n in counts}
    print(f"`{a.scenario}`, {a.replications} replications, {a.days} days, 10 orders a day per simulated shop: "
          "standard deviation across replications (ratio to the first column)\n")
    print("| metric | " + " | ".join(f"{n:,} shops" for n in counts) + " |")
    print("|---|" + "---:|" * len(counts))
    for m in METRICS:
        first = rows[counts[0]][m]
        cells = [f"{rows[n][m]:.4g}" + ("" if n == counts[0] or first == 0 else f" ({rows[n][m] / first:.2f})")
                 for n in counts]
        print(f"| `{m}` | " + " | ".join(cells) + " |")
    print(f"| 1/√shops predicts | " + " | ".join("1" if n == counts[0] else f"({(counts[0] / n) ** 0.5:.2f})"
                                              for n in counts) + " |")


if __name__ == "__main__":
    main()

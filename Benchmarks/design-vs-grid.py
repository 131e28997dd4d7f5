#!/usr/bin/env python3
"""How many settings `simrun design` runs to reach the front a full grid
sweep finds (docs/design.md). Both run the same settings with the same seed
and replications, so a setting has exactly the same values in both: the
hypervolume of the design's front (over every setting it ran, as its report
takes it) is compared with the grid's, on the grid's reference point.

Usage: python3 Benchmarks/design-vs-grid.py [SIMRUN]
"""
import csv, io, subprocess, sys

simrun = sys.argv[1] if len(sys.argv) > 1 else ".build/release/simrun"
scale = ["--days", "15", "--set", "orders.orders_per_day=600", "--replications", "2", "--quiet"]
objectives = ("numbers_obtained_per_1000", "merchant_contact_fulfilment")  # minimise, maximise


def front_hypervolume(points, reference):
    """2-D hypervolume of points (to minimise) up to reference."""
    inside = sorted(p for p in points if p[0] < reference[0] and p[1] < reference[1])
    area, best = 0.0, reference[1]
    for x, y in inside:
        if y < best:
            area += (reference[0] - x) * (best - y)
            best = y
    return area


CASES = [
    ("two levers (41 × 2 = 82 settings)",
     {"merchants.daily_base_quota": [str(q) for q in range(0, 41)], "context.forced_authorization_banned": ["true", "false"]},
     "{merchants.daily_base_quota: {range: [0, 40]}, context.forced_authorization_banned: {choices: [true, false]}}"),
    ("three levers (41 × 3 × 2 = 246 settings)",
     {"merchants.daily_base_quota": [str(q) for q in range(0, 41)], "merchants.temporary_quota_amount": ["0", "20", "50"],
      "context.forced_authorization_banned": ["true", "false"]},
     "{merchants.daily_base_quota: {range: [0, 40]}, merchants.temporary_quota_amount: {choices: [0, 20, 50]}, "
     "context.forced_authorization_banned: {choices: [true, false]}}"),
]

for title, grid_values, levers in CASES:
    # A sweep runs at most 200 points: one sweep per value of the last key.
    *first, (last, last_values) = grid_values.items()
    vary = [a for key, vs in first for a in ("--vary", f"{key}={','.join(vs)}")]
    values = {}
    for v in last_values:
        grid = subprocess.run([simrun, "sweep", "wechat-2024-04-quota", *vary, "--set", f"{last}={v}", "--format", "csv",
                               "--metrics", ",".join(objectives), *scale], capture_output=True, text=True, check=True).stdout
        for row in csv.DictReader(io.StringIO(grid)):
            if row["metric"] in objectives:
                values.setdefault((v, row["phase"]), {}).setdefault(row["metric"], []).append(float(row["value"]))
    grid_points = [(sum(v[objectives[0]]) / len(v[objectives[0]]), -sum(v[objectives[1]]) / len(v[objectives[1]])) for v in values.values()]
    reference = (max(p[0] for p in grid_points) * 1.01, max(p[1] for p in grid_points) + 0.01)
    grid_hv = front_hypervolume(grid_points, reference)
    print(f"\n{title}: the grid's front hypervolume {grid_hv:.3f}")
    print("| design budget (population × generations) | settings run | share of the grid | hypervolume / grid's |")
    print("|---|---:|---:|---:|")
    for population, generations in [(8, 4), (12, 4), (16, 6), (24, 10), (24, 30)]:
        folder = f"/tmp/design-vs-grid-{len(grid_values)}-{population}-{generations}"
        subprocess.run([simrun, "design", "wechat-2024-04-quota", "--levers", levers,
                        "--objective", f"minimize {objectives[0]}", "--objective", f"maximize {objectives[1]}",
                        "--population", str(population), "--generations", str(generations), "--confirm", "3",
                        "--format", "json", "--out", folder, *scale], capture_output=True, text=True, check=True)
        rows = list(csv.DictReader(open(f"{folder}/settings.csv")))
        points = [(float(r[objectives[0]]), -float(r[objectives[1]])) for r in rows]
        hv = front_hypervolume(points, reference)
        print(f"| {population} × {generations + 1} | {len(rows)} | {len(rows) / len(grid_points):.0%} | {hv / grid_hv:.3f} |")

#!/usr/bin/env python3
"""What big experiments cost in plan size, time and memory (issue 21),
measured in one run on this machine, each figure beside its limit.

    python3 Benchmarks/plan-scale.py [--quick] [--peer OLD_SIMRUN]

Plans (size and time per task):
  - the 20-key Sobol exploration at N = 1024 (22,528 tasks;
    Benchmarks/Explore/sobol-20-keys.yaml): limit 1 KB a task, 10 s;
  - every assumption of taobao-700-full (--uncertain all-assumptions) at
    N = 64: limit 1 KB a task.
Peak memory (resident set of the process, from wait4), each at full size and
at a tenth of it:
  - `simrun exec` of 10,000 tasks and of 1,000;
  - `simrun merge` of 10,000 results and of 1,000;
  - `simrun run --replications 2000` and 200;
  - `simrun timeline --replications 200` and 20 at 200 orders a day (it
    keeps every replication's weekly series: reported a replication).
  Limit: 150 MB, and at most 1.2× the figure at a tenth of the size once the
  per-replication values the reports keep (every metric for all orders and
  each shop-size segment, about 2 KB a replication) are set aside.
The tasks and runs are taobao-700-full shortened to 5 days × 200 orders a
day: memory, not simulation, is measured. --quick divides every size by 10
(a smoke run; the limits still print but do not fail). --peer measures
another simrun (e.g. the previous build) beside it, in the same run.
Prints a Markdown table; exits 1 when a limit fails.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHORT = ["taobao-700-full", "--days", "5", "--set", "orders.orders_per_day=200"]
VALUES_BYTES = 8 * 51 * 5  # 51 metric values for all orders and for each of 4 segments


def measure(argv, **kwargs):
    """Wall seconds and peak resident set (MB) of one process."""
    started = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    err = process.stderr.read().decode()
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({process.returncode}): {err}")
    return wall, usage.ru_maxrss / 1024


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(path, name)) for name in os.listdir(path))


def rows_for(simrun, scale, work):
    rows = []
    # Plans.
    for label, command, count in [
        (f"plan: 20-key Sobol, N = {1024 // scale}", ["explore", os.path.join(ROOT, "Benchmarks/Explore/sobol-20-keys.yaml"),
                                          "--method", "sobol", "--samples", str(1024 // scale)], 22_528 // scale),
        (f"plan: all assumptions, N = {max(2, 64 // scale)}", ["explore", "taobao-700-full", "--uncertain", "all-assumptions",
                                           "--method", "sobol", "--samples", str(max(2, 64 // scale))], None),
    ]:
        plan = os.path.join(work, "plan-" + label.split(":")[1].split(",")[0].strip().replace(" ", "-"))
        wall, rss = measure([simrun, "plan", "--out", plan, *command])
        with open(os.path.join(plan, "tasks.jsonl"), "rb") as f:
            tasks = sum(1 for _ in f)
        per_task = folder_bytes(plan) / tasks
        limit_time = 10 if count is not None else None
        ok = per_task <= 1024 and (limit_time is None or wall <= limit_time)
        rows.append((f"{label}: {tasks:,} tasks", f"{per_task:,.0f} B/task, {wall:.2f} s, {rss:.0f} MB",
                     "≤ 1,024 B/task" + (", ≤ 10 s" if limit_time else ""), ok))
        shutil.rmtree(plan)
    # Memory of exec, merge and run, at full size and a tenth.
    figures = {}
    for size in (10_000 // scale, 1_000 // scale):
        plan = os.path.join(work, f"run-{size}")
        subprocess.run([simrun, "plan", "--out", plan, "run", *SHORT, "--replications", str(size)], check=True,
                       capture_output=True)
        results = os.path.join(plan, "results.jsonl")
        figures[("exec", size)] = measure([simrun, "exec", os.path.join(plan, "tasks.jsonl"), "--output", results])
        figures[("merge", size)] = measure([simrun, "merge", plan, results, "--format", "json", "--quiet"])
        shutil.rmtree(plan)
    for size in (2_000 // scale, 200 // scale):
        figures[("run", size)] = measure([simrun, "run", *SHORT, "--replications", str(size), "--format", "json", "--quiet"])
    for size in (200 // scale, 20 // scale):
        figures[("timeline", size)] = measure([simrun, "timeline", "--set", "orders.orders_per_day=200", "--replications",
                                               str(size), "--format", "json", "--quiet"])
    for name, big, small, keeps in [("exec", 10_000 // scale, 1_000 // scale, False),
                                    ("merge", 10_000 // scale, 1_000 // scale, True),
                                    ("run --replications", 2_000 // scale, 200 // scale, True)]:
        key = name.split()[0]
        (wall, rss), (_, rss_small) = figures[(key, big)], figures[(key, small)]
        kept = (big - small) * VALUES_BYTES / 2**20 if keeps else 0
        ratio = (rss - kept) / rss_small
        ok = rss <= 150 and ratio <= 1.2
        rows.append((f"{name} {big:,} (and {small:,})",
                     f"{rss:.0f} MB ({rss_small:.0f} MB), {wall:.1f} s; ×{ratio:.2f}" + (f" after {kept:.0f} MB of values" if keeps else ""),
                     "≤ 150 MB, ≤ ×1.2", ok))
    # A timeline keeps each replication's weekly series (counts with compact
    # contact-time sketches, every week of both platforms): those are its
    # per-replication values, so its growth is reported a replication.
    big, small = 200 // scale, 20 // scale
    (wall, rss), (_, rss_small) = figures[("timeline", big)], figures[("timeline", small)]
    rows.append((f"timeline --replications {big:,} (and {small:,}), 200 orders a day",
                 f"{rss:.0f} MB ({rss_small:.0f} MB), {wall:.1f} s; {(rss - rss_small) / (big - small):.2f} MB a replication",
                 "≤ 150 MB", rss <= 150))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--peer", help="another simrun to measure beside this one")
    args = parser.parse_args()
    subprocess.run([os.path.join(ROOT, "scripts/ensure-deps.sh")], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "simrun"], cwd=ROOT, check=True, capture_output=True)
    simrun = os.path.join(ROOT, ".build/release/simrun")
    scale = 10 if args.quick else 1
    work = tempfile.mkdtemp(prefix="simrun-scale-")
    failed = False
    try:
        print(f"| measurement ({os.cpu_count()} cores{', --quick' if args.quick else ''}) | simrun | limit | holds |")
        print("| --- | --- | --- | --- |")
        for label, peer in [("simrun", simrun)] + ([("peer", args.peer)] if args.peer else []):
            for what, figure, limit, ok in rows_for(peer, scale, work):
                print(f"| {what}{' (peer)' if label == 'peer' else ''} | {figure} | {limit} | {'yes' if ok else 'NO'} |")
                failed |= label == "simrun" and not ok
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed and not args.quick else 0


if __name__ == "__main__":
    sys.exit(main())

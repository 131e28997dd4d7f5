"""What running on Dask costs, measured in one run on this machine.

    PATH=$PWD/.build/release:$PATH .venv/bin/python python/benchmarks/dask_overhead.py [--tasks N]

The same plan (N replications of taobao-700-full, 20 days × 500 orders a
day, one task each) is run
  (s) as `simrun run --threads 1`: the simulation alone, one core;
  (a) by `simrun exec --threads 1` alone: the simulation, reading each task
      and writing each result, one core;
  (b) on a local Dask cluster (processes on 127.0.0.1) of 1 worker, one
      task per Dask task (batch 1) and 25 per Dask task (batch 25);
  (c) the same with 2 workers;
and the per-task overhead is (b) − (a) over N. From these, the wall time of
a 10⁴-run exploration on 16 workers is projected. Prints a Markdown table.
"""

import argparse
import os
import shutil
import subprocess
import tempfile
import time

from simrun_dask import run_on_cluster

COMMAND = ["run", "taobao-700-full", "--days", "20", "--set", "orders.orders_per_day=500", "--quiet"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=200)
    args = parser.parse_args()
    simrun = shutil.which("simrun")
    command = COMMAND + ["--replications", str(args.tasks), "--format", "json"]
    folder = tempfile.mkdtemp(prefix="simrun-bench-")
    try:
        subprocess.run([simrun, "plan", "--out", folder, *command], check=True, capture_output=True)
        started = time.monotonic()
        subprocess.run([simrun, *command, "--threads", "1"], check=True, capture_output=True)
        simulation = time.monotonic() - started
        started = time.monotonic()
        subprocess.run([simrun, "exec", os.path.join(folder, "tasks.jsonl"), "--threads", "1",
                        "--output", os.path.join(folder, "r.jsonl")], check=True)
        alone = time.monotonic() - started
        rows = []
        for workers in (1, 2):
            for batch in (1, 25):
                started = time.monotonic()
                run_on_cluster(command, workers=workers, batch=batch, simrun=simrun, progress=False)
                rows.append((workers, batch, time.monotonic() - started))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    n = args.tasks
    per_run = alone / n
    print(f"| measurement ({os.cpu_count()} cores, {n} tasks) | wall s | tasks/s | overhead per task, ms |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| (s) `simrun run --threads 1`, the simulation alone | {simulation:.2f} | {n / simulation:.0f} | — |")
    print(f"| (a) `simrun exec --threads 1`, no Dask | {alone:.2f} | {n / alone:.0f} | {(alone - simulation) / n * 1000:.1f} |")
    overhead = {}
    for workers, batch, wall in rows:
        # With w workers the simulation alone would take alone / w.
        overhead[(workers, batch)] = (wall - alone / workers) * workers / n * 1000
        print(f"| ({'b' if workers == 1 else 'c'}) Dask, {workers} worker{'s' if workers > 1 else ''}, batch {batch} "
              f"| {wall:.2f} | {n / wall:.0f} | {overhead[(workers, batch)]:.1f} |")
    print()
    sim = simulation / n
    for batch in (1, 25):
        o = max(0.0, overhead[(1, batch)]) / 1000
        short = 10_000 * (per_run + o) / 16
        # At the default scale only the simulation grows (about 30×); reading
        # tasks, writing results and Dask's overhead stay per task.
        default = 10_000 * (30 * sim + (per_run - sim) + o) / 16
        print(f"Projected, 10⁴ runs on 16 workers, batch {batch}: {short:.0f} s for this scenario "
              f"({sim * 1000:.1f} ms simulation + {(per_run - sim) * 1000:.1f} ms task input/output + {o * 1000:.1f} ms Dask a run, / 16); "
              f"{default / 60:.1f} min at the default 60 days × 5,000 orders a day (about 30× the simulation), "
              f"against {10_000 * 30 * sim / 2 / 60:.0f} min on 2 local cores.")

if __name__ == "__main__":
    main()

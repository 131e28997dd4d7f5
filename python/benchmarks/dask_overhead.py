"""What running on Dask costs, measured in one run on this machine.

    PATH=$PWD/.build/release:$PATH .venv/bin/python python/benchmarks/dask_overhead.py [--quick]

At two scales — the default (taobao-700-full as shipped: 60 days × 5,000
orders a day) and short (20 days × 500 orders a day) — the same plan of N
replications (one task each) is run
  (a) by `simrun exec --threads 1` alone: the simulation, reading each task
      and writing each result, one core, no Dask;
  (b) on a local Dask cluster (processes on 127.0.0.1, started beforehand)
      of 1 worker, batches chosen automatically (and, short scale, batch 1);
  (c) the same with 2 workers.
The engine's overhead is (b) − (a) over (a): plan, shipping, scheduling,
starting `simrun exec` per batch, merge (limit: 10% at the default scale).
The speed-up from 1 to 2 workers is measured on CPU time, so that a shared
machine does not hide it: the CPU seconds of `simrun exec` with 1 worker
over the largest any worker spent with 2 (reported, no limit: the probe's
five tasks run on one worker, and 2 cores also run the driver and the
scheduler), beside the wall-clock speed-up.
Prints a Markdown table; exits 1 when a limit fails (not with --quick).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from simrun_dask import run_on_cluster

SCALES = {
    "default": (["run", "taobao-700-full", "--quiet"], 40),
    "short": (["run", "taobao-700-full", "--days", "20", "--set", "orders.orders_per_day=500", "--quiet"], 200),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the tasks (a smoke run)")
    args = parser.parse_args()
    from dask.distributed import LocalCluster
    import logging

    simrun = shutil.which("simrun")
    if simrun is None:
        sys.exit("simrun is not on PATH")
    rows, failed = [], False
    for scale, (command, tasks) in SCALES.items():
        n = max(10, tasks // 10) if args.quick else tasks
        command = command + ["--replications", str(n), "--format", "json"]
        folder = tempfile.mkdtemp(prefix="simrun-bench-")
        try:
            subprocess.run([simrun, "plan", "--out", folder, *command], check=True, capture_output=True)
            started = time.monotonic()
            subprocess.run([simrun, "exec", os.path.join(folder, "tasks.jsonl"), "--threads", "1",
                            "--output", os.path.join(folder, "r.jsonl")], check=True)
            alone = time.monotonic() - started
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        rows.append((scale, n, "(a) `simrun exec --threads 1`, no Dask", alone, None, None))
        cpu = {}
        for workers in (1, 2):
            for batch in ([None, 1] if scale == "short" else [None]):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
                try:
                    stats = {}
                    started = time.monotonic()
                    run_on_cluster(command, scheduler=cluster.scheduler_address, simrun=simrun, batch=batch,
                                   progress=False, stats=stats)
                    wall = time.monotonic() - started
                finally:
                    cluster.close()
                if batch is None:
                    cpu[workers] = [w["cpu"] for w in stats["workers"].values()]
                label = f"({'b' if workers == 1 else 'c'}) Dask, {workers} worker{'s' if workers > 1 else ''}, " + \
                        (f"batch {stats['batch']} (automatic)" if batch is None else f"batch {batch}")
                overhead = (wall - alone) / alone if workers == 1 else None
                rows.append((scale, n, label, wall, overhead, stats))
        speedup = sum(cpu[1]) / max(cpu[2])
        wall_one = next(r[3] for r in rows if r[0] == scale and r[2].startswith("(b)") and "automatic" in r[2])
        wall_two = next(r[3] for r in rows if r[0] == scale and r[2].startswith("(c)") and "automatic" in r[2])
        rows.append((scale, n, f"speed-up 1 → 2 workers: {speedup:.2f} on CPU time, {wall_one / wall_two:.2f} on wall time",
                     None, None, None))
        overhead = next(r[4] for r in rows if r[0] == scale and r[2].startswith("(b)") and "automatic" in r[2])
        if scale == "default":
            failed |= overhead > 0.10
    print(f"| scale, tasks ({os.cpu_count()} cores) | measurement | wall s | Dask's overhead over (a) |")
    print("| --- | --- | ---: | ---: |")
    for scale, n, label, wall, overhead, _ in rows:
        limit = " (limit 10%)" if scale == "default" and overhead is not None else ""
        print(f"| {scale}, {n} | {label} | {'' if wall is None else f'{wall:.2f}'} | "
              f"{'' if overhead is None else f'{overhead * 100:.1f}%{limit}'} |")
    return 1 if failed and not args.quick else 0


if __name__ == "__main__":
    sys.exit(main())

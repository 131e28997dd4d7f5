"""A plan of 10⁵ tasks end to end on a local Dask cluster, with its memory.

    PATH=$PWD/.build/release:$PATH .venv/bin/python python/benchmarks/plan_100k.py [--points N]

An uncertainty exploration of taobao-700-full with days shortened to 2 (no
warm-up) and 50 orders a day, 50,000 points × 2 replications (100,002 tasks
with the base case), is planned, run by 2 Dask workers (127.0.0.1, batches
chosen automatically) and merged; then run locally with `simrun explore`
and the two results.json compared (but for the recorded command line).
Prints the plan's size, the wall times, and the peak memory of the driver
and of `simrun plan`, `exec` (all tasks, one process) and `merge`, each
measured alone through a small launcher (a process's peak includes the
memory of the process that started it, and this one holds Dask).
A benchmark, not a test: it takes a few minutes.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from simrun_dask import run_on_cluster
from simrun_dask.cli import throughput


# Runs a command and prints its peak resident set in MB: a small launcher,
# so that this process's memory does not count in the command's peak.
LAUNCHER = ("import os, sys\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    os.execv(sys.argv[1], sys.argv[1:])\n"
            "_, status, usage = os.wait4(pid, 0)\n"
            "print(usage.ru_maxrss / 1024)\n"
            "sys.exit(os.waitstatus_to_exitcode(status))\n")


def peak(argv):
    """Wall seconds and peak memory (MB) of one command run alone."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *argv], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {done.stderr}")
    return time.monotonic() - started, float(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=50_000)
    args = parser.parse_args()
    simrun = shutil.which("simrun")
    if simrun is None:
        sys.exit("simrun is not on PATH")
    work = tempfile.mkdtemp(prefix="simrun-100k-")
    command = ["explore", "taobao-700-full", "--method", "uncertainty", "--uncertain", "{contact.answer_probability: plausible}",
               "--samples", str(args.points), "--replications", "2", "--days", "2", "--set", "orders.orders_per_day=50",
               "--set", "warmup_days=0", "--quiet"]
    try:
        plan = os.path.join(work, "plan")
        stats = {}
        started = time.monotonic()
        run_on_cluster(command + ["--out", os.path.join(work, "dask")], workers=2, plan_dir=plan, progress=False,
                       stats=stats, timeout=3600)
        dask_wall = time.monotonic() - started
        with open(os.path.join(plan, "tasks.jsonl"), "rb") as f:
            tasks = sum(1 for _ in f)
        plan_bytes = sum(os.path.getsize(os.path.join(plan, n)) for n in ("tasks.jsonl", "store.jsonl", "manifest.json"))
        plan_alone = peak([simrun, "plan", "--out", os.path.join(work, "plan2"), *command])
        exec_alone = peak([simrun, "exec", os.path.join(plan, "tasks.jsonl"), "--output", os.path.join(work, "r.jsonl")])
        merge_alone = peak([simrun, "merge", plan, os.path.join(plan, "results.jsonl"), "--out", os.path.join(work, "merged"), "--quiet"])
        local = peak([simrun, *command, "--out", os.path.join(work, "local")])
        same = all(_without_command(os.path.join(work, "dask", name)) == _without_command(os.path.join(work, "local", name))
                   for name in sorted(os.listdir(os.path.join(work, "local"))))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"| 10⁵-task plan ({os.cpu_count()} cores) | figure |")
    print("| --- | --- |")
    print(f"| tasks | {tasks:,} |")
    print(f"| plan size | {plan_bytes / 2**20:.1f} MB ({plan_bytes / tasks:.0f} B a task) |")
    print(f"| plan, run on 2 Dask workers, merge (wall) | {dask_wall:.0f} s |")
    print(f"| batch (automatic) | {stats['batch']} tasks |")
    print(f"| driver (Python, Dask client) peak memory | {stats['driver_rss_mb']:.0f} MB |")
    for worker, w in sorted(stats["workers"].items()):
        print(f"| worker {worker} | {w['tasks']:,} tasks, {w['tasks'] / w['seconds']:.0f} tasks/s of its `simrun exec` time |")
    for label, (wall, rss) in [("`simrun plan`", plan_alone), ("`simrun exec` of every task, one process", exec_alone),
                               ("`simrun merge`", merge_alone), ("local `simrun explore`", local)]:
        print(f"| {label} alone (wall, peak memory) | {wall:.1f} s, {rss:.0f} MB |")
    print(f"| results identical to the local run | {'yes' if same else 'NO'} |")
    print()
    print(throughput(stats))
    return 0 if same else 1


def _without_command(path):
    """The file's lines but those that record the command line (which says
    `# run as plan … and merged` after a merge)."""
    with open(path, encoding="utf-8") as f:
        return [line for line in f if "explore taobao-700-full" not in line]


if __name__ == "__main__":
    sys.exit(main())

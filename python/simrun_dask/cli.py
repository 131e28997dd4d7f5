"""simrun-dask: run a simrun command on a Dask cluster.

    simrun-dask [--scheduler tcp://HOST:PORT] [options] -- COMMAND ARGUMENTS…

prints what `simrun COMMAND ARGUMENTS…` prints and writes its --out folder,
byte for byte as a local run but for the recorded command line.
"""

import argparse
import sys

from .driver import ClusterRunError, run_on_cluster


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="simrun-dask",
        description="Run a simrun command (run, compare, timeline, sweep, attribute, check, explore) on a Dask cluster.",
        epilog="Example: simrun-dask -- compare wechat-baseline wechat-2024-04-quota --replications 10 --out results/cmp")
    parser.add_argument("--scheduler", help="a running scheduler, tcp://HOST:PORT (default: a local cluster on 127.0.0.1)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    parser.add_argument("--simrun", default="simrun", help="the simrun that plans and merges (default: simrun on PATH)")
    parser.add_argument("--worker-simrun", help="simrun's path on the workers (default: as --simrun)")
    parser.add_argument("--batch", type=int, help="tasks per Dask task (default: chosen from measured task times, "
                                                  "so that the engine costs under 10%% of the simulation)")
    parser.add_argument("--plan-dir", help="keep the plan and results.jsonl in this folder")
    parser.add_argument("--timeout", type=float, default=24 * 3600, help="give up after this many seconds")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the simrun command and its arguments, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the simrun command after --, e.g. -- compare wechat-baseline wechat-2024-04-quota")
    if (args.batch is not None and args.batch < 1) or args.workers < 1:
        parser.error("--batch and --workers must be at least 1")
    stats = {}
    try:
        out, status = run_on_cluster(command, scheduler=args.scheduler, simrun=args.simrun,
                                     worker_simrun=args.worker_simrun, workers=args.workers, batch=args.batch,
                                     plan_dir=args.plan_dir, timeout=args.timeout, stats=stats)
    except ClusterRunError as error:
        print(f"simrun-dask: {error.message}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        print("simrun-dask: interrupted; nothing was written.", file=sys.stderr)
        return 130
    if "--quiet" not in command:
        print(throughput(stats), file=sys.stderr)
    sys.stdout.write(out)
    return status


def throughput(stats):
    """What the run cost, in words: the batch size and why, and each
    worker's tasks and rate (tasks a second of its `simrun exec` time)."""
    lines = []
    if "task_seconds" in stats:
        # Two lines, each narrower than an 80-column terminal.
        lines.append(f"simrun-dask: {_tasks(stats['batch'])} per Dask task, chosen from measured times:")
        lines.append(f"  {stats['task_seconds'] * 1000:.0f} ms a task, {stats['batch_overhead'] * 1000:.0f} ms fixed cost a Dask task")
    else:
        lines.append(f"simrun-dask: {_tasks(stats.get('batch', 1))} per Dask task")
    if stats.get("waves"):
        lines.append(f"  in {stats['waves']} waves, each planned from the last one's results")
    for worker, w in sorted(stats.get("workers", {}).items()):
        rate = w["tasks"] / w["seconds"] if w["seconds"] > 0 else 0
        lines.append(f"  {worker}: {_tasks(w['tasks'])}, {rate:.1f} tasks/s, {w['cpu']:.1f} CPU s")
    return "\n".join(lines)


def _tasks(n):
    return f"{n} task" if n == 1 else f"{n} tasks"


if __name__ == "__main__":
    sys.exit(main())

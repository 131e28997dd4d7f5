"""Plan a simrun command, run its tasks on a Dask cluster, merge the results."""

import json
import logging
import os
import subprocess
import sys
import tempfile
import time

from .tasks import TaskFailed, exec_batch, simrun_version


class ClusterRunError(Exception):
    """The run could not finish; ``message`` says why (simrun's own words
    for a refused command or task), ``status`` is the exit code to use."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.message = message
        self.status = status


def _simrun(simrun, arguments):
    done = subprocess.run([simrun, *arguments], capture_output=True, text=True)
    if done.returncode != 0:
        raise ClusterRunError(done.stderr.strip() or f"simrun {arguments[0]} failed", done.returncode)
    return done


def _progress(done, total, started, enabled):
    if not enabled:
        return
    elapsed = time.monotonic() - started
    left = elapsed * (total - done) / done if done else None
    eta = "…" if left is None else f"{int(left) // 60}:{int(left) % 60:02d}"
    width = 24
    bar = "█" * (width * done // total) + "░" * (width - width * done // total)
    sys.stderr.write(f"\r\x1b[2K{bar} {100 * done // total}%  tasks {done}/{total}  ETA {eta}")
    sys.stderr.flush()
    if done == total:
        sys.stderr.write("\r\x1b[2K")


def run_on_cluster(command, scheduler=None, simrun="simrun", worker_simrun=None, workers=2, batch=1,
                   plan_dir=None, progress=None, timeout=3600):
    """Runs ``simrun COMMAND…`` on a Dask cluster and returns what the local
    command prints (its report on standard output); the command's own
    ``--out`` folder is written by ``simrun merge`` as the local command
    would write it.

    command: the command and its arguments, e.g. ["compare", "wechat-baseline",
      "wechat-2024-04-quota", "--replications", "10"].
    scheduler: "tcp://HOST:PORT" of a running scheduler; None starts a local
      cluster of ``workers`` processes on 127.0.0.1 for this run.
    simrun: the simrun that plans and merges here; worker_simrun: the path on
      the workers (default: the same).
    batch: tasks per Dask task (one `simrun exec` each).
    plan_dir: where the plan and results.jsonl go (default: a temporary folder,
      removed afterwards).
    """
    from dask.distributed import Client, LocalCluster, as_completed

    logging.getLogger("distributed").setLevel(logging.CRITICAL)

    worker_simrun = worker_simrun or simrun
    progress = sys.stderr.isatty() if progress is None else progress
    keep = plan_dir is not None
    plan_dir = plan_dir or tempfile.mkdtemp(prefix="simrun-plan-")
    _simrun(simrun, ["plan", "--out", plan_dir, *command])
    with open(os.path.join(plan_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(plan_dir, "tasks.jsonl"), encoding="utf-8") as f:
        tasks = [line.rstrip("\n") for line in f if line.strip()]

    cluster = None
    if scheduler is None:
        # The workers' own logs ("Compute Failed", tracebacks) stay quiet:
        # a failing task is reported once, with simrun's message.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.CRITICAL)
        client = Client(cluster, timeout=60)
    else:
        client = Client(scheduler, timeout=60)
    futures = []
    try:
        wanted = f"{manifest['simrun']}"
        # A worker that dies while answering is left out: Dask no longer
        # sends it tasks.
        for worker, version in sorted(client.run(simrun_version, worker_simrun, on_error="return").items()):
            if isinstance(version, BaseException):
                continue
            if version != wanted:
                raise ClusterRunError(
                    f"worker {worker} has simrun {version!r}; the plan was made by simrun {wanted}: "
                    "install the same version on every worker (or give its path with --worker-simrun)", 64)
        batches = [tasks[i:i + batch] for i in range(0, len(tasks), batch)]
        key = manifest["id"][:12]
        futures = [client.submit(exec_batch, worker_simrun, lines, key=f"simrun-exec-{key}-{i}", pure=False)
                   for i, lines in enumerate(batches)]
        records = {}
        started = time.monotonic()
        _progress(0, len(batches), started, progress)
        deadline = started + timeout
        for done, (future, lines) in enumerate(as_completed(futures, with_results=True, raise_errors=False), 1):
            if future.status == "error":
                error = future.exception()
                if isinstance(error, TaskFailed):
                    raise ClusterRunError(f"a task failed on the cluster: {error.message}", error.status)
                raise ClusterRunError(f"a task failed on the cluster: {error!r}")
            for line in lines:
                record = json.loads(line)
                previous = records.get(record["task"])
                if previous is not None and previous[0] != record["sha256"]:
                    raise ClusterRunError(f"task {record['task']} gave two different results (a worker's simrun "
                                          "differs from the others)", 70)
                records[record["task"]] = (record["sha256"], line)
            _progress(done, len(batches), started, progress)
            if time.monotonic() > deadline:
                raise ClusterRunError(f"the run took longer than {timeout} s", 124)
        results = os.path.join(plan_dir, "results.jsonl")
        with open(results, "w", encoding="utf-8") as f:
            for task in sorted(records):
                f.write(records[task][1] + "\n")
        merged = subprocess.run([simrun, "merge", plan_dir, results], capture_output=True, text=True)
        if merged.returncode not in (0, 3):
            raise ClusterRunError(merged.stderr.strip(), merged.returncode)
        if merged.stderr:
            sys.stderr.write(merged.stderr)
        return merged.stdout, merged.returncode
    finally:
        for future in futures:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
        if not keep:
            import shutil
            shutil.rmtree(plan_dir, ignore_errors=True)

"""Plan a simrun command, run its tasks on a Dask cluster, merge the results."""

import json
import logging
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings

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


def choose_batch(overhead, task_seconds, remaining, workers, limit=0.10, most_tasks=1000, batches_per_worker=8):
    """Tasks per Dask task so that the fixed cost of one (``overhead``
    seconds: scheduling, shipping, starting ``simrun exec``) is at most
    ``limit`` of the simulation it carries (``task_seconds`` a task), but
    never so large that the work no longer spreads: each worker gets at
    least ``batches_per_worker`` batches (so a slow worker does not hold the
    end of the run), and a batch carries at most ``most_tasks`` tasks (a few
    hundred kilobytes of task lines through the scheduler)."""
    wanted = math.ceil(overhead / (limit * max(task_seconds, 1e-6)))
    most = max(1, min(most_tasks, math.ceil(remaining / max(1, workers * batches_per_worker))))
    return max(1, min(wanted, most))


# Commands that run in stages, each chosen from the last: `simrun plan`
# writes one stage at a time into FOLDER/wave-N.
STAGED = ("calibrate", "design")

# How often the cluster may lose a run's batches (a worker dying with the
# only copy of their input), each time sent again, before the run gives up.
LOSSES = 10


def run_on_cluster(command, scheduler=None, simrun="simrun", worker_simrun=None, workers=2, batch=None,
                   plan_dir=None, progress=None, timeout=3600, stats=None):
    """Runs ``simrun COMMAND…`` on a Dask cluster and returns what the local
    command prints (its report on standard output); the command's own
    ``--out`` folder is written by ``simrun merge`` as the local command
    would write it.

    command: the command and its arguments, e.g. ["compare", "wechat-baseline",
      "wechat-2024-04-quota", "--replications", "10"]. A calibration runs in
      waves: each wave is planned (into PLAN/wave-N), run on the cluster, and
      the next planned from its results, until simrun says every wave has its
      results; then the whole is merged.
    scheduler: "tcp://HOST:PORT" of a running scheduler; None starts a local
      cluster of ``workers`` processes on 127.0.0.1 for this run.
    simrun: the simrun that plans and merges here; worker_simrun: the path on
      the workers (default: the same).
    batch: tasks per Dask task (one `simrun exec` each); None chooses it from
      measured times (a probe of 1 and of 4 tasks) so that the engine's cost
      stays under 10% of the simulation (``choose_batch``).
    plan_dir: where the plan and results.jsonl go (default: a temporary folder,
      removed afterwards).
    stats: a dict to fill with what the run cost: ``batch``, ``task_seconds``,
      ``batch_overhead`` (when measured), ``workers`` (per worker: tasks,
      seconds and CPU seconds of ``simrun exec``), ``waves`` (a calibration's)
      and ``driver_rss_mb`` (this process's peak memory).

    Memory stays flat in the number of tasks: tasks are read from the plan a
    few batches per worker ahead, and each result is written to
    results.jsonl as it arrives (only its checksum is kept).
    """
    from dask.distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.CRITICAL)

    worker_simrun = worker_simrun or simrun
    progress = sys.stderr.isatty() if progress is None else progress
    keep = plan_dir is not None
    plan_dir = plan_dir or tempfile.mkdtemp(prefix="simrun-plan-")
    staged = bool(command) and command[0] in STAGED
    stats = {} if stats is None else stats
    _simrun(simrun, ["plan", "--out", plan_dir, *command])

    cluster = None
    if scheduler is None:
        # The workers' own logs ("Compute Failed", tracebacks) stay quiet:
        # a failing task is reported once, with simrun's message.
        # Dask's note that its HTTP port was taken and another chosen is
        # about its own server, not the user's run: not printed.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Port \d+ is already in use")
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
        client = Client(cluster, timeout=60)
    else:
        client = Client(scheduler, timeout=60)
    futures = set()
    deadline = time.monotonic() + timeout
    try:
        if staged:
            waves = 0
            while True:
                pending = _unfinished_wave(plan_dir)
                if pending is None:
                    break
                _run_folder(client, pending, worker_simrun, batch, progress, deadline, timeout, stats, futures)
                waves += 1
                _simrun(simrun, ["plan", "--out", plan_dir, *command])
            stats["waves"] = waves
            merge = [simrun, "merge", plan_dir]
        else:
            _run_folder(client, plan_dir, worker_simrun, batch, progress, deadline, timeout, stats, futures)
            merge = [simrun, "merge", plan_dir, os.path.join(plan_dir, "results.jsonl")]
        stats["driver_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        merged = subprocess.run(merge, capture_output=True, text=True)
        if merged.returncode not in (0, 3):
            raise ClusterRunError(merged.stderr.strip(), merged.returncode)
        if merged.stderr:
            sys.stderr.write(merged.stderr)
        return merged.stdout, merged.returncode
    finally:
        for future in list(futures):
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
        if not keep:
            import shutil
            shutil.rmtree(plan_dir, ignore_errors=True)


def _unfinished_wave(plan_dir):
    """The first PLAN/wave-N folder (in wave order) without results.jsonl,
    or None when every wave has its results."""
    waves = []
    for name in os.listdir(plan_dir):
        if name.startswith("wave-") and name[5:].isdigit():
            waves.append((int(name[5:]), os.path.join(plan_dir, name)))
    for _, folder in sorted(waves):
        if not os.path.exists(os.path.join(folder, "results.jsonl")):
            return folder
    return None


def _run_folder(client, folder, worker_simrun, batch, progress, deadline, timeout, stats, futures):
    """Runs the tasks of the plan in ``folder`` on the cluster into
    FOLDER/results.jsonl (written under another name and renamed once every
    task has its result, so that a half-run plan never looks finished)."""
    from dask.distributed import as_completed

    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    total = manifest["tasks"]
    with open(os.path.join(folder, "store.jsonl"), encoding="utf-8") as f:
        store = f.read()
    results = os.path.join(folder, "results.jsonl")
    partial = results + ".part"
    with open(os.path.join(folder, "tasks.jsonl"), encoding="utf-8") as tasks_file, \
            open(partial, "w", encoding="utf-8") as results_file:
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
        key = manifest["id"][:12]
        # The store (every scenario once) goes to each worker once. Dask's
        # memory manager may later keep a single copy of it; if the worker
        # holding that copy dies, the store and the batches waiting for it
        # are lost, and `lost` sends both again.
        shipped = [client.scatter(store, broadcast=True, hash=False)]
        generation = [0]  # how many times the store was sent again
        sent = {}  # each batch in flight: its task lines and the store it uses
        # Each result line goes to results.jsonl as it arrives; only its
        # checksum is kept, to check a task run twice gave the same.
        checksums = {}
        per_worker = stats.setdefault("workers", {})
        started = time.monotonic()
        count = [0]

        def read(n):
            """The next n task lines of tasks.jsonl (fewer at its end)."""
            lines = []
            while len(lines) < n:
                line = tasks_file.readline()
                if not line:
                    break
                if line.strip():
                    lines.append(line.rstrip("\n"))
            return lines

        def submit(lines):
            future = client.submit(exec_batch, worker_simrun, shipped[0], lines,
                                   key=f"simrun-exec-{key}-{count[0]}", pure=False)
            count[0] += 1
            futures.add(future)
            sent[future] = (lines, generation[0])
            return future

        def lost(future):
            """Sends a batch the cluster lost (with the store it needed) again,
            with the store; the same tasks give the same bytes."""
            lines, used = sent.pop(future)
            if used == generation[0]:
                # The first batch lost with this store: send the store again.
                if generation[0] == LOSSES:
                    raise ClusterRunError(f"the cluster lost the run's tasks {LOSSES} times (workers dying?); "
                                          "the run stops", 70)
                generation[0] += 1
                try:
                    client.wait_for_workers(1, timeout=max(1.0, deadline - time.monotonic()))
                except TimeoutError:
                    raise ClusterRunError(f"no worker left on the cluster after {timeout} s", 124) from None
                shipped[0] = client.scatter(store, broadcast=True, hash=False)
            stats["batches_resent"] = stats.get("batches_resent", 0) + 1
            return submit(lines)

        def absorb(future, outcome):
            """Writes a finished batch's results; returns the batch sent
            again in its place when the cluster lost it, else None."""
            futures.discard(future)
            if future.status == "cancelled":
                return lost(future)
            sent.pop(future, None)
            if future.status == "error":
                error = future.exception()
                if isinstance(error, TaskFailed):
                    raise ClusterRunError(f"a task failed on the cluster: {error.message}", error.status)
                raise ClusterRunError(f"a task failed on the cluster: {error!r}")
            for line in outcome["lines"]:
                record = json.loads(line)
                previous = checksums.get(record["task"])
                if previous is not None:
                    if previous != record["sha256"]:
                        raise ClusterRunError(f"task {record['task']} gave two different results (a worker's simrun "
                                              "differs from the others)", 70)
                    continue
                checksums[record["task"]] = record["sha256"]
                results_file.write(line + "\n")
            worker = per_worker.setdefault(outcome["worker"], {"tasks": 0, "seconds": 0.0, "cpu": 0.0})
            worker["tasks"] += len(outcome["lines"])
            worker["seconds"] += outcome["seconds"]
            worker["cpu"] += outcome["cpu"]
            _progress(len(checksums), total, started, progress)
            if time.monotonic() > deadline:
                raise ClusterRunError(f"the run took longer than {timeout} s", 124)
            return None

        def finish(lines):
            """Runs one batch and waits for it; returns its outcome."""
            future = submit(lines)
            while future is not None:
                done, outcome = next(iter(as_completed([future], with_results=True, raise_errors=False)))
                future = absorb(done, outcome)
            return outcome

        _progress(0, total, started, progress)
        live = max(1, len(client.scheduler_info()["workers"]))
        if batch is None:
            # Measure: one task alone, then four together; the difference is
            # the simulation, the rest of the single one the fixed cost.
            batch = 1
            if total >= 10:
                began = time.monotonic()
                one = finish(read(1))
                round_trip = time.monotonic() - began
                four_seconds = finish(read(4))["seconds"]
                task_seconds = (four_seconds - one["seconds"]) / 3
                # Tasks of a few milliseconds drown in timing noise: when
                # the difference says less than a tenth of four's mean,
                # take that mean (an upper bound, so a smaller batch).
                if task_seconds < four_seconds / 40:
                    task_seconds = four_seconds / 4
                overhead = max(0.0, round_trip - task_seconds)
                batch = choose_batch(overhead, task_seconds, total - 5, live)
                stats.update(task_seconds=task_seconds, batch_overhead=overhead)
        stats["batch"] = batch
        # A few batches per worker in flight, the next sent as one finishes:
        # the driver and the scheduler hold a bounded number of tasks.
        pending = as_completed(with_results=True, raise_errors=False)
        for _ in range(4 * live):
            lines = read(batch)
            if lines:
                pending.add(submit(lines))
        for future, outcome in pending:
            again = absorb(future, outcome)
            if again is not None:
                pending.add(again)
                continue
            lines = read(batch)
            if lines:
                pending.add(submit(lines))
    os.replace(partial, results)

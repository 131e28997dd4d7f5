"""What a Dask worker runs: a batch of plan tasks through ``simrun exec``."""

import atexit
import hashlib
import os
import resource
import shutil
import subprocess
import tempfile
import time

# The plan stores this worker process has written, by digest: each is
# written once, however many batches use it.
_STORES = {}


class TaskFailed(Exception):
    """``simrun exec`` refused or failed a batch: its own message, no traceback needed."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def simrun_version(simrun):
    """The worker's ``simrun --version``, or the reason it cannot run."""
    try:
        done = subprocess.run([simrun, "--version"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        return f"cannot run {simrun}: {error.strerror}"
    return done.stdout.strip() if done.returncode == 0 else f"{simrun} --version failed: {done.stderr.strip()}"


def _store_folder(store):
    """A folder holding ``store`` as store.jsonl (what ``simrun exec --plan``
    reads), written the first time this worker sees that store."""
    digest = hashlib.sha256(store.encode("utf-8")).hexdigest()
    folder = _STORES.get(digest)
    if folder is None or not os.path.exists(folder):
        folder = tempfile.mkdtemp(prefix="simrun-store-")
        with open(os.path.join(folder, "store.jsonl"), "w", encoding="utf-8") as f:
            f.write(store)
        _STORES[digest] = folder
    return folder


@atexit.register
def _remove_stores():
    for folder in _STORES.values():
        shutil.rmtree(folder, ignore_errors=True)


def _worker_name():
    try:
        from dask.distributed import get_worker
        return get_worker().address
    except (ImportError, ValueError):
        return "local"


def exec_batch(simrun, store, lines, threads=1):
    """Runs task lines (JSON, one per task) with the plan's store (the text
    of its store.jsonl, which Dask ships to each worker once) and returns
    the result lines with what the batch cost: a dict of ``lines``,
    ``seconds`` (wall time of ``simrun exec``), ``cpu`` (its CPU seconds)
    and ``worker``.

    Raises TaskFailed with simrun's message when it refuses or fails; an
    interrupted worker raises nothing here, Dask moves its tasks elsewhere.
    """
    folder = _store_folder(store)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        [simrun, "exec", "-", "--plan", folder, "--threads", str(threads)],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise TaskFailed(done.returncode, done.stderr.strip())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"lines": done.stdout.splitlines(), "seconds": seconds, "cpu": cpu, "worker": _worker_name()}

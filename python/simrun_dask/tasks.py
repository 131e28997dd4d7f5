"""What a Dask worker runs: a batch of plan tasks through ``simrun exec``."""

import subprocess


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


def exec_batch(simrun, lines, threads=1):
    """Runs task lines (JSON, one per task) and returns the result lines.

    Raises TaskFailed with simrun's message when it refuses or fails; an
    interrupted worker raises nothing here, Dask moves its tasks elsewhere.
    """
    done = subprocess.run(
        [simrun, "exec", "-", "--threads", str(threads)],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise TaskFailed(done.returncode, done.stderr.strip())
    return done.stdout.splitlines()

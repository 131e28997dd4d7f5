"""A real Dask cluster on 127.0.0.1: a scheduler and two workers as separate
processes, started and stopped here. Checks that compare and sweep through
the cluster give the local run's results.json byte for byte (but for the
command line), also when a worker is killed mid-run; that a task failing on
a worker stops the run with simrun's own message; and that a worker with
another simrun version is refused.

Needs simrun on PATH (the release build) and this package installed.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from dask.distributed import Client

from simrun_dask import ClusterRunError, load_results, run_on_cluster

SIMRUN = shutil.which("simrun")
BIN = os.path.dirname(sys.executable)
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def readme_lines(prefix):
    """The cluster guide's shell lines that start with `prefix`, in order."""
    lines, shell = [], False
    with open(os.path.join(REPOSITORY, "docs", "cluster.md"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("```"):
                shell = line == "```sh"
            elif shell and line.startswith(prefix):
                lines.append(line.split(" #")[0].rstrip(" &"))
    return lines
SHORT = ["--days", "8", "--set", "orders.orders_per_day=200", "--quiet"]


def running_tasks(pid, seconds=120):
    """The process ids of worker `pid`'s `simrun exec` children (a task
    running, not the `simrun --version` of the version check), as soon as
    it has any; None after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", str(pid), "-f", "simrun exec"],
                                  capture_output=True, text=True).stdout.split()
        if children:
            return children
        time.sleep(0.02)
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def without_command(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f if not line.startswith('  "command" :')]


class ClusterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if SIMRUN is None:
            raise unittest.SkipTest("simrun is not on PATH")
        signal.alarm(900)  # the whole suite is bounded in time
        cls.folder = tempfile.mkdtemp(prefix="simrun-cluster-")
        cls.port = free_port()
        cls.address = f"tcp://127.0.0.1:{cls.port}"
        cls.processes = []
        # The cluster guide's own lines, on a free port; the workers also exit if
        # the scheduler goes away, and run tasks in the worker process.
        scheduler, = readme_lines(".venv/bin/dask scheduler")
        cls.worker_line, = readme_lines(".venv/bin/dask worker")
        cls.start(cls.readme_argv(scheduler))
        cls.workers = [cls.start_worker() for _ in range(2)]
        with Client(cls.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)

    @classmethod
    def start(cls, argv):
        """Starts a server process in its own process group (so that it and
        its children can be stopped together), its output in a log file."""
        with open(os.path.join(cls.folder, f"process-{len(cls.processes)}.log"), "w") as log:
            process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        cls.processes.append(process)
        return process

    @classmethod
    def readme_argv(cls, line, port=None):
        words = line.replace("8786", str(port or cls.port)).split()
        return [os.path.join(BIN, os.path.basename(words[0]))] + words[1:]

    @classmethod
    def start_worker(cls, port=None):
        return cls.start(cls.readme_argv(cls.worker_line, port) + ["--no-nanny", "--death-timeout", "120"])

    @classmethod
    def tearDownClass(cls):
        # Workers before their scheduler (a worker stopped together with its
        # scheduler waits for it), each within 20 seconds.
        for process in reversed(cls.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(cls.folder, ignore_errors=True)
        signal.alarm(0)

    def local(self, name, command):
        out = os.path.join(self.folder, name)
        done = subprocess.run([SIMRUN, *command, "--out", out], capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        return out, done.stdout

    def cluster(self, name, command, **options):
        out = os.path.join(self.folder, name)
        printed, status = run_on_cluster([*command, "--out", out], scheduler=self.address, simrun=SIMRUN,
                                         progress=False, timeout=600, **options)
        self.assertEqual(status, 0)
        return out, printed

    def assertSameReport(self, local, cluster):
        self.assertEqual(local[1], cluster[1], "the same table")
        self.assertEqual(sorted(os.listdir(local[0])), sorted(os.listdir(cluster[0])))
        self.assertEqual(without_command(os.path.join(local[0], "results.json")),
                         without_command(os.path.join(cluster[0], "results.json")))
        for name in os.listdir(local[0]):
            if name.endswith(".csv"):
                with open(os.path.join(local[0], name), "rb") as a, open(os.path.join(cluster[0], name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), name)

    def test_1_compare_and_sweep_are_bit_identical(self):
        compare = ["compare", "wechat-baseline", "wechat-2024-04-quota", "--replications", "4", *SHORT]
        self.assertSameReport(self.local("compare-local", compare), self.cluster("compare-dask", compare))
        sweep = ["sweep", "wechat-2025-10-virtual-number", "--vary", "contact.official_message_response=0.3,0.7",
                 "--replications", "3", *SHORT]
        self.assertSameReport(self.local("sweep-local", sweep), self.cluster("sweep-dask", sweep, batch=2))
        frame = load_results(os.path.join(self.folder, "sweep-dask"))
        self.assertEqual(list(frame.columns), ["phase", "metric", "replication", "value"])
        self.assertEqual(sorted(frame["replication"].unique()), [0, 1, 2])

    def test_7_a_calibration_runs_wave_by_wave_and_equals_the_local_one(self):
        targets = os.path.join(REPOSITORY, "examples", "calibration", "taobao-targets.yaml")
        calibrate = ["calibrate", "taobao-700-full", "--targets", targets, "--uncertain",
                     "{contact.answer_probability: plausible, couriers.warehouse_share: plausible}",
                     "--points", "10", "--replications", "3", "--waves", "2", "--all-waves", *SHORT]
        stats = {}
        self.assertSameReport(self.local("calibrate-local", calibrate),
                              self.cluster("calibrate-dask", calibrate, stats=stats))
        self.assertEqual(stats["waves"], 2)

    def test_8_a_design_runs_generation_by_generation_and_equals_the_local_one(self):
        levers = os.path.join(REPOSITORY, "examples", "design", "wechat-quota-levers.yaml")
        design = ["design", levers, "--population", "8", "--generations", "2", "--replications", "2", "--confirm", "3", *SHORT]
        stats = {}
        self.assertSameReport(self.local("design-local", design), self.cluster("design-dask", design, stats=stats))
        self.assertGreaterEqual(stats["waves"], 3, "a wave a generation and one to confirm the front")

    def refusal(self, name, script):
        """The error of a short run whose workers call `script` as simrun."""
        fake = os.path.join(self.folder, name)
        with open(fake, "w") as f:
            f.write(script)
        os.chmod(fake, 0o755)
        with self.assertRaises(ClusterRunError) as raised:
            run_on_cluster(["run", "wechat-baseline", "--replications", "2", *SHORT], scheduler=self.address,
                           simrun=SIMRUN, worker_simrun=fake, progress=False, timeout=120)
        return raised.exception

    def test_2_a_task_failing_on_a_worker_stops_the_run_with_its_message(self):
        error = self.refusal("failing-simrun", f'#!/bin/sh\nif [ "$1" = exec ]; then echo "task 0: the carrier refused (test)" >&2; '
                                               f'exit 64; fi\nexec "{SIMRUN}" "$@"\n')
        self.assertEqual(error.status, 64)
        self.assertIn("the carrier refused (test)", error.message)
        self.assertNotIn("Traceback", error.message)

    def test_3_a_worker_with_another_simrun_is_refused(self):
        error = self.refusal("old-simrun", "#!/bin/sh\necho 0.0.1\n")
        self.assertEqual(error.status, 64)
        self.assertIn("has simrun '0.0.1'", error.message)

    def test_4_a_worker_killed_mid_run_loses_nothing(self):
        compare = ["compare", "wechat-2024-04-quota", "wechat-2025-08-necessary", "--replications", "8",
                   "--days", "30", "--set", "orders.orders_per_day=400", "--quiet"]
        local = self.local("kill-local", compare)
        victim = self.workers[1]
        killed = {}

        def kill_when_busy():
            children = running_tasks(victim.pid)
            if children:
                os.killpg(victim.pid, signal.SIGKILL)
                for child in children:
                    try:
                        os.kill(int(child), signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                killed["at"] = time.monotonic()

        killer = threading.Thread(target=kill_when_busy)
        killer.start()
        cluster = self.cluster("kill-dask", compare)
        finished = time.monotonic()
        killer.join()
        self.assertIn("at", killed, "the worker was killed while it ran a task")
        self.assertLess(killed["at"], finished)
        self.assertIsNotNone(victim.poll(), "the worker is gone")
        self.assertSameReport(local, cluster)

    def test_5_the_readme_command_lines_run(self):
        lines = readme_lines(".venv/bin/simrun-dask ")
        self.assertEqual(len(lines), 2, "the local-cluster and the running-cluster examples")
        work = os.path.join(self.folder, "readme")
        os.makedirs(work)
        os.symlink(os.path.join(REPOSITORY, "Scenarios"), os.path.join(work, "Scenarios"))
        for line in lines:
            argv = self.readme_argv(line)
            done = subprocess.run(argv, cwd=work, capture_output=True, text=True, timeout=300)
            self.assertEqual(done.returncode, 0, f"{line}: {done.stderr}")
            self.assertIn("paired differences from wechat-baseline", done.stdout)
            # What the run cost, per worker, in lines no wider than a terminal.
            self.assertIn("per Dask task", done.stderr)
            self.assertIn("tasks/s", done.stderr)
            self.assertTrue(all(len(line) <= 80 for line in done.stderr.splitlines()), done.stderr)
            self.assertTrue(os.path.exists(os.path.join(work, "results/compare-dask/results.json")))
            shutil.rmtree(os.path.join(work, "results"))

    def test_6_a_failing_task_prints_one_message_and_no_traceback(self):
        fake = os.path.join(self.folder, "failing-cli-simrun")
        with open(fake, "w") as f:
            f.write(f'#!/bin/sh\nif [ "$1" = exec ]; then echo "task 0: the carrier refused (test)" >&2; '
                    f'exit 64; fi\nexec "{SIMRUN}" "$@"\n')
        os.chmod(fake, 0o755)
        done = subprocess.run([os.path.join(BIN, "simrun-dask"), "--simrun", SIMRUN, "--worker-simrun", fake, "--workers", "1",
                               "--", "run", "wechat-baseline", "--replications", "2", *SHORT],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 64, done.stderr)
        self.assertIn("the carrier refused (test)", done.stderr)
        self.assertNotIn("Traceback", done.stderr)
        self.assertNotIn("Compute Failed", done.stderr)
        helped = subprocess.run([os.path.join(BIN, "simrun-dask"), "--help"], capture_output=True, text=True, timeout=60)
        self.assertIn("explore", helped.stdout)


    def test_9_a_worker_dying_with_the_only_copy_of_the_scenarios_loses_nothing(self):
        # A scheduler of its own with one worker: the store of scenarios is
        # on that worker alone (as Dask's memory manager may leave it on a
        # larger cluster). It is killed while it runs a task; only then does
        # a second worker join. The lost batches and the store are sent again.
        compare = ["compare", "wechat-baseline", "wechat-2025-10-virtual-number", "--replications", "6", *SHORT]
        local = self.local("store-local", compare)
        port = free_port()
        scheduler, = readme_lines(".venv/bin/dask scheduler")
        self.start(self.readme_argv(scheduler, port))
        victim = self.start_worker(port)
        address = f"tcp://127.0.0.1:{port}"
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        killed = {}

        def kill_then_replace():
            if running_tasks(victim.pid):
                os.killpg(victim.pid, signal.SIGKILL)
                killed["at"] = time.monotonic()
                self.start_worker(port)

        killer = threading.Thread(target=kill_then_replace)
        killer.start()
        out = os.path.join(self.folder, "store-dask")
        stats = {}
        printed, status = run_on_cluster([*compare, "--out", out], scheduler=address, simrun=SIMRUN,
                                         progress=False, timeout=600, stats=stats)
        killer.join()
        self.assertEqual(status, 0)
        self.assertIn("at", killed, "the worker was killed while it ran a task")
        self.assertGreaterEqual(stats.get("batches_resent", 0), 1, "a lost batch was sent again")
        self.assertSameReport(local, (out, printed))


if __name__ == "__main__":
    unittest.main()

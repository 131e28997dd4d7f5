"""choose_batch: the batch size the Dask driver picks from measured times."""

import unittest

from simrun_dask.driver import choose_batch


class ChooseBatchTest(unittest.TestCase):
    def test_the_fixed_cost_stays_under_a_tenth_of_the_simulation(self):
        # 28 ms a Dask task, 2 ms a simulation task: 140 tasks make it 10%.
        self.assertEqual(choose_batch(0.028, 0.002, 100_000, 2), 140)

    def test_a_batch_never_exceeds_a_thousand_tasks(self):
        # A probe drowned in noise (a task of a microsecond) once asked for
        # half of 10⁵ tasks in one batch: 19 MB through the scheduler.
        self.assertEqual(choose_batch(1.0, 1e-6, 100_000, 2), 1000)

    def test_each_worker_gets_at_least_eight_batches(self):
        self.assertEqual(choose_batch(0.028, 0.002, 100, 2), 7)
        self.assertEqual(choose_batch(5.0, 0.001, 3, 4), 1)


if __name__ == "__main__":
    unittest.main()

"""Run simrun commands on a Dask cluster and load simrun results into pandas.

``run_on_cluster`` plans a command with ``simrun plan``, runs every task with
``simrun exec`` on the cluster's workers, and joins the results with
``simrun merge``: the report is the one the local command writes, byte for
byte but for the recorded command line. ``load_results``, ``load_summary``,
``load_weekly``, ``load_indices`` and ``load_findings`` read a results folder
into tidy DataFrames.
"""

from .driver import ClusterRunError, run_on_cluster
from .frames import load_findings, load_indices, load_results, load_summary, load_weekly

__all__ = ["ClusterRunError", "run_on_cluster", "load_results", "load_summary", "load_weekly", "load_indices",
           "load_findings"]

"""simrun results folders as tidy pandas DataFrames."""

import json
import os

import pandas as pd


def load_results(folder):
    """One row per observation from a simrun --out folder.

    run / compare / timeline / sweep / check: results.csv (phase, metric,
    replication, value). attribute: attribution.csv. explore: points.csv (one
    row per point, variant and replication, the keys' values and every
    metric), melted to point, variant, replication, metric, value with the
    keys' values kept as columns.
    """
    def path(name):
        return os.path.join(folder, name)

    if os.path.exists(path("points.csv")):
        points = pd.read_csv(path("points.csv"))
        with open(path("results.json"), encoding="utf-8") as f:
            keys = ["point", "variant", "replication"] + [k["path"] for k in json.load(f)["keys"]]
        metrics = [c for c in points.columns if c not in keys]
        return points.melt(id_vars=keys, value_vars=metrics, var_name="metric", value_name="value")
    for name in ("attribution.csv", "results.csv"):
        if os.path.exists(path(name)):
            return pd.read_csv(path(name))
    raise FileNotFoundError(f"{folder}: no results.csv, attribution.csv or points.csv (a simrun --out folder?)")

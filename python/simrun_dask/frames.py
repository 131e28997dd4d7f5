"""simrun results folders as tidy pandas DataFrames.

``load_results``: every replication's value (one row per observation).
``load_summary``: one row per scenario and metric: platform, phase, mean,
95% interval, and the paired changes against the previous and the first
scenario of its platform. ``load_weekly``: the timeline's weekly series.
``load_indices``: an exploration's indices. ``load_findings``: the sentences
a report opens with.
"""

import json
import os

import pandas as pd


def _path(folder, name):
    return os.path.join(folder, name)


def _json(folder):
    with open(_path(folder, "results.json"), encoding="utf-8") as f:
        return json.load(f)


def load_results(folder):
    """One row per observation from a simrun --out folder.

    run / compare / timeline / sweep / check: results.csv (phase, metric,
    replication, value). attribute: attribution.csv. explore: points.csv (one
    row per point, variant and replication, the keys' values and every
    metric), melted to point, variant, replication, metric, value with the
    keys' values kept as columns.
    """
    if os.path.exists(_path(folder, "points.csv")):
        points = pd.read_csv(_path(folder, "points.csv"))
        keys = ["point", "variant", "replication"] + [k["path"] for k in _json(folder)["keys"]]
        metrics = [c for c in points.columns if c not in keys]
        return points.melt(id_vars=keys, value_vars=metrics, var_name="metric", value_name="value")
    for name in ("attribution.csv", "results.csv"):
        if os.path.exists(_path(folder, name)):
            return pd.read_csv(_path(folder, name))
    raise FileNotFoundError(f"{folder}: no results.csv, attribution.csv or points.csv (a simrun --out folder?)")


def load_summary(folder):
    """One row per scenario and metric of a run, compare, sweep or timeline.

    Columns: platform (the scenario's platforms joined by "+"), phase (the
    scenario's column name), metric, mean, ci_low, ci_high, n, and the paired
    changes: vs_previous (against the scenario before it on its platform,
    compare only), vs_baseline (against the platform's first scenario), each
    with _low and _high. For attribute, one row per rule and metric: rule,
    metric, without (its mean), effect, effect_low, effect_high.
    """
    doc = _json(folder)
    rows = []
    if doc.get("kind") == "attribute":
        for rule in doc["rules"]:
            for metric, effect in rule["effect"].items():
                rows.append({"scenario": doc["scenario"], "rule": rule["rule"], "metric": metric,
                             "without": rule["without"][metric]["mean"], "with": doc["metrics"][metric]["mean"],
                             "effect": effect["diff"], "effect_low": effect["ci95"][0], "effect_high": effect["ci95"][1]})
        return pd.DataFrame(rows)
    for phase in doc["phases"]:
        for metric, value in phase["metrics"].items():
            row = {"platform": "+".join(phase["platforms"]), "phase": phase["id"], "metric": metric,
                   "mean": value["mean"], "ci_low": value["ci95"][0], "ci_high": value["ci95"][1], "n": value["n"]}
            for key, column in (("vs_previous", "vs_previous"), ("vs_baseline", "vs_baseline")):
                change = (phase.get(key) or {}).get(metric)
                if key == "vs_previous" and change is None and phase.get("vs_baseline") and doc.get("kind") == "compare":
                    # The second scenario of a platform: its step is its change from the first.
                    change = phase["vs_baseline"].get(metric)
                row[column] = change["diff"] if change else None
                row[column + "_low"] = change["ci95"][0] if change else None
                row[column + "_high"] = change["ci95"][1] if change else None
            rows.append(row)
    return pd.DataFrame(rows)


def load_weekly(folder):
    """A timeline's weekly series: platform, phase, week_start, week_of, metric,
    mean, ci_low, ci_high (each platform's orders apart; week_of is "event"
    when each event counts in the week it happened, "creation" when in its
    order's creation week)."""
    rows = []
    for phase in _json(folder)["phases"]:
        weekly = phase.get("weekly")
        if not weekly:
            continue
        starts = pd.to_datetime(weekly["week_start"])
        for platform, metrics in weekly["platforms"].items():
            for metric, series in metrics.items():
                for start, value in zip(starts, series):
                    rows.append({"platform": platform, "phase": phase["id"], "week_start": start,
                                 "week_of": weekly["week_of"], "metric": metric,
                                 "mean": value["mean"], "ci_low": value["ci95"][0], "ci_high": value["ci95"][1]})
    if not rows:
        raise ValueError(f"{folder}: no weekly series (run `simrun timeline --out DIR`)")
    return pd.DataFrame(rows)


def load_indices(folder):
    """An exploration's indices.csv (metric, effect, key, index, value, low, high)."""
    return pd.read_csv(_path(folder, "indices.csv"))


def load_findings(folder):
    """The sentences the report opens with, as a DataFrame (kind, text, metrics)."""
    findings = _json(folder)["findings"]
    return pd.DataFrame(findings["sentences"])

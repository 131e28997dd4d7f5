#!/usr/bin/env python3
"""Measures what each rule does in the shipped scenario where it bites and
prints docs/model.md's rule-effect table (Markdown).

Each row is one `simrun sweep PHASE --vary KEY=BASE,CHANGED` (common random
numbers, 10 replications, the default seed): the paired difference
CHANGED - BASE of the row's §8 metrics, mean ± 95% half-width. Run from the
repository root after `swift build -c release`:

    python3 scripts/rule-effects.py > /tmp/rule-effects.md
    python3 scripts/rule-effects.py 9 20     # rows 9 and 20 only

SIMRUN names another binary.
"""
import json
import os
import subprocess
import sys

SIMRUN = os.environ.get("SIMRUN", ".build/release/simrun")

# (rules, phase, vary "KEY=BASE,CHANGED", extra --set options, metrics, note)
ROWS = [
    ("R-D1", "wechat-2024-04-quota", "disabled_rules=[],[R-D1]", [],
     ["real_number_exposures_per_1000", "merchant_contact_fulfilment"], "switched off"),
    ("R-D2", "wechat-2024-04-quota", "disabled_rules=[],[R-D2]", [],
     ["real_number_exposures_per_1000", "merchant_contact_after_sale"], "switched off"),
    ("R-D3", "wechat-2025-08-necessary", "disabled_rules=[],[R-D3]", [],
     ["real_number_exposures_per_1000", "merchant_contact_fulfilment"], "switched off"),
    ("R-D3", "wechat-2025-08-necessary", "merchants.official_tool_share=0.6,0.2", [],
     ["merchant_contact_fulfilment", "contact_time_p50_hours"], "fewer shops use tools"),
    ("R-D4", "wechat-2025-08-necessary", "disabled_rules=[],[R-D4]", [],
     ["merchant_contact_marketing", "real_number_exposures_per_1000"], "switched off"),
    ("R-D4", "wechat-2025-08-necessary", "disabled_rules=[],[R-D4]", ["contact.tool_could_meet_marketing=0"],
     ["merchant_contact_marketing", "real_number_exposures_per_1000"], "switched off, where no tool serves marketing"),
    ("R-D5", "wechat-2025-08-necessary", "disabled_rules=[],[R-D5]", [],
     ["merchant_contact_after_sale", "real_number_exposures_per_1000"], "switched off"),
    ("R-D5", "wechat-2025-08-necessary", "merchants.quota_share=0.9,0.5", [],
     ["merchant_contact_after_sale", "decrypt_denied_quota"], "half the shops without quota"),
    ("R-D6", "taobao-11plus4", "disabled_rules=[],[R-D6]", [],
     ["oaid_decrypt_calls_per_1000"], "switched off (friction only: the decrypt yields the virtual number)"),
    ("R-V1", "wechat-2025-08-necessary", "disabled_rules=[],[R-V1]", [],
     ["merchant_contact_after_sale", "suspensions"], "switched off"),
    ("R-W1", "wechat-2025-10-virtual-number", "disabled_rules=[],[R-W1]", [],
     ["real_number_exposures_per_1000", "merchant_contact_fulfilment"], "switched off"),
    ("R-W2", "wechat-2025-10-virtual-number", "disabled_rules=[],[R-W2]", [],
     ["real_number_exposures_per_1000", "merchant_contact_fulfilment"], "switched off"),
    ("R-W3/R-W4", "wechat-2025-10-virtual-number", "virtual_numbers.reapplications_allowed=1,0", [],
     ["merchant_contact_after_sale", "return_pickup_contact"], "no re-application"),
    ("R-W7", "wechat-2025-10-virtual-number", "disabled_rules=[],[R-W7]", [],
     ["merchant_contact_fulfilment", "real_number_exposures_per_1000"], "switched off"),
    ("R-W7", "wechat-2025-10-virtual-number", "merchants.shared_line_conversion_share=0.7,0", [],
     ["merchant_contact_fulfilment", "calls_blocked_unverified"], "shared lines never convert"),
    ("R-W8", "wechat-2026-01-aftersale-vn", "disabled_rules=[],[R-W8]", [],
     ["return_pickup_contact", "merchant_contact_after_sale"], "switched off"),
    ("R-W8", "wechat-2026-01-aftersale-vn", "disabled_rules=[],[R-W8]",
     ["virtual_numbers.early_expiry_after_completion_days=0"],
     ["return_pickup_contact", "merchant_contact_after_sale"], "switched off, strict R-W3 reading"),
    ("R-T2", "taobao-700-full", "disabled_rules=[],[R-T2]", [],
     ["courier_reach_per_delivery", "merchant_contact_fulfilment"], "switched off"),
    ("R-T4", "taobao-700-gray", "disabled_rules=[],[R-T4]", [],
     ["courier_reach_per_delivery", "calls_blocked_unregistered"], "switched off (every order 700 at once)"),
    ("R-T5", "taobao-700-full", "disabled_rules=[],[R-T5]", [],
     ["courier_reach_per_delivery", "failed_deliveries_per_1000"], "switched off"),
    ("R-G1–R-G6", "taobao-700-full", "merchants.callers_scale=0.5,8", [],
     ["g_group_rejected", "calls_blocked_unregistered"], "many callers per shop"),
    ("R-G7", "taobao-700-full", "disabled_rules=[],[R-G7]", [],
     ["calls_blocked_unregistered", "merchant_contact_after_sale"], "switched off"),
    ("R-G7", "taobao-700-full", "disabled_rules=[],[R-G7]",
     ["merchants.registration_eager_share=1", "merchants.registration_lazy_share=0",
      "merchants.reregister_on_oaid_change_share=0", "orders.address_change_probability=0.2",
      "orders.address_change_after_shipping_share=1"],
     ["calls_blocked_unregistered", "merchant_contact_after_sale"], "switched off, eager shops and frequent changes after printing"),
    ("R-G8", "taobao-700-full", "couriers.adaptation_complete=2026-04-01,2026-12-31", [],
     ["courier_reach_per_delivery", "failed_deliveries_per_1000"], "adaptation finishes at the end of 2026"),
    ("R-G9", "taobao-700-full", "merchants.registration_lazy_share=0.4,0", [],
     ["merchant_contact_fulfilment", "calls_blocked_unregistered"], "lazy shops never register"),
    ("couriers", "wechat-baseline", "couriers.answer_concentration=2,1000000", [],
     ["courier_reach_per_delivery", "courier_reach_per_attempt"], "independent attempts"),
]


def sweep(phase, vary, sets):
    cmd = [SIMRUN, "sweep", phase, "--vary", vary, "--format", "json", "--quiet"]
    for s in sets:
        cmd += ["--set", s]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return cmd, json.loads(out)["phases"][1]["vs_baseline"]


def fmt(diff):
    mean = diff["diff"]
    half = (diff["ci95"][1] - diff["ci95"][0]) / 2
    digits = 3 if abs(mean) < 10 else 1
    return f"{mean:+.{digits}f} ± {half:.{digits}f}"


def main():
    only = set(sys.argv[1:])  # row numbers (1-based) to run, for spot checks
    print("| rule | scenario | change | paired effect (change − default), mean ± 95% half-width |")
    print("|---|---|---|---|")
    for number, (rules, phase, vary, sets, metrics, note) in enumerate(ROWS, 1):
        if only and str(number) not in only:
            continue
        _, vs = sweep(phase, vary, sets)
        effects = "; ".join(f"`{m}` {fmt(vs[m])}" for m in metrics)
        change = f"`{vary}`" + "".join(f" with `{s}`" for s in sets)
        print(f"| {rules} | `{phase}` | {note}: {change} | {effects} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

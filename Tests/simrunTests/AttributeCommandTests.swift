import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `simrun attribute` (issue 10): every switchable rule in force, its paired
/// effect, exactly what `--set disabled_rules=[…]` gives, and the waterfall.
@Suite("simrun attribute")
struct AttributeCommandTests {
  let short = ["--replications", "3", "--days", "8", "--set", "orders.orders_per_day=400", "--set", "merchants.count=40", "--quiet"]

  func mean(_ metrics: Any?, _ metric: String) -> Double {
    ((metrics as! [String: [String: Any]])[metric]!["mean"] as! Double)
  }

  /// The switchable rules in force in a built-in phase, from `simrun list`.
  func switchableRules(of phase: String) throws -> Set<String> {
    let phases = try simrun("list", "phases", "--width", "0").out
    let line = try #require(phases.split(separator: "\n").first { $0.hasPrefix(phase + " ") })
    let rules = Set(line.split(separator: " ").map(String.init).filter { $0.hasPrefix("R-") })
    // `disabled_rules` accepts exactly the switchable rules.
    let keys = try simrun("list", "keys", "--markdown").out
    let entry = try #require(keys.split(separator: "\n").first { $0.contains("`disabled_rules`") })
    let switchable = entry.components(separatedBy: CharacterSet(charactersIn: " ,|")).filter { $0.hasPrefix("R-") }
    return rules.intersection(switchable)
  }

  @Test("taobao-700-full: every switchable rule in force, each the same as --set disabled_rules, effect = with − without; the waterfall adds up",
        arguments: ["taobao-700-full", "wechat-2026-01-aftersale-vn"])
  func attributesEveryRule(phase: String) throws {
    let r = try simrun(["attribute", phase, "--format", "json"] + short)
    #expect(r.status == 0, "\(r.err)")
    let doc = try jsonObject(r.out)
    let rules = try #require(doc["rules"] as? [[String: Any]])
    let expected = try switchableRules(of: phase)
    #expect(expected.count >= 4)
    #expect(Set(rules.map { $0["rule"] as! String }) == expected)
    let metrics = doc["metrics"]
    for rule in rules.prefix(3) {
      let id = rule["rule"] as! String
      let disabled = try simrun(["run", phase, "--set", "disabled_rules=[\(id)]", "--format", "json"] + short)
      let phases = try #require(try jsonObject(disabled.out)["phases"] as? [[String: Any]])
      let direct = try #require(phases.first?["metrics"] as? [String: [String: Any]])
      let without = try #require(rule["without"] as? [String: [String: Any]])
      for metric in ["courier_reach_per_attempt", "merchant_contact_fulfilment", "real_number_exposures_per_1000", "calls_blocked_unregistered"] {
        #expect(direct[metric]!["mean"] as! Double == without[metric]!["mean"] as! Double, "\(id) \(metric)")
        let effect = try #require((rule["effect"] as? [String: [String: Any]])?[metric]?["diff"] as? Double)
        #expect(abs(effect - (mean(metrics, metric) - mean(without, metric))) < 1e-9, "\(id) \(metric)")
      }
    }
    let waterfall = try #require(doc["waterfall"] as? [String: Any])
    let names = try #require(waterfall["phases"] as? [String])
    #expect(names.first == (phase.hasPrefix("taobao") ? "taobao-11plus4" : "wechat-baseline") && names.last == phase)
    let values = try #require(waterfall["values"] as? [String: [[String: Any]]])
    let steps = try #require(waterfall["steps"] as? [[String: Any]])
    for metric in ["courier_reach_per_attempt", "real_number_exposures_per_1000"] {
      let start = values[metric]!.first!["mean"] as! Double
      let total = steps.reduce(start) { $0 + ((($1["effect"] as! [String: [String: Any]])[metric]!["diff"]) as! Double) }
      #expect(abs(total - mean(metrics, metric)) < 1e-6, "\(metric): the waterfall ends at the scenario's value")
    }
  }

  @Test("each waterfall step equals compare's step-by-step difference of the same two phases (the gray period at its own dates, not the full rollout's)",
        arguments: [("taobao-700-full", "taobao-700-gray"), ("wechat-2026-01-aftersale-vn", "wechat-2025-10-virtual-number")])
  func waterfallEqualsCompare(phase: String, previous: String) throws {
    let attribute = try jsonObject(try simrun(["attribute", phase, "--format", "json"] + short).out)
    let steps = try #require((attribute["waterfall"] as? [String: Any])?["steps"] as? [[String: Any]])
    let last = try #require(steps.last?["effect"] as? [String: [String: Any]])
    let compared = try simrun(["compare", previous, phase, "--format", "json"] + short)
    #expect(compared.status == 0, "\(compared.err)")
    let phases = try #require(try jsonObject(compared.out)["phases"] as? [[String: Any]])
    // Two phases: the step from the first is the difference from the baseline.
    let step = try #require((phases[1]["vs_previous"] ?? phases[1]["vs_baseline"]) as? [String: [String: Any]])
    for metric in ["courier_reach_per_attempt", "courier_reach_per_delivery", "merchant_contact_fulfilment", "calls_blocked_unregistered",
                   "return_pickup_contact", "real_number_exposures_per_1000"] {
      let a = try #require(last[metric]?["diff"] as? Double), c = try #require(step[metric]?["diff"] as? Double)
      #expect(a == c, "\(phase) \(metric): waterfall \(a), compare \(c)")
    }
    if phase == "taobao-700-full" {
      #expect((last["courier_reach_per_delivery"]!["diff"] as! Double) < 0, "the full rollout lowers courier reach")
    }
  }

  @Test("a rule not in force, unknown or not switchable is refused with exit 64 before anything runs")
  func refusesRulesNotInForce() throws {
    let notInForce = try simrun(["attribute", "taobao-700-full", "--rules", "R-W8"] + short)
    #expect(notInForce.status == 64)
    #expect(notInForce.err.contains("R-W8 is not in force in taobao-700-full; rules in force that can be switched off: R-D6, R-T2, R-T5, R-G7"),
            "\(notInForce.err)")
    let unknown = try simrun(["attribute", "taobao-700-full", "--rules", "R-Q9"] + short)
    #expect(unknown.status == 64 && unknown.err.contains("unknown rule 'R-Q9'"), "\(unknown.err)")
    let fixed = try simrun(["attribute", "taobao-700-full", "--rules", "R-L1"] + short)
    #expect(fixed.status == 64 && fixed.err.contains("R-L1 cannot be switched off"), "\(fixed.err)")
    let none = try simrun(["attribute", "wechat-baseline"] + short)
    #expect(none.status == 64 && none.err.contains("no rule in force that can be switched off"), "\(none.err)")
  }

  @Test("the table marks rules without a measurable effect; --out writes the five files; HTML charts per metric")
  func tableAndFiles() throws {
    let out = try temporaryFolder().appendingPathComponent("attribution")
    let r = try simrun(["attribute", "taobao-700-full", "--out", out.path] + short, environment: ["COLUMNS": nil])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("no measurable effect"), "R-D6 and R-G7 do not move these metrics")
    #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["attribution.csv", "report.html", "results.csv", "results.json", "summary.md"])
    let csv = try String(contentsOf: out.appendingPathComponent("attribution.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("kind,name,reference,metric,diff,ci95_lower,ci95_upper,excludes_zero\n"))
    #expect(csv.contains("\nrule,R-T2,without R-T2,courier_reach_per_attempt,") && csv.contains("\nstep,taobao-700-gray,taobao-11plus4,"))
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
    #expect(parser.parse(), "report.html is well-formed")
    #expect(html.contains("What each rule does") && html.contains("Waterfall: from taobao-11plus4 to taobao-700-full"))
  }
}

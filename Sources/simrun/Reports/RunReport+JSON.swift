import Foundation
import PrivacyModel
import SimKernel

/// The schema of `results.json` (README, "results.json").
struct ResultsDocument: Codable, Equatable {
  struct Interval: Codable, Equatable {
    let mean: Double?
    let ci95: [Double?]
    let n: Int
  }

  struct Difference: Codable, Equatable {
    let diff: Double?
    let ci95: [Double?]
  }

  struct ScheduledPhase: Codable, Equatable {
    let phase: String
    let from: String?
    let rules: [String]
  }

  struct WeeklySeries: Codable, Equatable {
    let weekStart: [String]
    let metrics: [String: [Interval]]

    enum CodingKeys: String, CodingKey {
      case weekStart = "week_start", metrics
    }
  }

  struct PhaseResult: Codable, Equatable {
    let id: String
    let scenario: String
    let rules: [String]
    let schedule: [ScheduledPhase]
    let parameters: [String: String]?
    let metrics: [String: Interval]
    let vsBaseline: [String: Difference]?
    let weekly: WeeklySeries?

    enum CodingKeys: String, CodingKey {
      case id, scenario, rules, schedule, parameters, metrics, vsBaseline = "vs_baseline", weekly
    }

    // `vs_baseline` is written as null for the baseline itself (the other
    // optional keys are left out when they do not apply).
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(scenario, forKey: .scenario)
      try c.encode(rules, forKey: .rules)
      try c.encode(schedule, forKey: .schedule)
      try c.encodeIfPresent(parameters, forKey: .parameters)
      try c.encode(metrics, forKey: .metrics)
      try c.encode(vsBaseline, forKey: .vsBaseline)
      try c.encodeIfPresent(weekly, forKey: .weekly)
    }
  }

  let tool: String
  let version: String
  let command: String
  let kind: String
  let seed: UInt64
  let replications: Int
  let baseline: String
  let phases: [PhaseResult]
}

extension RunReport {
  var resultsDocument: ResultsDocument {
    func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
    func interval(_ ci: ConfidenceInterval) -> ResultsDocument.Interval {
      .init(mean: finite(ci.mean), ci95: [finite(ci.lower), finite(ci.upper)], n: ci.count)
    }
    return ResultsDocument(
      tool: "simrun", version: SimRunVersion.current, command: command, kind: kind.rawValue, seed: seed,
      replications: replications, baseline: baseline.id,
      phases: entries.enumerated().map { index, entry in
        let result = entry.result
        return ResultsDocument.PhaseResult(
          id: entry.id, scenario: entry.source, rules: entry.rules.map(\.rawValue),
          schedule: entry.scenario.schedule.map {
            .init(phase: $0.phase.id, from: $0.start?.description, rules: entry.scenario.rules(of: $0.phase).sorted().map(\.rawValue))
          },
          parameters: entry.parameters.isEmpty ? nil : Dictionary(uniqueKeysWithValues: entry.parameters.map { ($0.key, $0.value) }),
          metrics: Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0.rawValue, interval(result.interval($0))) }),
          vsBaseline: index == 0 ? nil : Dictionary(uniqueKeysWithValues: Metric.allCases.map { metric in
            let d = result.difference(from: baseline.result, metric)
            return (metric.rawValue, ResultsDocument.Difference(diff: finite(d.mean), ci95: [finite(d.lower), finite(d.upper)]))
          }),
          weekly: hasWeeklySeries ? ResultsDocument.WeeklySeries(
            weekStart: result.weekStarts.map(\.description),
            metrics: Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0.rawValue, result.weeklyIntervals($0).map(interval)) })
          ) : nil)
      })
  }

  /// `results.json`: keys sorted, so the same run gives the same bytes.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // The document holds only strings, integers and finite numbers.
    let data = try! encoder.encode(resultsDocument)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

import PrivacyModel
import SimKernel

/// The schema of an attribution's `results.json` (docs/user-guide.md, "What each rule does").
struct AttributionDocument: Codable, Equatable {
  struct RuleEffect: Codable, Equatable {
    let rule: String
    let summary: String
    /// Whether any metric's 95% interval excludes 0.
    let measurable: Bool
    /// The metrics with the rule switched off.
    let without: [String: ResultsDocument.Interval]
    /// With the rule − without it, paired.
    let effect: [String: ResultsDocument.Difference]
  }

  struct Step: Codable, Equatable {
    let from: String
    let to: String
    let effect: [String: ResultsDocument.Difference]
  }

  struct Waterfall: Codable, Equatable {
    let phases: [String]
    let values: [String: [ResultsDocument.Interval]]
    let steps: [Step]
  }

  let tool: String
  let version: String
  let command: String
  let kind: String
  let seed: UInt64
  /// The GSL generator of every stream (``Scenario/generator``).
  let generator: String
  let replications: Int
  let scenario: String
  let source: String
  /// The sentences the report opens with.
  let findings: ReportFindings
  let metrics: [String: ResultsDocument.Interval]
  let rules: [RuleEffect]
  /// Null when the scenario schedules several phases.
  let waterfall: Waterfall?
}

extension AttributionReport {
  var document: AttributionDocument {
    let interval = ResultsDocument.Interval.init(_:)
    let difference = ResultsDocument.Difference.init(_:)
    func metrics<T>(_ value: (Metric) -> T) -> [String: T] {
      Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0.rawValue, value($0)) })
    }
    return AttributionDocument(
      tool: "simrun", version: SimRunVersion.current, command: run.command, kind: "attribute", seed: run.seed,
      generator: run.entries[0].scenario.generator.rawValue, replications: run.replications, scenario: scenario.id, source: scenario.source, findings: findings,
      metrics: metrics { interval(scenario.result.interval($0)) },
      rules: rules.indices.map { i in
        .init(rule: rules[i].rawValue, summary: rules[i].summary, measurable: isMeasurable(i),
              without: metrics { interval(without(i).result.interval($0)) },
              effect: metrics { difference(effect(i, $0)) })
      },
      waterfall: steps.isEmpty ? nil : .init(
        phases: waterfall.map { run.entries[$0].id },
        values: metrics { metric in waterfall.map { interval(run.entries[$0].result.interval(metric)) } },
        steps: steps.map { step in
          .init(from: run.entries[step.from].id, to: run.entries[step.to].id, effect: metrics { difference(stepEffect(step, $0)) })
        }))
  }

  /// `results.json`: keys sorted, so the same run gives the same bytes.
  var json: String { ResultsDocument.text(document) }

  /// `attribution.csv`: one row per rule (or waterfall step) × metric:
  /// `kind,name,reference,metric,diff,ci95_lower,ci95_upper,excludes_zero`.
  var csv: String {
    var lines = ["kind,name,reference,metric,diff,ci95_lower,ci95_upper,excludes_zero"]
    func row(_ kind: String, _ name: String, _ reference: String, _ metric: Metric, _ d: ConfidenceInterval) {
      lines.append([kind, RunReport.csvField(name), RunReport.csvField(reference), metric.rawValue, RunReport.csvNumber(d.mean),
                    RunReport.csvNumber(d.lower), RunReport.csvNumber(d.upper), d.contains(0) ? "false" : "true"].joined(separator: ","))
    }
    for i in rules.indices {
      for metric in Metric.allCases { row("rule", rules[i].rawValue, without(i).id, metric, effect(i, metric)) }
    }
    for step in steps {
      for metric in Metric.allCases {
        row("step", run.entries[step.to].id, run.entries[step.from].id, metric, stepEffect(step, metric))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

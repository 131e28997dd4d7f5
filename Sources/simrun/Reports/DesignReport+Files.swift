import Foundation
import SimKernel
import PrivacyModel
import ScenarioFormat

extension DesignReport: ReportDocument {
  /// `front.csv`, `settings.csv` (every setting run), `results.json`,
  /// `summary.md`, `report.html`, and `front-K.yaml` for each point shown.
  var files: [(name: String, text: String)] {
    [("front.csv", csv), ("settings.csv", settingsCSV), ("results.json", json), ("summary.md", markdown), ("report.html", html)]
      + shown.indices.map { (Self.scenarioFile($0 + 1), ScenarioTemplate.yaml(frontScenario($0 + 1))) }
  }

  /// The front: each point's standing, levers, and each objective's and
  /// constraint's mean and 95% bounds.
  var csv: String {
    let metrics = settings.objectives.indices.map(label) + settings.constraints.map(\.metric.rawValue)
    var text = (["point", "standing"] + settings.levers.map { RunReport.csvField($0.path) }
                + metrics.flatMap { [$0 + "_mean", $0 + "_lower", $0 + "_upper"] } + ["meets_constraints", "scenario_file"])
      .joined(separator: ",") + "\n"
    for p in points {
      let shownIndex = shown.firstIndex { $0.values == p.values }
      text += ([shownIndex.map { String($0 + 1) } ?? "", RunReport.csvField(status(p))]
               + zip(settings.levers, p.values).map { RunReport.csvField($0.scale.text($1)) }
               + (p.objectives + p.constraints).flatMap { [RunReport.csvNumber($0.mean), RunReport.csvNumber($0.lower), RunReport.csvNumber($0.upper)] }
               + [p.feasible ? "true" : "false", shownIndex.map { Self.scenarioFile($0 + 1) } ?? ""]).joined(separator: ",") + "\n"
    }
    return text
  }

  /// Every setting run in the search: its stage, levers, objective scores
  /// and constraint violation.
  var settingsCSV: String {
    var text = (["stage"] + settings.levers.map { RunReport.csvField($0.path) } + settings.objectives.indices.map(label) + ["violation"])
      .joined(separator: ",") + "\n"
    for a in archive {
      text += ([String(a.stage)] + zip(settings.levers, a.values).map { RunReport.csvField($0.scale.text($1)) }
               + a.objectives.map(RunReport.csvNumber) + [RunReport.csvNumber(a.violation)]).joined(separator: ",") + "\n"
    }
    return text
  }

  private struct Document: Encodable {
    struct Lever: Encodable { let path: String, keyClass: String, values: String, source: String }
    struct Objective: Encodable { let metric: String, direction: String }
    struct Bound: Encodable { let mean: Double, lower: Double, upper: Double }
    struct Point: Encodable {
      let point: Int?, standing: String, levers: [String: Double], objectives: [String: Bound], constraints: [String: Bound]
      let meetsConstraints: Bool, scenarioFile: String?
    }
    let kind = "design"
    let version: String, command: String, scenario: String, seed: UInt64
    let findings: ReportFindings
    let levers: [Lever], objectives: [Objective], constraints: [String]
    let robustness: String, worlds: Int, population: Int, generations: Int, replications: Int, confirmReplications: Int
    let settingsRun: Int, runs: Int, stages: Int
    let front: [Point]
    let leverRankCorrelations: [String: [String: Double]]
  }

  var json: String {
    let names = settings.objectives.indices.map(label)
    func bound(_ ci: ConfidenceInterval) -> Document.Bound { Document.Bound(mean: ci.mean, lower: ci.lower, upper: ci.upper) }
    let d = Document(
      version: SimRunVersion.current, command: command, scenario: scenario, seed: settings.seed, findings: findings,
      levers: settings.levers.map { Document.Lever(path: $0.path, keyClass: $0.keyClass.rawValue, values: $0.valuesText, source: $0.source) },
      objectives: settings.objectives.indices.map { Document.Objective(metric: label($0), direction: direction($0).rawValue) },
      constraints: settings.constraints.map(\.description),
      robustness: settings.robustness.rawValue, worlds: settings.worlds.count, population: settings.population,
      generations: settings.generations, replications: settings.replications, confirmReplications: settings.confirmReplications,
      settingsRun: archive.count, runs: runs, stages: stages,
      front: points.map { p in
        let k = shown.firstIndex { $0.values == p.values }
        return Document.Point(point: k.map { $0 + 1 }, standing: status(p),
                              levers: Dictionary(uniqueKeysWithValues: zip(settings.levers.map(\.path), p.values)),
                              objectives: Dictionary(uniqueKeysWithValues: zip(names, p.objectives.map(bound))),
                              constraints: Dictionary(uniqueKeysWithValues: zip(settings.constraints.map(\.description), p.constraints.map(bound))),
                              meetsConstraints: p.feasible, scenarioFile: k.map { Self.scenarioFile($0 + 1) })
      },
      leverRankCorrelations: Dictionary(uniqueKeysWithValues: settings.levers.enumerated().map { l, lever in
        (lever.path, Dictionary(uniqueKeysWithValues: zip(names, correlations[l])))
      }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: (try? encoder.encode(d)) ?? Data(), as: UTF8.self) + "\n"
  }
}

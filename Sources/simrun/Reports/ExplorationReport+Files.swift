import Analysis
import Foundation
import PrivacyModel

extension ExplorationReport {
  /// One row per point, variant and replication: the keys' values and
  /// every metric (a tidy table for pandas, SALib or EMA Workbench; the
  /// points are in the design's evaluation order; `variant` is `scenario`,
  /// or a contrast's variant such as `without R-W7`).
  var csv: String {
    let keys = design.uncertainties.map { RunReport.csvField($0.path) }
    let variants = ["scenario"] + contrasts.map { RunReport.csvField($0.variantName) }
    // One string grown row by row (an exploration of 10⁵ runs writes tens
    // of megabytes here: not a string per row and then their join).
    var text = (["point", "variant", "replication"] + keys + Metric.allCases.map(\.rawValue)).joined(separator: ",") + "\n"
    for (p, runs) in results.enumerated() {
      let point = values[p].enumerated().map { valueText($1, factor: $0) }.joined(separator: ",")
      for (v, reps) in runs.enumerated() {
        for (r, metrics) in reps.enumerated() {
          text += "\(p),\(variants[v]),\(r),\(point)"
          for x in metrics {
            text += ","
            text += RunReport.csvNumber(x)
          }
          text += "\n"
        }
      }
    }
    return text
  }

  /// `metric,effect,key,measure,value,ci95_lower,ci95_upper`: S1 and ST
  /// (Sobol), mu_star, mu and sigma (Morris), p5/p50/p95/sd_inputs/
  /// sd_replications/share_negative/share_positive/base_case (the
  /// scenario's own values of the keys), and noise_share with
  /// two or more replications (every method; key empty). `effect` is empty for the scenario's own metric, else the
  /// contrast (`effect of R-W7`).
  var indicesCSV: String {
    var lines = ["metric,effect,key,measure,value,ci95_lower,ci95_upper"]
    func n(_ x: Double) -> String { RunReport.csvNumber(x) }
    for o in outcomes {
      let m = "\(o.metric.rawValue),\(o.contrast.map { RunReport.csvField($0.label) } ?? "")"
      for i in o.sobol ?? [] {
        let key = RunReport.csvField(design.uncertainties[i.factor].path)
        lines.append("\(m),\(key),S1,\(n(i.first.value)),\(n(i.first.lower)),\(n(i.first.upper))")
        lines.append("\(m),\(key),ST,\(n(i.total.value)),\(n(i.total.lower)),\(n(i.total.upper))")
      }
      for e in o.morris ?? [] {
        let key = RunReport.csvField(design.uncertainties[e.factor].path)
        lines.append("\(m),\(key),mu_star,\(n(e.muStar.value)),\(n(e.muStar.lower)),\(n(e.muStar.upper))")
        lines.append("\(m),\(key),mu,\(n(e.mu)),,")
        lines.append("\(m),\(key),sigma,\(n(e.sigma)),,")
      }
      let s = o.spread
      for (name, x) in [("p5", s.p5), ("p50", s.p50), ("p95", s.p95), ("sd_inputs", s.inputSD), ("sd_replications", s.noise),
                        ("share_negative", s.negative), ("share_positive", s.positive), ("base_case", o.baseCase)] {
        lines.append("\(m),,\(name),\(n(x)),,")
      }
      if let share = s.noiseShare { lines.append("\(m),,noise_share,\(n(share)),,") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private struct Document: Encodable {
    struct Key: Encodable { let path: String; let lower: String; let upper: String; let scale: String; let origin: String }
    struct Estimate: Encodable { let value: Double; let ci95: [Double] }
    struct Sobol: Encodable { let key: String; let s1: Estimate; let st: Estimate }
    struct Morris: Encodable { let key: String; let mu_star: Estimate; let mu: Double; let sigma: Double }
    struct Spread: Encodable {
      let p5: Double; let p50: Double; let p95: Double; let sd_inputs: Double; let sd_replications: Double
      let share_negative: Double; let share_positive: Double; let noise_share: Double?; let base_case: Double
    }
    struct MetricResult: Encodable { let sobol: [Sobol]?; let morris: [Morris]?; let spread: Spread }
    struct Effect: Encodable { let contrast: String; let variant: String; let metrics: [String: MetricResult] }
    struct Bound: Encodable { let key: String; let lower: String?; let upper: String?; let quasi_p: Double? }
    struct Step: Encodable { let coverage: Double; let density: Double; let mass: Double; let restricted: [String] }
    struct Discovery: Encodable {
      let condition: String; let share: Double; let box: [Bound]; let coverage: Double; let density: Double; let mass: Double
      let trajectory: [Step]; let chosen_step: Int; let dropped_not_significant: [String]
    }
    let kind = "explore"
    let version = 2
    let command: String
    let scenario: String
    let findings: ReportFindings
    let method: String
    let seed: UInt64
    let replications: Int
    let points: Int
    let sampling: String
    let bootstrap_resamples: Int
    let keys: [Key]
    let metrics: [String: MetricResult]
    let effects: [Effect]
    let discovery: Discovery?
  }

  var json: String {
    let names = design.uncertainties.map(\.path)
    func e(_ b: BootstrapEstimate) -> Document.Estimate { .init(value: b.value, ci95: [b.lower, b.upper]) }
    func result(_ o: ExplorationOutcome) -> Document.MetricResult {
      let s = o.spread
      return .init(
        sobol: o.sobol.map { $0.map { .init(key: names[$0.factor], s1: e($0.first), st: e($0.total)) } },
        morris: o.morris.map { $0.map { .init(key: names[$0.factor], mu_star: e($0.muStar), mu: $0.mu, sigma: $0.sigma) } },
        spread: .init(p5: s.p5, p50: s.p50, p95: s.p95, sd_inputs: s.inputSD, sd_replications: s.noise,
                      share_negative: s.negative, share_positive: s.positive, noise_share: s.noiseShare,
                      base_case: o.baseCase))
    }
    func results(_ contrast: ExplorationContrast?) -> [String: Document.MetricResult] {
      Dictionary(uniqueKeysWithValues: outcomes.filter { $0.contrast == contrast }.map { ($0.metric.rawValue, result($0)) })
    }
    let discovery = self.discovery.map { d in
      Document.Discovery(
        condition: d.condition.description, share: d.share,
        box: d.result.box.restricted.map { i in
          let (lower, upper) = boxBounds(i)
          return .init(key: names[i], lower: lower, upper: upper, quasi_p: d.result.quasiPValues[i])
        },
        coverage: d.result.box.coverage, density: d.result.box.density, mass: d.result.box.mass,
        trajectory: d.result.trajectory.map { .init(coverage: $0.coverage, density: $0.density, mass: $0.mass, restricted: $0.restricted.map { names[$0] }) },
        chosen_step: d.result.chosenIndex, dropped_not_significant: d.result.dropped.map { names[$0] })
    }
    let document = Document(
      command: command, scenario: scenario, findings: findings, method: method.rawValue, seed: seed, replications: replications, points: values.count,
      sampling: design.sampling, bootstrap_resamples: Self.resamples,
      keys: design.uncertainties.enumerated().map { i, u in
        .init(path: u.path, lower: valueText(u.lower, factor: i), upper: valueText(u.upper, factor: i), scale: u.scale.rawValue, origin: u.origin)
      },
      metrics: results(nil),
      effects: contrasts.map { .init(contrast: $0.label, variant: $0.variantName, metrics: results($0)) },
      discovery: discovery)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
  }
}

extension ExplorationReport: ReportDocument {
  /// `points.csv` (every point × variant × replication), `indices.csv`,
  /// `results.json`, `summary.md`, `report.html`.
  var files: [(name: String, text: String)] {
    [("points.csv", csv), ("indices.csv", indicesCSV), ("results.json", json), ("summary.md", markdown), ("report.html", html)]
  }
}

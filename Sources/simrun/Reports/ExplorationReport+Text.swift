import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat

extension ExplorationReport {
  /// At most this many factors per metric in the table (the files have all).
  static let tableRows = 12

  static func f(_ x: Double) -> String {
    abs(x) >= 100 ? String(format: "%.1f", x) : abs(x) >= 10 ? String(format: "%.2f", x) : String(format: "%.3f", x)
  }

  func header() -> [String] {
    var lines = ["\(method.rawValue) exploration of \(scenario): \(design.uncertainties.count) uncertain key\(design.uncertainties.count == 1 ? "" : "s"), \(values.count) points × \(replications) replication\(replications == 1 ? "" : "s") (seed \(seed), common random numbers at every point)",
                 design.sampling]
    if !contrasts.isEmpty {
      lines.append("At every point also: " + contrasts.map(\.variantName).joined(separator: ", ")
        + " (same seed and replications); an effect is the scenario minus that variant, replication by replication.")
    }
    if method == .sobol {
      lines.append("ST: share of the metric's variance due to the key, its interactions included; S1: the key alone; ST − S1: its interactions with other keys; [95% bootstrap interval]. Ranked by ST; ST whose interval reaches 0: the metric does not measurably depend on the key.")
      lines.append(replications > 1
        ? "Replication noise: an ST not clearly above the noise share of its metric cannot be told from noise."
        : "One replication per point: the indices' share of replication noise is not measured (--replications 2 measures it).")
    } else if method == .morris {
      lines.append("μ*: mean absolute change of the metric when the key moves over its range (in the metric's units); σ large against μ*: interactions or non-linearity.")
    }
    return lines
  }

  /// Rows per outcome for the table and Markdown: factor and the method's figures.
  func rows(_ outcome: ExplorationOutcome) -> (columns: [String], rows: [[String]], omitted: Int) {
    let names = design.uncertainties.map(\.path)
    switch method {
    case .sobol:
      let ranked = outcome.rankedSobol!
      // Total effects first (what a key moves, interactions included), then
      // first-order, then the interactions ST − S1.
      let rows = ranked.prefix(Self.tableRows).map { i in
        [names[i.factor], "\(Self.f(i.total.value)) [\(Self.f(i.total.lower)), \(Self.f(i.total.upper))]",
         "\(Self.f(i.first.value)) [\(Self.f(i.first.lower)), \(Self.f(i.first.upper))]",
         Self.f(max(0, i.total.value - i.first.value))]
      }
      return (["key", "ST", "S1", "ST − S1"], rows, max(0, ranked.count - Self.tableRows))
    case .morris:
      let ranked = outcome.rankedMorris!
      let rows = ranked.prefix(Self.tableRows).map { e in
        [names[e.factor], "\(Self.f(e.muStar.value)) [\(Self.f(e.muStar.lower)), \(Self.f(e.muStar.upper))]", Self.f(e.mu), Self.f(e.sigma)]
      }
      return (["key", "μ*", "μ", "σ"], rows, max(0, ranked.count - Self.tableRows))
    case .uncertainty:
      let s = outcome.spread
      var columns = ["p5", "p50", "p95", "SD over inputs", "SD of replications", "noise share"]
      var row = [Self.f(s.p5), Self.f(s.p50), Self.f(s.p95), Self.f(s.inputSD), Self.f(s.noise),
                 s.noiseShare.map(Self.percent) ?? "not measured"]
      if outcome.contrast != nil {
        columns += ["< 0", "> 0"]
        row += [Self.percent(s.negative), Self.percent(s.positive)]
      }
      return (columns, [row], 0)
    }
  }

  /// The line above an outcome's table: what it is, its median over the
  /// points and, for an effect, how much of the range agrees on its sign.
  func heading(_ outcome: ExplorationOutcome) -> String {
    let s = outcome.spread
    if s.isConstant { return "\(outcome.titledName): does not vary (\(Self.f(s.p50)) at every point)" }
    var noise = "; base case \(Self.f(outcome.baseCase))"
      + (s.noiseShare.map { "; replication noise \(Self.percent($0)) of its variance" } ?? "")
    if let warning = Self.noiseWarning(s) { noise += ". " + warning }
    guard let contrast = outcome.contrast else {
      let median = method == .uncertainty ? "" : " \(Self.f(s.p50)) median over the points"
      return "\(outcome.titledName):" + median + (median.isEmpty && noise.hasPrefix("; ") ? " " + noise.dropFirst(2) : noise)
    }
    var text = "\(outcome.titledName) (scenario − \(contrast.variantName), paired):"
    if method != .uncertainty { text += " \(Self.f(s.p50)) median over the points;" }
    return text + " below 0 at \(Self.percent(s.negative)), above 0 at \(Self.percent(s.positive)) of the points" + noise
  }

  /// Said wherever replication noise is more than a third of an outcome's
  /// variance over the points (``ExplorationOutcome/Spread/noiseDominates``).
  static func noiseWarning(_ spread: ExplorationOutcome.Spread) -> String? {
    guard spread.noiseDominates, let share = spread.noiseShare else { return nil }
    return "Caution: \(percent(share)) of this spread is replication noise, so its percentiles and the shares below and above 0 say little about the assumptions; run more replications per point"
  }

  func discoveryLines() -> [String] {
    guard let d = discovery else { return [] }
    let box = d.result.box
    var lines = ["", "scenario discovery (PRIM): where \(d.condition) holds (at \(Self.percent(d.share)) of the points)"]
    if box.restricted.isEmpty {
      lines.append("  no box found: the condition is not concentrated in any region of the ranges")
    } else {
      for i in box.restricted {
        let u = design.uncertainties[i]
        let (lower, upper) = boxBounds(i, digits: 3)
        let text = [lower.map { "≥ \($0)" }, upper.map { "≤ \($0)" }].compactMap { $0 }.joined(separator: " and ")
        let p = d.result.quasiPValues[i].map { ", quasi-p \(Self.pValue($0))" } ?? ""
        lines.append("  \(u.path) \(text)  (range \(u.rangeText)\(p))")
      }
      lines.append("  coverage \(Self.percent(box.coverage)) (of the points where it holds), density \(Self.percent(box.density)) (inside the box), mass \(Self.percent(box.mass)) (of all points)")
    }
    if !d.result.dropped.isEmpty {
      lines.append("  dropped as not significant (quasi-p > 0.05: the box does as well without them): "
        + d.result.dropped.map { design.uncertainties[$0].path }.joined(separator: ", "))
    }
    lines.append("  restricted keys along the peeling trajectory: "
      + Self.runs(d.result.trajectory.map(\.restricted.count)))
    return lines
  }

  static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }

  /// A quasi-p-value: two significant digits, or "< 0.0001".
  static func pValue(_ p: Double) -> String { p < 0.0001 ? "< 0.0001" : String(format: "%.2g", p) }

  /// A sequence of counts with repeats folded: `0 → 1 (×3) → 2`.
  static func runs(_ counts: [Int]) -> String {
    var parts: [(value: Int, times: Int)] = []
    for c in counts {
      if parts.last?.value == c { parts[parts.count - 1].times += 1 } else { parts.append((c, 1)) }
    }
    return parts.map { $0.times > 1 ? "\($0.value) (×\($0.times))" : "\($0.value)" }.joined(separator: " → ")
  }

  /// What the exploration varied, each key with its range, and, for all
  /// assumptions, what it left fixed and why.
  func keysLines() -> [String] {
    let keys = design.uncertainties.map { "\($0.path) \($0.rangeText)" }.joined(separator: "; ")
    var lines = ["keys varied (\(design.uncertainties.count)): \(keys)"]
    if design.uncertainties.map(\.path) == ScenarioFile.allAssumptions.map(\.path) {
      lines.append("left fixed: " + ScenarioFile.fixedUnderAllAssumptions.map { "\($0.path) (\($0.reason))" }.joined(separator: "; "))
    }
    return lines
  }

  func table(colour: Bool, width: Int?) -> String {
    var out = [findings.text(colour: colour, width: width), ""]
    out += header().flatMap { TextTable.wrap($0, width: width ?? 1_000, breakAfter: []) }
    for outcome in outcomes {
      let r = rows(outcome)
      out.append("")
      out += TextTable.wrap(heading(outcome), width: width ?? 1_000, breakAfter: [])
      out.append(TextTable(header: r.columns, rows: r.rows, colour: colour, maxWidth: width).rendered)
      if r.omitted > 0 { out.append("… and \(r.omitted) more keys (all in indices.csv and results.json)") }
    }
    out += discoveryLines().flatMap { TextTable.wrap($0, width: width ?? 1_000, breakAfter: []) }
    out.append("")
    out += keysLines().flatMap { TextTable.wrap($0, width: width ?? 1_000, breakAfter: []) }
    return out.joined(separator: "\n") + "\n"
  }

  var markdown: String {
    var out = ["# \(method.rawValue) exploration of \(scenario)", "", "Command: `\(command)`", "", findings.markdown]
    out += header().dropFirst().map { $0 + "\n" }
    for outcome in outcomes {
      let r = rows(outcome)
      out.append("## \(outcome.titledName)")
      out.append("")
      out += [heading(outcome), ""]
      out.append("| " + r.columns.joined(separator: " | ") + " |")
      out.append("|" + String(repeating: " --- |", count: r.columns.count))
      for row in r.rows { out.append("| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
      if r.omitted > 0 { out.append("\n… and \(r.omitted) more keys (indices.csv).") }
      out.append("")
    }
    out += discoveryLines()
    out += [""] + keysLines().map { "- " + $0 }
    return out.joined(separator: "\n") + "\n"
  }
}

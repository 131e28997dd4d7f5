import Foundation
import PrivacyModel

extension CalibrationReport {
  /// Rows of the keys table: key, assumed, calibrated, share of the range kept.
  var keyRows: [[String]] {
    ranges.map { r in
      [r.key.path, Self.rangeText(r.key.lower, r.key.upper, r.key), Self.rangeText(r.lower, r.upper, r.key),
       r.lower == nil ? "–" : percent(r.kept) + (r.constrained ? "" : " (not constrained)")]
    }
  }
  static let keyHeader = ["key", "assumed", "consistent", "range kept"]

  /// Rows of the targets table.
  var targetRows: [[String]] {
    fits.map { f in
      let t = f.target
      return [t.metric.rawValue, observedIn(t), Self.value(t.observed), Self.value(t.observationSD),
              Self.value(t.discrepancySD) + (t.discrepancyIsDefault ? " (default)" : ""), Self.value(f.stochasticSD),
              "\(Self.value(f.p5))–\(Self.value(f.p95))"]
    }
  }
  static let targetHeader = ["target", "observed in", "observed", "sd", "discrepancy sd", "replication sd", "consistent (p5–p95)"]

  /// Rows of the waves table.
  var waveRows: [[String]] {
    waves.map { w in
      [String(w.number), String(w.points.count), percent(w.space.shareOfCube), String(w.space.points.count),
       percent(w.leaveOneOutOutside.max() ?? 0), w.heldOutWithin.map { percent($0.min() ?? 1) } ?? "–"]
    }
  }
  static let waveHeader = ["wave", "points run", "space left", "candidates left", "LOO beyond 3 sd", "held out within 3 sd"]

  /// The terminal report: findings first, then the keys, targets and waves.
  func table(colour: Bool, width: Int?) -> String {
    func section(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
      TextTable.section(title, header: header, rows: rows, colour: colour, width: width)
    }
    var out = Terminal.styled("simrun calibrate: \(scenario)", .bold, enabled: colour) + "\n\n"
    out += findings.text(colour: colour, width: width) + "\n"
    out += section("The keys: assumed, and consistent with the targets", Self.keyHeader, keyRows)
    out += "\n" + section("The targets", Self.targetHeader, targetRows)
    out += "\n" + section("The waves", Self.waveHeader, waveRows) + "\n"
    return out
  }

  /// summary.md: the same sections as Markdown tables.
  var markdown: String {
    var md = "# simrun calibrate: \(scenario)\n\n" + findings.markdown
    md += "Command: `\(command)` · seed \(seed) · simrun \(SimRunVersion.current)\n\n"
    md += "## The keys: assumed, and consistent with the targets\n\n" + RunReport.markdownTable(header: Self.keyHeader, rows: keyRows)
    md += "\n## The targets\n\n" + RunReport.markdownTable(header: Self.targetHeader, rows: targetRows)
    md += "\nSources: " + targets.map { "\($0.label): \($0.source)" }.joined(separator: "; ") + ".\n"
    md += "\n## The waves\n\n" + RunReport.markdownTable(header: Self.waveHeader, rows: waveRows)
    return md
  }
}

import Foundation
import PrivacyModel

extension CalibrationReport {
  /// Profiles drawn in report.html at most (keys in the order given).
  static let profiledKeys = 12

  /// `report.html`: findings, the assumed and consistent ranges per key,
  /// the implausibility profiles, then the targets, waves and keys tables.
  var html: String {
    let e = SVGChart.escape
    let meta = [
      ("scenarios", scenarioNames.joined(separator: ", ")),
      ("runs", "\(waves.count) wave\(waves.count == 1 ? "" : "s"), \(runCount) runs (\(replications) replications a point, every point with the same seed: common random numbers)"),
      ("cut-off", "implausibility \(Self.value(cutoff)) standard deviations"),
      ("stopped", stop.text),
    ]
    var h = RunReport.htmlHead(title: "simrun calibrate: \(scenario)", heading: "simrun calibrate: \(scenario)", command: command,
                               seed: seed, meta: meta, findings: findings)
    h += "<h2>What the observed figures pin down</h2>\n<p>Each key over its assumed range (pale) and the part of it where some point is consistent with every target (dark). A dark bar across the whole width: the targets say nothing about that key.</p>\n"
    h += "<div class=\"charts\"><figure>" + SVGChart.calibratedRanges(
      title: "Assumed and calibrated ranges", subtitle: "\(remainingShare < 0.01 ? "<1%" : percent(remainingShare)) of the assumed space is left",
      labels: keys.map(\.path),
      kept: ranges.map { r in
        guard let lo = r.lower, let hi = r.upper, r.key.upper > r.key.lower else { return nil }
        return ((lo - r.key.lower) / (r.key.upper - r.key.lower), (hi - r.key.lower) / (r.key.upper - r.key.lower))
      },
      texts: ranges.map { "\(Self.rangeText($0.lower, $0.upper, $0.key)) of \(Self.rangeText($0.key.lower, $0.key.upper, $0.key))" })
      + "</figure></div>\n"
    if !profiles.isEmpty {
      h += "<h2>Implausibility profiles</h2>\n<p>For each key, over its assumed range: the smallest implausibility any probe point reached with the key in that slice (the largest over the targets and waves). Slices under the dashed cut-off hold points consistent with the targets; a flat profile under the line means the targets do not depend on the key.</p>\n<div class=\"charts\">\n"
      for (j, key) in keys.prefix(Self.profiledKeys).enumerated() {
        h += "<figure>" + SVGChart.implausibilityProfile(title: key.path, subtitle: "smallest implausibility by slice of its range",
                                                          profile: profiles[j], cutoff: cutoff,
                                                          lowerText: Self.text(key.lower, key), upperText: Self.text(key.upper, key))
          + "</figure>\n"
      }
      h += "</div>\n"
    }
    func rows(_ rows: [[String]]) -> [[String]] { rows.map { $0.map(e) } }
    h += "<h2>The targets</h2>\n" + RunReport.htmlTable(header: Self.targetHeader, rows: rows(targetRows))
    h += "<p class=\"note\">Sources: " + e(targets.map { "\($0.label): \($0.source)" }.joined(separator: "; ")) + ".</p>\n"
    h += "<h2>The waves</h2>\n<p>Each wave runs points spread over the space the earlier waves left, fits an emulator per target, and rules out what they show implausible. LOO: each run predicted from the others by its emulator; held out: a wave's runs against the previous wave's emulators.</p>\n"
      + RunReport.htmlTable(header: Self.waveHeader, rows: rows(waveRows))
    h += "<h2>The keys</h2>\n" + RunReport.htmlTable(header: Self.keyHeader, rows: rows(keyRows))
    return h + ReportGlossary.html + "</body>\n</html>\n"
  }
}

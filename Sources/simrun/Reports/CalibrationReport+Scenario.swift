import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

extension CalibrationReport {
  /// The calibrated scenario file: `base` with every key moved to the
  /// consistent point `values` (the least implausible one), and an
  /// `uncertain:` section narrowed to the calibrated ranges, so that
  /// `simrun explore`, `compare` and `attribute` run under the calibrated
  /// assumptions without hand edits. A multiplier's range is written
  /// relative to the moved value (its 1); a switch the consistent points
  /// hold at one value is fixed there and left out of `uncertain:`.
  static func calibratedScenario(_ base: Scenario, keys: [ScenarioUncertainty], ranges: [KeyRange], at values: [Double]) -> String {
    let scenario = keys.applied(values, to: base)
    var lines: [String] = []
    for (key, range) in zip(keys, ranges) {
      guard let lower = range.lower, let upper = range.upper else { continue }
      let x = values[keys.firstIndex(of: key)!]
      var lo = lower, hi = upper
      switch key.scale {
      case .boolean:
        guard lower < 0.5 && upper >= 0.5 else { continue }
        (lo, hi) = (0, 1)
      case .integer, .date:
        (lo, hi) = (lower.rounded(.down), upper.rounded(.up))
        guard lo < hi else { continue }
      case .multiplier:
        // Relative to the moved value, which is now the scenario's 1.
        (lo, hi) = (min(1, lower / max(x, 1e-9)), max(1, upper / max(x, 1e-9)))
      case .continuous:
        // Outwards to a thousandth of the assumed range, so that the file
        // reads 0.0239, not 0.02392120361328125, and stays in the range.
        let step = pow(10, (log10(max(key.upper - key.lower, 1e-12)) - 3).rounded(.down))
        (lo, hi) = (max(key.lower, min((lower / step).rounded(.down) * step, x)),
                    min(key.upper, max((upper / step).rounded(.up) * step, x)))
      }
      guard lo < hi else { continue }
      lines.append("  \(key.path): {uniform: {lower: \(bound(lo, key)), upper: \(bound(hi, key))}}")
    }
    var text = ScenarioTemplate.yaml(scenario)
    text += "\n# Calibrated by simrun calibrate: the keys above are at the least implausible\n"
    text += "# point, and each range below holds every point consistent with the targets.\n"
    if lines.isEmpty {
      text += "# (No key kept a range: every one is fixed at its calibrated value.)\n"
    } else {
      text += "uncertain:\n" + lines.joined(separator: "\n") + "\n"
    }
    return text
  }

  /// A bound as the scenario reader takes it: a date, a whole number, or
  /// the number in full.
  private static func bound(_ x: Double, _ key: ScenarioUncertainty) -> String {
    switch key.scale {
    case .date: CivilDate(daysSinceEpoch: Int(x)).description
    case .integer, .boolean: String(Int(x))
    case .continuous, .multiplier: ScenarioTemplate.number(x)
    }
  }
}

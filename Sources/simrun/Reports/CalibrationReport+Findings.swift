import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat

extension CalibrationReport {
  /// What the report opens with: how much of the assumed space the
  /// targets rule out, which keys they pin down and which they cannot,
  /// what the consistent points give for each target, whether the
  /// emulators passed their checks, and why the waves stopped.
  var findings: ReportFindings {
    var sentences: [Finding] = []
    let keyCount = "\(keys.count) uncertain key\(keys.count == 1 ? "" : "s")"
    let runs = "\(waves.count) wave\(waves.count == 1 ? "" : "s"), \(runCount) runs"
    if stop == .empty || best == nil {
      let closest = closestMiss
      sentences.append(Finding(kind: .note, text: "No combination of the assumed ranges of the \(keyCount) reproduces every observed figure "
        + "(\(runs), cut-off \(Self.value(cutoff)) standard deviations)"
        + (closest.map { ": the least implausible point is still \(Self.value($0.implausibility)) standard deviations from \($0.target.label)" } ?? "")
        + ". Widen the ranges, check the targets and their sources, or state a larger discrepancy.",
        metrics: targets.map(\.metric.rawValue)))
    } else {
      sentences.append(Finding(kind: .note, text: "The \(targets.count) observed figure\(targets.count == 1 ? " rules" : "s rule") out "
        + "\(percent(1 - remainingShare)) of the assumed ranges of the \(keyCount): \(percent(remainingShare)) remains consistent with "
        + (targets.count == 1 ? "it " : "them ")
        + "(\(runs); implausibility cut-off \(Self.value(cutoff)) standard deviations).", metrics: targets.map(\.metric.rawValue)))
      let pinned = ranges.filter(\.constrained).sorted { $0.kept < $1.kept }
      if !pinned.isEmpty {
        sentences.append(Finding(kind: .sensitivity, text: (targets.count == 1 ? "It narrows " : "They narrow ") + list(pinned.prefix(4).map {
          "\($0.key.path) to \(Self.rangeText($0.lower, $0.upper, $0.key)) (assumed \(Self.rangeText($0.key.lower, $0.key.upper, $0.key)))"
        }) + (pinned.count > 4 ? " and \(pinned.count - 4) more keys (table below)" : "") + ".", metrics: []))
      }
      let free = ranges.filter { !$0.constrained }
      if pinned.isEmpty && remainingShare < 0.9 {
        sentences.append(Finding(kind: .sensitivity, text: "No key alone is narrowed: the targets rule out combinations of the keys "
          + "(points.csv lists the consistent ones), not a key's own range.", metrics: []))
      }
      if !free.isEmpty {
        sentences.append(Finding(kind: .sensitivity, text: (targets.count == 1 ? "It cannot constrain " : "They cannot constrain ") + list(free.prefix(6).map(\.key.path))
          + (free.count > 6 ? " and \(free.count - 6) more" : "")
          + ": the consistent points span at least \(percent(Self.unconstrainedShare)) of "
          + (free.count == 1 ? "its" : "each") + " assumed range, so conclusions that rest on "
          + (free.count == 1 ? "it keep its" : "them keep their") + " full uncertainty.", metrics: []))
      }
      for fit in fits.prefix(3) {
        let t = fit.target
        let discrepancy: String = "discrepancy sd " + Self.value(t.discrepancySD) + (t.discrepancyIsDefault ? ", the default" : "")
        let observed: String = "observed " + Self.value(t.observed) + " (sd " + Self.value(t.observationSD) + ", " + discrepancy + ")"
        let given: String = "the consistent points give " + Self.value(fit.p5) + "–" + Self.value(fit.p95) + " (emulated, 5th–95th percentile)"
        sentences.append(Finding(kind: .note, text: t.metric.title + " in " + observedIn(t) + ": " + observed + "; " + given + ".",
                                 metrics: [t.metric.rawValue]))
      }
    }
    let worst = waves.flatMap(\.leaveOneOutOutside).max() ?? 0
    var check = worst == 0
      ? "The emulators pass their checks: every run lies within 3 standard deviations of its leave-one-out prediction"
      : "The emulators pass their checks: at most \(percent(worst)) of a wave's runs lie beyond 3 standard deviations of "
        + "their leave-one-out prediction (limit \(percent(Calibration.leaveOneOutTolerance)))"
    if let heldOut = waves.compactMap(\.heldOutWithin).flatMap({ $0 }).min() {
      check += "; of each later wave's runs, at least \(percent(heldOut)) lie within 3 standard deviations of the previous wave's emulators"
    }
    sentences.append(Finding(kind: .note, text: check + ".", metrics: []))
    sentences.append(Finding(kind: .note, text: "The waves stopped because \(stop.text).", metrics: []))
    return ReportFindings(sentences, method: "History matching: a Gaussian-process emulator per target, implausibility "
      + "|observed − emulated| / √(emulator + replication + discrepancy + observation variances), points above the cut-off "
      + "ruled out, wave by wave; every run with the same seed (common random numbers).")
  }

  /// The name of the scenario a target was observed in.
  func scenarioName(_ target: CalibrationTarget) -> String { target.scenario ?? scenario }

  /// Where a target was observed: its scenario, and its window and
  /// platform when it has them.
  func observedIn(_ target: CalibrationTarget) -> String {
    var text = scenarioName(target)
    if let start = target.windowStart, let end = target.windowEnd { text += ", \(start)–\(end)" }
    if let platform = target.platform { text += ", \(platform.displayName)" }
    return text
  }

  func percent(_ x: Double) -> String {
    let p = x * 100
    if p > 0 && p < 1 { return "<1%" }
    if p < 100 && p > 99 { return ">99%" }
    return "\(Int(p.rounded()))%"
  }

  func list(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }
}

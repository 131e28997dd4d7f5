import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat

/// What `simrun calibrate` found: per key its assumed range against the
/// range consistent with the observed figures, per target what the
/// consistent points give, per wave how much space was ruled out and how
/// the emulators fared, the non-implausible sample, and the calibrated
/// scenario.
struct CalibrationReport {
  /// A key's assumed range and the range of the non-implausible points.
  struct KeyRange {
    let key: ScenarioUncertainty
    /// `nil` when no point is left.
    let lower: Double?
    let upper: Double?
    /// The calibrated width over the assumed width (0–1).
    var kept: Double {
      guard let lower, let upper, key.upper > key.lower else { return 0 }
      return (upper - lower) / (key.upper - key.lower)
    }
    /// Whether the targets narrowed the key: its consistent points span
    /// less than ``CalibrationReport/unconstrainedShare`` of its range.
    var constrained: Bool { kept < CalibrationReport.unconstrainedShare }
  }

  /// A target and what the emulators give for it over the consistent points.
  struct TargetFit {
    let target: CalibrationTarget
    /// 5th, 50th and 95th percentiles of the emulators' means over the
    /// non-implausible points (`nil` when none is left).
    let p5: Double?
    let p50: Double?
    let p95: Double?
    /// The standard deviation of a point's replication mean (last wave).
    let stochasticSD: Double
  }

  /// A key whose consistent points span at least this share of its assumed
  /// range is one the targets cannot constrain.
  static let unconstrainedShare = 0.9
  /// The non-implausible points written to points.csv at most.
  static let sampleLimit = 2_000

  let command: String
  let scenario: String
  let scenarioNames: [String]
  let seed: UInt64
  let replications: Int
  let cutoff: Double
  let keys: [ScenarioUncertainty]
  let targets: [CalibrationTarget]
  let waves: [CalibrationWave]
  let stop: Calibration.Stop
  let ranges: [KeyRange]
  let fits: [TargetFit]
  /// The non-implausible sample (up to ``sampleLimit`` points, spread):
  /// unit coordinates, the keys' values, the largest implausibility over
  /// every wave's targets, and each target's emulated mean (last wave).
  let sample: [[Double]]
  let sampleValues: [[Double]]
  let sampleImplausibility: [Double]
  let samplePredictions: [[Double]]
  /// The sample point with the smallest implausibility (its index).
  let best: Int?
  /// Per key, over 20 equal bins of its range: the smallest implausibility
  /// (largest over waves and targets) of a probe point in the bin — the
  /// minimum-implausibility profile of the implausibility plots.
  let profiles: [[Double]]
  /// The least implausible probe point's implausibility, and the target it
  /// misses by most (for the findings when no point is consistent).
  let closestMiss: (target: CalibrationTarget, implausibility: Double)?
  /// The calibrated scenario file's text (`nil` when no point is left).
  let calibratedYAML: String?

  init(command: String, calibration: Calibration, base: Scenario) {
    let s = calibration.settings
    self.command = command
    self.scenario = base.name
    self.scenarioNames = s.scenarioNames
    self.seed = s.seed
    self.replications = s.replications
    self.cutoff = s.cutoff
    self.keys = s.keys
    self.targets = s.targets
    self.waves = calibration.waves
    self.stop = calibration.stop
    let matches = calibration.waves.map(\.match)
    let sample = calibration.waves.last?.space.spread(Self.sampleLimit) ?? []
    let factors = calibration.factors
    let values = sample.map { u in zip(factors, u).map { $0.value(at: $1) } }
    let implausibility = sample.map { x in matches.map { $0.maximumImplausibility(x) }.max() ?? 0 }
    let predictions = sample.map { x in matches.last.map { m in m.emulators.map { $0.predict(x).mean } } ?? [] }
    let best = implausibility.indices.min { implausibility[$0] < implausibility[$1] }
    let ranges = s.keys.indices.map { j in
      KeyRange(key: s.keys[j], lower: values.map { $0[j] }.min(), upper: values.map { $0[j] }.max())
    }
    self.sample = sample
    self.sampleValues = values
    self.sampleImplausibility = implausibility
    self.samplePredictions = predictions
    self.best = best
    self.ranges = ranges
    let last = calibration.waves.last
    fits = s.targets.indices.map { t in
      // An emulator's mean may stray past 0 or 1 for a share; what the
      // points give cannot.
      let rate = s.targets[t].metric.isRate
      let column = predictions.map { rate ? min(1, max(0, $0[t])) : $0[t] }.sorted()
      func q(_ p: Double) -> Double? { column.isEmpty ? nil : column[min(column.count - 1, Int(p * Double(column.count - 1) + 0.5))] }
      return TargetFit(target: s.targets[t], p5: q(0.05), p50: q(0.5), p95: q(0.95),
                       stochasticSD: (last?.stochasticVariance[t] ?? 0).squareRoot())
    }
    let probed = Self.probe(matches, dimension: s.keys.count)
    profiles = probed.profiles
    closestMiss = probed.least.map { least in
      let each = matches.last!.implausibilities(least.x)
      return (s.targets[each.indices.max { each[$0] < each[$1] }!], least.implausibility)
    }
    calibratedYAML = best.map { CalibrationReport.calibratedScenario(base, keys: s.keys, ranges: ranges, at: values[$0]) }
  }

  /// 4,096 quasi-random probe points of the whole cube, in one pass: the
  /// minimum-implausibility profile of each key over 20 bins, and the least
  /// implausible probe (the largest implausibility over waves and targets).
  static func probe(_ matches: [HistoryMatchingWave], dimension: Int, bins: Int = 20)
    -> (profiles: [[Double]], least: (x: [Double], implausibility: Double)?) {
    guard !matches.isEmpty else { return ([], nil) }
    var profile = [[Double]](repeating: [Double](repeating: .infinity, count: bins), count: dimension)
    var least: (x: [Double], implausibility: Double)?
    let sequence = QuasiRandomSequence(dimension: dimension, skip: 1)
    for _ in 0..<4_096 {
      let x = sequence.next()
      let i = matches.map { $0.maximumImplausibility(x) }.max() ?? 0
      if least == nil || i < least!.implausibility { least = (x, i) }
      for j in 0..<dimension {
        let b = min(bins - 1, Int(x[j] * Double(bins)))
        profile[j][b] = min(profile[j][b], i)
      }
    }
    return (profile, least)
  }

  /// The runs of every wave.
  var runCount: Int { waves.reduce(0) { $0 + $1.points.count } * scenarioNames.count * replications }

  /// The share of the assumed space still consistent with the targets.
  var remainingShare: Double { waves.last?.space.shareOfCube ?? 1 }

  /// A key's value as text: dates as dates, whole numbers whole, other
  /// numbers to a thousandth of the key's assumed range (trailing zeros
  /// dropped), so that 0.0000214 in a range of 0–0.1 reads 0.
  static func text(_ x: Double, _ key: ScenarioUncertainty) -> String {
    switch key.scale {
    case .date, .boolean, .integer: return key.scale.text(x.rounded())
    case .multiplier, .continuous:
      let width = max(key.upper - key.lower, 1e-12)
      let decimals = max(0, min(12, 3 - Int(log10(width).rounded(.down))))
      var t = String(format: "%.\(decimals)f", x)
      if t.contains(".") {
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
      }
      if t == "-0" { t = "0" }
      return (key.scale == .multiplier ? "×" : "") + t
    }
  }

  /// "0.3–0.9" for a key's range.
  static func rangeText(_ lower: Double?, _ upper: Double?, _ key: ScenarioUncertainty) -> String {
    guard let lower, let upper else { return "none" }
    return "\(text(lower, key))–\(text(upper, key))"
  }

  /// A metric value as text, to 3 significant digits.
  static func value(_ x: Double?) -> String { x.map { String(format: "%.3g", $0) } ?? "–" }
}

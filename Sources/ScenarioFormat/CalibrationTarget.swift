public import PrivacyModel
public import SimKernel

/// One observed figure a calibration must reproduce (`simrun calibrate
/// --targets FILE`): a metric, the scenario it was observed in, the value,
/// its uncertainty and the model discrepancy allowed for it, and where the
/// figure comes from.
public struct CalibrationTarget: Sendable, Equatable {
  public let metric: Metric
  /// The command-line scenario it was observed in, as the file names it
  /// (`nil`: the first scenario).
  public let scenario: String?
  /// A window of a scenario with weekly series (the timeline): the
  /// metric over the orders of the whole weeks from `windowStart` through
  /// `windowEnd`, of `platform` (`nil`: both); `nil` for the whole run.
  public let windowStart: CivilDate?
  public let windowEnd: CivilDate?
  public let platform: Platform?
  public let observed: Double
  /// The observation's standard deviation, in the metric's unit (from `sd:`,
  /// or from a 95% `interval:` as its width / (2 × 1.96)).
  public let observationSD: Double
  /// The model discrepancy's standard deviation, in the metric's unit.
  public let discrepancySD: Double
  /// Whether ``discrepancySD`` is the documented default
  /// (``defaultDiscrepancySD(metric:observed:)``) rather than the file's.
  public let discrepancyIsDefault: Bool
  public let source: String
  /// The target's line and column in its file, for messages.
  public let line: Int
  public let column: Int

  public init(metric: Metric, scenario: String?, observed: Double, observationSD: Double, discrepancySD: Double?,
              source: String, window: (start: CivilDate, end: CivilDate)? = nil, platform: Platform? = nil,
              line: Int = 0, column: Int = 0) {
    self.metric = metric
    self.scenario = scenario
    self.windowStart = window?.start
    self.windowEnd = window?.end
    self.platform = platform
    self.observed = observed
    self.observationSD = observationSD
    self.discrepancySD = discrepancySD ?? Self.defaultDiscrepancySD(metric: metric, observed: observed)
    self.discrepancyIsDefault = discrepancySD == nil
    self.source = source
    self.line = line
    self.column = column
  }

  /// The share of an observed value (of its distance to the nearer end of
  /// 0–1, for a share) taken as the discrepancy's standard deviation when
  /// the file states none. An assumption; plausible 0.02–0.2.
  public static let defaultDiscrepancyShare = 0.05

  /// The discrepancy assumed when the file states none: 5% of the observed
  /// value's distance to the nearer end of 0–1 for a share (so a rate near
  /// 0 or 1, such as a courier reach of 0.97, still constrains: ±0.0015
  /// rather than ±0.05), and 5% of the observed value otherwise (per 1,000
  /// orders, hours). An assumption (plausible 2–20%): the model leaves out
  /// how real buyers, merchants and couriers differ from its few
  /// behaviours, and nothing measured says by how much; state your own
  /// with `discrepancy:` when you know better.
  public static func defaultDiscrepancySD(metric: Metric, observed: Double) -> Double {
    defaultDiscrepancyShare * (metric.isRate ? max(0, min(observed, 1 - observed)) : abs(observed))
  }

  /// "courier_reach_per_attempt in taobao-700-full", "… in timeline,
  /// 2025-08-04–2025-10-26, Taobao".
  public var label: String {
    var text = metric.rawValue + (scenario.map { " in \($0)" } ?? "")
    if let windowStart, let windowEnd { text += ", \(windowStart)–\(windowEnd)" }
    if let platform { text += ", \(platform.displayName)" }
    return text
  }

  /// The indices of the whole weeks of a weekly series starting on
  /// `first` (a week each) that lie inside the window.
  public func windowWeeks(first: CivilDate, weeks: Int) -> [Int] {
    guard let windowStart, let windowEnd else { return [] }
    return (0..<weeks).filter { first.adding(days: 7 * $0) >= windowStart && first.adding(days: 7 * $0 + 6) <= windowEnd }
  }
}

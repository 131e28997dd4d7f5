import PrivacyModel
import SimKernel

extension RunReport {
  /// The terminal table: metrics as rows, scenarios as columns, `mean ±
  /// half-width`; then paired differences from the baseline (bold where the
  /// 95% interval excludes zero, when colour is on); for the timeline, the
  /// headline metrics by month.
  func table(colour: Bool) -> String {
    let names = entries.map(\.id)
    let values = TextTable(
      header: ["metric"] + names,
      rows: Metric.allCases.map { metric in
        [metric.rawValue] + entries.map { Self.meanPlusMinus($0.result.interval(metric)) }
      }, colour: colour).rendered
    var text = "seed \(seed), \(replications) replications per scenario; mean ± 95% half-width\n\n" + values
    if entries.count > 1 {
      let others = Array(entries.dropFirst())
      let differences = TextTable(
        header: ["Δ vs \(baseline.id)"] + others.map(\.id),
        rows: Metric.allCases.map { metric in
          [metric.rawValue] + others.map { entry in
            let d = entry.result.difference(from: baseline.result, metric)
            let cell = Self.meanPlusMinus(d)
            return d.contains(0) ? cell : Terminal.styled(cell, .bold, enabled: colour)
          }
        }, colour: colour).rendered
      text += "\n\npaired differences (common random numbers), mean ± 95% half-width"
        + (colour ? "; bold: interval excludes 0" : "") + "\n\n" + differences
    }
    if hasWeeklySeries {
      text += "\n\n" + monthlyTable(colour: colour)
    }
    return text
  }

  /// The timeline's headline metrics averaged by calendar month (weekly
  /// series are in `--format csv|json` and `--out`).
  func monthlyTable(colour: Bool) -> String {
    let result = baseline.result
    let starts = result.weekStarts
    let metrics: [Metric] = [.courierReachability, .merchantContactFulfilment, .merchantContactAfterSale,
                             .merchantContactMarketing, .realNumberExposuresPer1000]
    let series = metrics.map { result.weeklyIntervals($0).map(\.mean) }
    var months: [(label: String, weeks: [Int])] = []
    for (w, date) in starts.enumerated() {
      let label = Self.month(date)
      if months.last?.label == label { months[months.count - 1].weeks.append(w) } else { months.append((label, [w])) }
    }
    let switches = Set(scenarioSwitches.map { Self.month($0.date) })
    let rows = months.map { month in
      [month.label + (switches.contains(month.label) ? " *" : "")] + series.map { values in
        let mean = month.weeks.map { values[$0] }.reduce(0, +) / Double(month.weeks.count)
        return SelfTestReport.fixed(mean, abs(mean) >= 10 ? 2 : 3)
      }
    }
    return "by month of order creation (weekly means averaged; * = a phase switched on that month)\n\n"
      + TextTable(header: ["month"] + metrics.map(\.rawValue), rows: rows, colour: colour).rendered
  }

  /// `YYYY-MM`.
  static func month(_ date: CivilDate) -> String { "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)" }

  /// The phase switches inside the baseline's period, in date order.
  var scenarioSwitches: [(date: CivilDate, phase: Phase)] {
    let s = baseline.scenario
    let end = s.start.adding(days: s.days)
    return s.schedule.compactMap { entry in
      guard let from = entry.start, from > s.start, from < end else { return nil }
      return (from, entry.phase)
    }.sorted { $0.date < $1.date }
  }

  /// `mean ± half-width`, with digits suited to the value's size.
  static func meanPlusMinus(_ ci: ConfidenceInterval) -> String {
    let digits = abs(ci.mean) >= 100 ? 1 : abs(ci.mean) >= 10 ? 2 : 3
    return "\(SelfTestReport.fixed(ci.mean, digits)) ± \(SelfTestReport.fixed(ci.halfWidth, digits))"
  }
}

import PrivacyModel
import SimKernel

extension RunReport {
  /// The terminal table, per platform group: metrics as rows, scenarios as
  /// columns, `mean ± half-width`; then the paired differences from the
  /// group's baseline and, in `compare`, step by step (bold where the 95%
  /// interval excludes zero, when colour is on); then any differences across
  /// platforms, marked as such and never bold. The timeline opens with its
  /// phase switches and the headline metrics by month, its pooled
  /// whole-period figures after them. Fitted to `width` columns (`nil`: no limit).
  func table(colour: Bool, width: Int? = nil) -> String {
    var text = findings.map { $0.text(colour: colour, width: width) + "\n\n" } ?? ""
    text += Self.paragraph("seed \(seed), \(replications) replications per scenario; mean ± 95% half-width"
      + (tableMetrics == Self.headlineMetrics ? " (headline metrics; --metrics all for all \(Metric.allCases.count))" : ""),
      width: width)
    // The timeline's answer is at its switches and by month, each platform
    // apart; its whole-period figures pool both platforms and every phase,
    // so they come last, labelled as such.
    if hasWeeklySeries {
      text += "\n\n" + switchTable(colour: colour, width: width)
      text += "\n\n" + monthlyTable(colour: colour, width: width)
    }
    let groups = platformGroups
    for group in groups {
      if groups.count > 1 { text += "\n\n" + Terminal.styled("▌ \(group.name)", .bold, enabled: colour) }
      if hasWeeklySeries {
        text += "\n\n" + Self.paragraph("whole period, both platforms and every phase pooled (for reference only: read the phase switches and months above)", width: width)
      }
      text += "\n\n" + TextTable(
        header: ["metric"] + group.entries.map { entries[$0].id },
        rows: tableMetrics.map { metric in
          [metric.rawValue] + group.entries.map { Self.meanPlusMinus(entries[$0].result.interval(metric)) }
        }, colour: colour, maxWidth: width).rendered
      for kind in [ReportComparison.Kind.baseline, .step] {
        let pairs = comparisons(kind, in: group)
        guard !pairs.isEmpty else { continue }
        text += "\n\n" + Self.paragraph(heading(kind, in: group) + " (common random numbers), mean ± 95% half-width"
          + (colour ? "; bold: interval excludes 0" : ""), width: width) + "\n\n" + differenceTable(pairs, colour: colour, width: width)
      }
    }
    let across = comparisons.filter { $0.kind == .otherPlatform }
    if let first = groups.first, !across.isEmpty {
      text += "\n\n" + Self.paragraph(heading(.otherPlatform, in: first), width: width) + "\n\n"
        + differenceTable(across, colour: colour, width: width)
    }
    if showsSegments {
      text += "\n\n" + segmentTables(colour: colour, width: width)
    }
    return text
  }

  /// `text` broken at spaces into lines of at most `width` characters.
  static func paragraph(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    return TextTable.wrap(text, width: width, breakAfter: []).joined(separator: "\n")
  }

  /// Metrics as rows, one column per comparison, headed by its scenario.
  private func differenceTable(_ pairs: [ReportComparison], colour: Bool, width: Int?) -> String {
    TextTable(
      header: ["Δ metric"] + pairs.map { pair in
        entries[pair.entry].id
      },
      rows: tableMetrics.map { metric in
        [metric.rawValue] + pairs.map { pair in
          let d = difference(pair, metric)
          let cell = Self.meanPlusMinus(d)
          return isHighlighted(pair, d) ? Terminal.styled(cell, .bold, enabled: colour) : cell
        }
      }, colour: colour, maxWidth: width).rendered
  }

  /// The timeline's headline metrics averaged by calendar month, one table
  /// per platform (weekly series are in `--format csv|json` and `--out`).
  /// The monthly table's metrics and column headers.
  static let monthlyMetrics: [Metric] = [.courierReachPerAttempt, .merchantContactFulfilment, .merchantContactAfterSale,
                                         .merchantContactMarketing, .realNumberExposuresPer1000]
  static let monthlyHeaders = ["month", "courier reach", "fulfilment", "after-sale", "marketing", "exposures /1000"]

  /// One platform's headline metrics by calendar month (weekly means
  /// averaged), months with a switch of that platform starred.
  func monthlyRows(_ platform: Platform) -> [[String]] {
    let result = baseline.result
    var months: [(label: String, weeks: [Int])] = []
    for (w, date) in result.weekStarts.enumerated() {
      let label = Self.month(date)
      if months.last?.label == label { months[months.count - 1].weeks.append(w) } else { months.append((label, [w])) }
    }
    let series = Self.monthlyMetrics.map { result.weeklyIntervals($0, platform: platform).map(\.mean) }
    let switches = Set(scenarioSwitches.filter { $0.phase.platform == platform }.map { Self.month($0.date) })
    return months.map { month in
      [month.label + (switches.contains(month.label) ? " *" : "")] + series.map { values in
        let mean = month.weeks.map { values[$0] }.reduce(0, +) / Double(month.weeks.count)
        return SelfTestReport.fixed(mean, abs(mean) >= 10 ? 2 : 3)
      }
    }
  }

  func monthlyTable(colour: Bool, width: Int? = nil) -> String {
    let result = baseline.result
    let metrics = Self.monthlyMetrics, headers = Self.monthlyHeaders
    return result.weeklyPlatforms.map { platform in
      let rows = monthlyRows(platform)
      return Self.paragraph("\(platform.displayName) by \(weekBasis.label("month")) (weekly means averaged; * = a \(platform.displayName) phase switched on that month)", width: width) + "\n\n"
        + TextTable(header: headers, rows: rows, colour: colour, maxWidth: width).rendered
    }.joined(separator: "\n\n") + "\n\n" + Self.paragraph("columns: " + metrics.map(\.rawValue).joined(separator: ", "), width: width)
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
    let digits = digits(for: ci.mean)
    return "\(SelfTestReport.fixed(ci.mean, digits)) ± \(SelfTestReport.fixed(ci.halfWidth, digits))"
  }

  /// Decimals for a figure of this size: 1 from 100, 2 from 10, else 3.
  static func digits(for x: Double) -> Int { abs(x) >= 100 ? 1 : abs(x) >= 10 ? 2 : 3 }
}

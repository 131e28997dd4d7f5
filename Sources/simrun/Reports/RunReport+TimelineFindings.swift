import PrivacyModel
import SimKernel

extension RunReport {
  /// Weeks on each side of a phase switch the timeline's findings compare.
  static let switchWindowWeeks = 4

  /// The timeline's phase switches seen in the weekly series.
  var switchWindows: [SwitchWindow] {
    scenarioSwitches.compactMap { SwitchWindow(result: baseline.result, date: $0.date, phase: $0.phase,
                                               weeks: Self.switchWindowWeeks, metrics: Self.headlineMetrics) }
  }

  /// The timeline's findings: at each phase switch, the headline metrics
  /// of that platform in the four whole weeks after the switch against the
  /// four before (``SwitchWindow``). Seasons and
  /// campaigns differ between the windows too, so the sentences say
  /// "from", not "because of": `compare` isolates a rule.
  var timelineFindings: ReportFindings {
    let candidates = switchWindows.flatMap { w in
      Self.headlineMetrics.filter { !w.isZero($0) }.map { metric in
        FindingCandidate(subject: w.subject, metric: metric, before: w.before[metric]!, after: w.after[metric]!,
                         difference: w.change[metric]!, expectedFrom: w.arriving.intersection(metric.concernedRules).sorted())
      }
    }
    guard !candidates.isEmpty else {
      return ReportFindings([Finding(kind: .note, text: "No phase switch inside the measured period: nothing to compare.",
                                     metrics: [])], method: "")
    }
    let findings = FindingCandidate.sentences(candidates, what: "headline metric")
    return ReportFindings(findings.sentences, method: findings.method
      + " Windows are by \(weekBasis.weekLabel) (table \"phase switches\"); seasons and campaigns differ between them too: "
      + "`simrun compare` isolates a rule.")
  }

  /// Per phase switch and headline metric: the switch, the metric, before,
  /// after and the change (the figures of the timeline's findings).
  var switchRows: [[String]] {
    switchWindows.flatMap { w in
      Self.headlineMetrics.filter { !w.isZero($0) }.map { m in
        ["\(w.date) \(w.phase.id)", m.rawValue, Self.meanPlusMinus(w.before[m]!), Self.meanPlusMinus(w.after[m]!),
         Self.meanPlusMinus(w.change[m]!)]
      }
    }
  }

  static let switchHeader = ["switch", "metric", "before", "after", "change"]

  /// What the phase-switch table shows.
  var switchCaption: String {
    "phase switches: \(weekBasis == .creation ? "orders created in " : "")the \(Self.switchWindowWeeks) whole weeks before and after each switch, per platform, by \(weekBasis.weekLabel) (paired change ± 95% half-width)"
  }

  /// ``switchRows`` on the terminal: a small table per switch (metric,
  /// before, after, change) under a line naming it, so that it fits 80
  /// columns.
  func switchTable(colour: Bool, width: Int?) -> String {
    let rows = switchRows
    guard !rows.isEmpty else { return "" }
    var text = Self.paragraph(switchCaption, width: width)
    var start = 0
    while start < rows.count {
      let name = rows[start][0]
      let end = rows[start...].firstIndex { $0[0] != name } ?? rows.count
      text += "\n\n" + Terminal.styled(name, .bold, enabled: colour) + "\n"
        + TextTable(header: Array(Self.switchHeader.dropFirst()), rows: rows[start..<end].map { Array($0.dropFirst()) },
                    colour: colour, maxWidth: width).rendered
      start = end
    }
    return text
  }
}

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
      w.reported.map { metric in
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
      + " Windows are by \(weekBasis.label("week")) (table \"phase switches\"); seasons and campaigns differ between them too: "
      + "`simrun compare` isolates a rule.")
  }

  /// The phase-switch table's columns: the switch, the metric, and
  /// ``SwitchWindow/cells(_:)`` (the figures of the timeline's findings).
  static let switchHeader = ["switch", "metric", "before", "after", "change"]

  /// What the phase-switch table shows.
  var switchCaption: String {
    "phase switches: \(weekBasis.windowPrefix)the \(Self.switchWindowWeeks) whole weeks before and after each switch, per platform, by \(weekBasis.label("week")) (paired change ± 95% half-width)"
  }

  /// The phase switches on the terminal: a small table per switch
  /// (metric, before, after, change) under a line naming it, so that it
  /// fits 80 columns.
  func switchTable(colour: Bool, width: Int?) -> String {
    let windows = switchWindows.filter { !$0.reported.isEmpty }
    guard !windows.isEmpty else { return "" }
    return Self.paragraph(switchCaption, width: width) + windows.map { w in
      "\n\n" + Terminal.styled(w.name, .bold, enabled: colour) + "\n"
        + TextTable(header: Array(Self.switchHeader.dropFirst()), rows: w.reported.map { [$0.rawValue] + w.cells($0) },
                    colour: colour, maxWidth: width).rendered
    }.joined()
  }
}

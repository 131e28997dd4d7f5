import PrivacyModel

extension RunReport {
  /// `summary.md`: the run's settings, the metrics table, paired
  /// differences, and the rules in force per scenario.
  var markdown: String {
    var md = "# simrun \(kind.rawValue): \(entries.map(\.id).joined(separator: ", "))\n\n"
    md += "- command: `\(command)`\n- simrun \(SimRunVersion.current), seed \(seed), \(replications) replications per scenario\n"
    md += "- values: mean ± 95% half-width over replications; rates are fractions in [0, 1], counts are per 1,000 orders\n\n"
    md += findings?.markdown ?? ""
    if hasWeeklySeries {
      md += "## Phase switches\n\n```\n\(switchTable(colour: false, width: nil))\n```\n"
      md += "\n## Timeline by month\n\n```\n\(monthlyTable(colour: false))\n```\n\nWeekly series: `weekly.csv`, `results.json` (`phases[].weekly`). "
        + "The metrics below pool both platforms and every phase over the whole period: for reference only.\n\n"
    }
    let groups = platformGroups
    for group in groups {
      let level = groups.count > 1 ? "###" : "##"
      if groups.count > 1 { md += "## \(group.name)\n\n" }
      md += "\(level) Metrics\n\n"
      md += Self.markdownTable(header: ["metric"] + group.entries.map { entries[$0].id }, rows: Metric.allCases.map { m in
        [Self.markdownMetric(m)] + group.entries.map { Self.meanPlusMinus(entries[$0].result.interval(m)) }
      })
      for kind in [ReportComparison.Kind.baseline, .step] {
        let pairs = comparisons(kind, in: group)
        guard !pairs.isEmpty else { continue }
        md += "\n\(level) \(Self.capitalised(heading(kind, in: group)))\n\nCommon random numbers: each replication is paired with the same replication of the other scenario. **Bold**: the 95% interval excludes 0.\n\n"
        md += markdownDifferences(pairs)
      }
      md += "\n"
    }
    let across = comparisons.filter { $0.kind == .otherPlatform }
    if let first = groups.first, !across.isEmpty {
      md += "## \(Self.capitalised(heading(.otherPlatform, in: first)))\n\n" + markdownDifferences(across) + "\n"
    }
    md += "\n" + markdownSegments
    md += "\n## Rules in force\n\n"
    md += Self.markdownTable(header: ["scenario", "source", "phases", "rules"], rows: entries.map { entry in
      [entry.id, entry.source,
       entry.scenario.schedule.map { $0.phase.id + ($0.start.map { " from \($0)" } ?? "") }.joined(separator: "; "),
       entry.rules.map(\.rawValue).joined(separator: ", ")]
    })
    md += "\n## Metric definitions\n\n" + Metric.allCases.map { "- `\($0.rawValue)`: \($0.definition)" }.joined(separator: "\n") + "\n"
    return md
  }

  private func markdownDifferences(_ pairs: [ReportComparison]) -> String {
    Self.markdownTable(header: ["metric"] + pairs.map { entries[$0.entry].id }, rows: Metric.allCases.map { m in
      [Self.markdownMetric(m)] + pairs.map { pair in
        let d = difference(pair, m)
        return isHighlighted(pair, d) ? "**\(Self.meanPlusMinus(d))**" : Self.meanPlusMinus(d)
      }
    })
  }

  /// `text` with its first letter in upper case.
  static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  static func markdownTable(header: [String], rows: [[String]]) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    return ([line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

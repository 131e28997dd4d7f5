import PrivacyModel

extension RunReport {
  /// `summary.md`: the run's settings, the metrics table, paired
  /// differences, and the rules in force per scenario.
  var markdown: String {
    var md = "# simrun \(kind.rawValue): \(entries.map(\.id).joined(separator: ", "))\n\n"
    md += "- command: `\(command)`\n- simrun \(SimRunVersion.current), seed \(seed), \(replications) replications per scenario\n"
    md += "- values: mean ± 95% half-width over replications; rates are fractions in [0, 1], counts are per 1,000 orders\n\n"
    md += "## Metrics\n\n"
    md += Self.markdownTable(header: ["metric"] + entries.map(\.id),
                             rows: Metric.allCases.map { m in ["`\(m.rawValue)`"] + entries.map { Self.meanPlusMinus($0.result.interval(m)) } })
    if entries.count > 1 {
      let others = entries.dropFirst()
      md += "\n## Paired differences from \(baseline.id)\n\nCommon random numbers: each replication of a scenario is paired with the same replication of the baseline. **Bold**: the 95% interval excludes 0.\n\n"
      md += Self.markdownTable(header: ["metric"] + others.map(\.id), rows: Metric.allCases.map { m in
        ["`\(m.rawValue)`"] + others.map { entry in
          let d = entry.result.difference(from: baseline.result, m)
          return d.contains(0) ? Self.meanPlusMinus(d) : "**\(Self.meanPlusMinus(d))**"
        }
      })
    }
    if hasWeeklySeries {
      md += "\n## Timeline by month\n\n```\n\(monthlyTable(colour: false))\n```\n\nWeekly series: `weekly.csv`, `results.json` (`phases[].weekly`).\n"
    }
    md += "\n## Rules in force\n\n"
    md += Self.markdownTable(header: ["scenario", "source", "phases", "rules"], rows: entries.map { entry in
      [entry.id, entry.source,
       entry.scenario.schedule.map { $0.phase.id + ($0.start.map { " from \($0)" } ?? "") }.joined(separator: "; "),
       entry.rules.map(\.rawValue).joined(separator: ", ")]
    })
    md += "\n## Metric definitions\n\n" + Metric.allCases.map { "- `\($0.rawValue)`: \($0.definition)" }.joined(separator: "\n") + "\n"
    return md
  }

  static func markdownTable(header: [String], rows: [[String]]) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    return ([line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

import PrivacyModel
import SimKernel

extension AttributionReport {
  /// The terminal table: per headline metric, the scenario's value, every
  /// rule's level without it and its effect, sorted by size (the findings'
  /// "without → with" figures), then the waterfall.
  func table(colour: Bool, width: Int?) -> String {
    var text = findings.text(colour: colour, width: width) + "\n\n"
    text += RunReport.paragraph(
      "seed \(run.seed), \(run.replications) replications per run; effect of a rule = the scenario − the scenario with that rule switched off (paired, common random numbers), mean ± 95% half-width", width: width)
    text += "\n\n" + RunReport.paragraph("rules switched off one at a time: " + rules.indices.map(label).joined(separator: ", "), width: width)
    for metric in RunReport.headlineMetrics {
      let value = scenario.result.interval(metric)
      let heading = "\(metric.title) (\(metric.rawValue)): \(RunReport.meanPlusMinus(value))"
        + (metric.preferredText.isEmpty ? "" : ", \(metric.preferredText)")
      text += "\n\n" + Terminal.styled(RunReport.paragraph(heading, width: width), .bold, enabled: colour) + "\n"
      let ranks = ranked(metric).map { (rule: $0, effect: effect($0, metric)) }
      let rows = ranks.map { i, d -> [String] in
        let cell = RunReport.meanPlusMinus(d)
        return [label(i), RunReport.meanPlusMinus(without(i).result.interval(metric)),
                d.contains(0) ? cell : Terminal.styled(cell, .bold, enabled: colour)]
      }
      text += TextTable(header: ["rule", "without it", "effect"], rows: rows, colour: colour, maxWidth: width).rendered
      // Notes under the table rather than a column: the table stays within
      // 80 columns with the level without each rule.
      let none = ranks.filter { $0.effect.contains(0) }.map { rules[$0.rule].rawValue }
      let fewer = ranks.filter { !$0.effect.contains(0) && lowersByPreventing($0.rule, metric) }.map { rules[$0.rule].rawValue }
      if !none.isEmpty { text += "\n" + RunReport.paragraph("no measurable effect: " + none.joined(separator: ", "), width: width) }
      if !fewer.isEmpty {
        text += "\n" + RunReport.paragraph("lower only because fewer calls are placed, not better: " + fewer.joined(separator: ", "), width: width)
      }
    }
    let quiet = rules.indices.filter { !isMeasurable($0) }.map { rules[$0].rawValue }
    if !quiet.isEmpty {
      text += "\n\n" + RunReport.paragraph("\(Self.noEffect) (on any metric): " + quiet.joined(separator: ", "), width: width)
    }
    text += "\n\n" + waterfallText(colour: colour, width: width)
    for note in overlapNotes { text += "\n\n" + RunReport.paragraph(note, width: width) }
    return text
  }

  /// The waterfall as a table: phases as rows, headline metrics as columns.
  func waterfallText(colour: Bool, width: Int?) -> String {
    guard !steps.isEmpty else {
      return RunReport.paragraph(
        waterfall.isEmpty ? "waterfall: not shown (the scenario schedules several phases)"
          : "waterfall: none (the scenario's phase is its platform's baseline)", width: width)
    }
    let first = run.entries[waterfall[0]]
    let header = ["metric", first.id] + steps.map { "+ " + run.entries[$0.to].id } + [scenario.id + " (scenario)"]
    let rows = RunReport.headlineMetrics.map { metric in
      [metric.rawValue, RunReport.meanPlusMinus(first.result.interval(metric))] + steps.map { step in
        let d = stepEffect(step, metric)
        let cell = RunReport.meanPlusMinus(d)
        return d.contains(0) ? cell : Terminal.styled(cell, .bold, enabled: colour)
      } + [RunReport.meanPlusMinus(scenario.result.interval(metric))]
    }
    return RunReport.paragraph("waterfall: from the platform's baseline to the scenario, one phase at a time (each phase at its own start date, as compare runs it; the scenario's other settings): the baseline's value, each step's paired difference, the scenario's value", width: width)
      + "\n\n" + TextTable(header: header, rows: rows, colour: colour, maxWidth: width).rendered
  }

  /// `summary.md`.
  var markdown: String {
    var md = "# simrun attribute: \(scenario.id)\n\n"
    md += "- command: `\(run.command)`\n- simrun \(SimRunVersion.current), seed \(run.seed), \(run.replications) replications per run\n"
    md += "- effect of a rule: the scenario − the scenario with that rule switched off (paired, common random numbers), mean ± 95% half-width; **bold**: the interval excludes 0\n\n"
    md += findings.markdown
    md += "## Effects of the rules in force\n\n"
    md += RunReport.markdownTable(header: ["rule", "summary"] + RunReport.headlineMetrics.map { RunReport.markdownMetric($0) }, rows: rules.indices.map { i in
      [rules[i].rawValue + (isMeasurable(i) ? "" : " (\(Self.noEffect))"), rules[i].summary] + RunReport.headlineMetrics.map { metric in
        let d = effect(i, metric)
        return d.contains(0) ? RunReport.meanPlusMinus(d) : "**\(RunReport.meanPlusMinus(d))**"
      }
    })
    md += "\n## Levels without each rule\n\n"
    md += RunReport.markdownTable(header: ["run"] + RunReport.headlineMetrics.map { RunReport.markdownMetric($0) },
                                  rows: [[scenario.id + " (all rules)"] + RunReport.headlineMetrics.map { RunReport.meanPlusMinus(scenario.result.interval($0)) }]
                                    + rules.indices.map { i in
                                      ["without " + rules[i].rawValue] + RunReport.headlineMetrics.map { RunReport.meanPlusMinus(without(i).result.interval($0)) }
                                    })
    md += "\n## Waterfall\n\n```\n\(waterfallText(colour: false, width: nil))\n```\n"
    if !overlapNotes.isEmpty { md += "\n" + overlapNotes.map { "- \($0)\n" }.joined() }
    return md
  }
}

import PrivacyModel
import SimKernel

extension AttributionReport {
  /// `report.html`: one self-contained page: per headline metric a chart of
  /// every rule's effect (sorted by size, 95% whiskers, pale where the
  /// interval contains 0) and the waterfall from the platform's baseline;
  /// then the full tables.
  var html: String {
    let e = SVGChart.escape
    // Headline metrics that are not zero in every replication of every run.
    let charted = RunReport.headlineMetrics.filter { !run.isZeroThroughout($0, in: run.entries.indices) }
    var h = RunReport.htmlHead(title: "simrun attribute: \(scenario.id)", heading: "simrun attribute: \(scenario.id)",
                               command: run.command, seed: run.seed, meta: [
      ("replications", "\(run.replications) per run (common random numbers across runs)"),
      ("effect of a rule", "the scenario − the scenario with that rule switched off, paired replication by replication; mean with 95% interval; pale: the interval contains 0 (no measurable effect in this scenario)"),
    ], findings: findings)
    h += "<h2>What each rule does</h2>\n<p>Blue: a change for the better; orange: for the worse (exposure counts read from the buyers' side); pale: no measurable effect.</p>\n<div class=\"charts\">\n"
    for metric in charted {
      let order = ranked(metric)
      let value = scenario.result.interval(metric)
      h += "<figure>" + SVGChart.effects(
        title: metric.title, subtitle: "effect on \(metric.unit) (scenario: \(RunReport.meanPlusMinus(value)))"
          + (metric.preferredText.isEmpty ? "" : " · \(metric.preferredText)"),
        labels: order.map(label), tooltips: order.map { "\(rules[$0].rawValue) \(rules[$0].summary)" },
        intervals: order.map { effect($0, metric) }, preferred: metric.preferred, labelWidth: 230,
        neutral: Set(order.indices.filter { lowersByPreventing(order[$0], metric) }))
        + "<figcaption><code>\(metric.rawValue)</code>: \(e(metric.definition))"
        + order.filter { lowersByPreventing($0, metric) }.map {
          ". Grey: \(rules[$0].rawValue) lowers it only because fewer calls are placed at all (courier reach per attempt falls too), not an improvement."
        }.joined() + "</figcaption></figure>\n"
    }
    h += "</div>\n"
    let zero = RunReport.headlineMetrics.filter { !charted.contains($0) }
    if !zero.isEmpty {
      h += "<p class=\"note\">Not charted, zero in every replication of every run: "
        + zero.map { "<code>\($0.rawValue)</code>" }.joined(separator: ", ") + ".</p>\n"
    }
    let quiet = rules.indices.filter { !isMeasurable($0) }
    if !quiet.isEmpty {
      h += "<p class=\"note\">No measurable effect in this scenario, on any metric: "
        + quiet.map { "<code>\(rules[$0].rawValue)</code>" }.joined(separator: ", ") + ".</p>\n"
    }
    if !steps.isEmpty {
      h += "<h2>Waterfall: from \(e(run.entries[waterfall[0]].id)) to \(e(scenario.id))</h2>\n"
      h += "<p>One phase at a time, each at its own start date (as <code>compare</code> runs it) with the scenario's other settings; each step is the paired difference from the phase before.</p>\n<div class=\"charts\">\n"
      for metric in charted {
        h += "<figure>" + SVGChart.waterfall(
          title: metric.title, subtitle: metric.unit + (metric.preferredText.isEmpty ? "" : " · \(metric.preferredText)"),
          start: (run.entries[waterfall[0]].id, run.entries[waterfall[0]].result.interval(metric)),
          steps: steps.map { ("+ " + run.entries[$0.to].id, stepEffect($0, metric)) },
          end: ("= " + scenario.id, scenario.result.interval(metric)), isRate: metric.isRate, preferred: metric.preferred)
          + "</figure>\n"
      }
      h += "</div>\n"
      for note in overlapNotes { h += "<p>\(e(note))</p>\n" }
    }
    h += "<h2>All metrics: effects of the rules</h2>\n<table>\n<thead><tr><th>metric</th>"
      + rules.map { "<th title=\"\(e($0.summary))\">\($0.rawValue) \(e($0.name))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for metric in Metric.allCases {
      h += "<tr><td>\(RunReport.htmlMetric(metric))</td>" + rules.indices.map { i in
        let d = effect(i, metric)
        return "<td>" + (d.contains(0) ? e(RunReport.meanPlusMinus(d)) : "<strong>\(e(RunReport.meanPlusMinus(d)))</strong>") + "</td>"
      }.joined() + "</tr>\n"
    }
    h += "</tbody>\n</table>\n<h2>All metrics: the scenario and each run without a rule</h2>\n<table>\n<thead><tr><th>metric</th><th>\(e(scenario.id))</th>"
      + rules.map { "<th>without \($0.rawValue)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for metric in Metric.allCases {
      h += "<tr><td>\(RunReport.htmlMetric(metric))</td><td>\(e(RunReport.meanPlusMinus(scenario.result.interval(metric))))</td>"
        + rules.indices.map { "<td>\(e(RunReport.meanPlusMinus(without($0).result.interval(metric))))</td>" }.joined() + "</tr>\n"
    }
    h += "</tbody>\n</table>\n<h2>Rules</h2>\n<ul>\n"
      + rules.map { "<li><code>\($0.rawValue)</code>: \(e($0.summary)) (\(e($0.sources.map(\.rawValue).joined(separator: ", "))))</li>" }.joined(separator: "\n")
      + "\n</ul>\n"
    return h + ReportGlossary.html + "</body>\n</html>\n"
  }
}

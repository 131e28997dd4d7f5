import PrivacyModel
import SimKernel

extension AttributionReport {
  /// The sentences the attribution opens with: per rule, its significant
  /// effects on the headline metrics (with the rule − without it), largest
  /// relative change first, Holm-corrected over every rule and metric.
  var findings: ReportFindings {
    let candidates = rules.indices.flatMap { i in
      RunReport.headlineMetrics.compactMap { metric -> FindingCandidate? in
        guard !run.isZeroThroughout(metric, in: [0, 1 + i]) else { return nil }
        return FindingCandidate(subject: "\(rules[i].rawValue) (\(rules[i].name))", metric: metric,
                                before: without(i).result.interval(metric), after: scenario.result.interval(metric),
                                difference: effect(i, metric))
      }
    }
    return FindingCandidate.sentences(candidates, what: "rule", sides: "In \(scenario.id): without → with the rule")
  }
}

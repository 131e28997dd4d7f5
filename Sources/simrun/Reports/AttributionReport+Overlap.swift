import PrivacyModel
import SimKernel

extension AttributionReport {
  /// One sentence per headline metric on which the rules overlap: their
  /// single-rule effects, added up, differ from the total change from the
  /// platform's baseline by more than the intervals allow. Switching one
  /// rule off leaves the others doing part of its work (or none of it), so
  /// single-rule effects are not shares of the total.
  var overlapNotes: [String] {
    guard steps.count > 0 else { return [] }
    let baseline = run.entries[waterfall[0]]
    return RunReport.headlineMetrics.compactMap { metric -> String? in
      let measurable = rules.indices.filter { !effect($0, metric).contains(0) }
      guard !measurable.isEmpty else { return nil }
      let effects = measurable.map { effect($0, metric) }
      let sum = effects.reduce(0) { $0 + $1.mean }
      let total = scenario.result.difference(from: baseline.result, metric)
      // A conservative allowance: the half-widths added up.
      let allowance = effects.reduce(total.halfWidth) { $0 + $1.halfWidth }
      guard abs(sum - total.mean) > allowance else { return nil }
      let each = zip(measurable, effects).map { "\(rules[$0].rawValue) \(RunReport.signed($1.mean))" }.joined(separator: ", ")
      return "\(metric.rawValue): the rules overlap. Each alone: \(each), adding up to \(RunReport.signed(sum)); "
        + "the total change from \(baseline.id) is \(RunReport.meanPlusMinus(total)). With one rule switched off the "
        + "others still do part of its work, so an effect is what that rule adds on top of the others, not its share of the total."
    }
  }
}

extension RunReport {
  /// A difference with its sign, to the digits of ``meanPlusMinus(_:)``.
  static func signed(_ x: Double) -> String {
    let text = SelfTestReport.fixed(abs(x), digits(for: x))
    return (x < 0 && Double(text) != 0 ? "−" : "+") + text
  }
}

import PrivacyModel
import SimKernel

/// A paired difference a report may state as a finding: a metric in one
/// scenario (or window) against another, with the levels on both sides.
/// ``sentences(_:method:)`` tests them all, corrects for their number
/// (Holm) and words the survivors, largest relative change first.
struct FindingCandidate: Sendable {
  /// What the sentence is about, e.g. "WeChat Shop, wechat-2025-10-virtual-
  /// number (default virtual numbers…) against wechat-2025-08-necessary".
  let subject: String
  /// What the subject is, in words, after it in the first sentence about
  /// it (a phase's summary), or "".
  var detail = ""
  let metric: Metric
  /// The level on each side (their means are printed as the tables do).
  let before: ConfidenceInterval
  let after: ConfidenceInterval
  /// `after − before`, paired replication by replication.
  let difference: ConfidenceInterval
  /// Rules arriving between the two sides that a reader expects to move
  /// the metric (``Metric/concernedRules``); a "no measurable change"
  /// sentence is written for them.
  var expectedFrom: [RuleID] = []

  /// |difference| relative to the level before (infinite from a zero level).
  var relativeChange: Double {
    before.mean == 0 ? (difference.mean == 0 ? 0 : .infinity) : abs(difference.mean / before.mean)
  }

  /// "real numbers revealed to merchants 824.7 → 220.7 per 1,000 orders
  /// (-604.0 ± 3.7)": the figures as the tables print them.
  var clause: String {
    "\(metric.phrase) \(Self.level(before)) → \(Self.level(after))\(Self.unitSuffix(metric)) (\(Self.change(difference)))"
  }

  /// "deliveries reached by phone (0.968)", or with both levels when
  /// they print differently.
  var unchangedClause: String {
    let a = Self.level(before), b = Self.level(after)
    return "\(metric.phrase) (\(a == b ? a : "\(a) → \(b)")\(Self.unitSuffix(metric)))"
  }

  /// A mean as the tables print it.
  static func level(_ ci: ConfidenceInterval) -> String { SelfTestReport.fixed(ci.mean, RunReport.digits(for: ci.mean)) }

  /// A paired difference as the tables print it, with a "+" when positive.
  static func change(_ d: ConfidenceInterval) -> String {
    let text = RunReport.meanPlusMinus(d)
    let shownMean = Double(text.prefix { $0 != " " }) ?? 0
    return shownMean > 0 ? "+" + text : text
  }

  /// " per 1,000 orders", " hours", or "" for a share.
  static func unitSuffix(_ metric: Metric) -> String { metric.isRate ? "" : " " + metric.unit }

  /// Findings from `candidates`: the paired effects that stay significant
  /// at 5% after Holm's correction over all of them, one sentence per
  /// subject with its largest relative changes (three, or two when there
  /// are more than four subjects; the largest for each ``Metric/Audience``
  /// before a second for any), subjects ordered by
  /// their largest; then, for subjects where an arriving rule should have
  /// moved a metric and did not, one "no measurable change" sentence.
  static func sentences(_ candidates: [FindingCandidate], what: String, sides: String = "before → after") -> ReportFindings {
    let significant = HolmCorrection.rejected(candidates.map { $0.difference.pValue() })
    var subjects: [String] = []
    for c in candidates where !subjects.contains(c.subject) { subjects.append(c.subject) }
    var effects: [(size: Double, finding: Finding)] = []
    var unchanged: [Finding] = []
    for subject in subjects {
      let mine = candidates.indices.filter { candidates[$0].subject == subject }
      let hits = mine.filter { significant[$0] }.map { candidates[$0] }.sorted { $0.relativeChange > $1.relativeChange }
      let detail = candidates[mine[0]].detail
      if let top = hits.first {
        // The largest change for each audience first (callers, merchants,
        // privacy), then the next largest.
        var shown: [FindingCandidate] = []
        for hit in hits where !shown.contains(where: { $0.metric.audience == hit.metric.audience }) { shown.append(hit) }
        for hit in hits where !shown.contains(where: { $0.metric == hit.metric }) { shown.append(hit) }
        shown = Array(shown.prefix(subjects.count > 4 ? 2 : 3)).sorted { $0.relativeChange > $1.relativeChange }
        effects.append((top.relativeChange, Finding(
          kind: .effect, text: "\(subject)\(detail.isEmpty ? "" : " (\(detail))"): " + shown.map(\.clause).joined(separator: "; ") + ".",
          metrics: shown.map(\.metric.rawValue))))
      }
      let flat = mine.map { candidates[$0] }.filter { !$0.expectedFrom.isEmpty && $0.difference.contains(0) }
      if !flat.isEmpty {
        let rules = Set(flat.flatMap(\.expectedFrom)).sorted().map(\.rawValue).joined(separator: ", ")
        unchanged.append(Finding(
          kind: .noChange,
          text: "\(subject): no measurable change in " + Self.list(flat.prefix(3).map(\.unchangedClause))
            + ", though \(rules) act\(rules.contains(",") ? "" : "s") on \(flat.count > 1 ? "them" : "it").",
          metrics: flat.prefix(3).map(\.metric.rawValue)))
      }
    }
    effects.sort { $0.size > $1.size }
    var list = effects.map(\.finding)
    let room = ReportFindings.limit
    let keptUnchanged = Array(unchanged.prefix(max(1, room - list.count)).prefix(2))
    if list.count + keptUnchanged.count > room {
      list.removeLast(list.count + keptUnchanged.count - room)
    }
    list += keptUnchanged
    let tested = candidates.count, kept = significant.filter { $0 }.count
    let omitted = kept - list.filter { $0.kind == .effect }.map(\.metrics.count).reduce(0, +)
    if kept == 0 && !candidates.isEmpty {
      list.insert(Finding(kind: .note, text: "No \(what) changed measurably: every paired difference tested is within its noise.",
                          metrics: []), at: 0)
    }
    return ReportFindings(list, method: "\(sides) (paired difference ± 95% half-width), as in the tables; "
      + "effects pass Holm's correction over \(tested) tests (\(kept) did"
      + (omitted > 0 ? "; \(omitted) not stated here \(omitted == 1 ? "is" : "are") in the tables)." : ")."))
  }

  /// "a", "a or b", "a, b or c" (or with "and").
  static func list(_ items: [String], conjunction: String = "or") -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
  }
}

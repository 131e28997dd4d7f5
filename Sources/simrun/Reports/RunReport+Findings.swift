import PrivacyModel
import SimKernel

extension RunReport {
  /// The sentences the report opens with (`nil` for `check`, whose answer
  /// is its verdicts, and for `attribute`, whose report words its own):
  /// for `compare`, each scenario against the one before
  /// it on its platform; for `sweep`, the last value against the first; for
  /// the timeline, each phase switch by the four whole weeks either side
  /// (``SwitchWindow``); with nothing to pair, the headline levels.
  var findings: ReportFindings? {
    switch kind {
    case .check, .attribute: return nil
    case .timeline: return timelineFindings
    case .compare, .run, .sweep:
      let candidates = findingPairs.flatMap(candidates)
      if candidates.isEmpty { return levelFindings }
      return FindingCandidate.sentences(candidates, what: "headline metric")
    }
  }

  /// The pairs findings speak of.
  var findingPairs: [(entry: Int, reference: Int)] {
    platformGroups.flatMap { group -> [(entry: Int, reference: Int)] in
      let list = group.entries
      guard list.count > 1 else { return [] }
      if kind == .sweep { return [(list[list.count - 1], list[0])] }
      return (1..<list.count).map { (list[$0], list[$0 - 1]) }
    }
  }

  /// The candidate findings of one pair, a headline metric each, leaving
  /// out metrics that are zero throughout both (a rule of another platform).
  private func candidates(_ pair: (entry: Int, reference: Int)) -> [FindingCandidate] {
    let a = entries[pair.reference], b = entries[pair.entry]
    let subject = subject(pair)
    let arriving = b.scenario.rulesInForce.subtracting(a.scenario.rulesInForce)
    let detail = kind != .sweep && b.scenario.schedule.count == 1 && b.id == b.scenario.schedule[0].phase.id
      ? b.scenario.schedule[0].phase.summary : ""
    return Self.headlineMetrics.filter { !isZeroThroughout($0, in: [pair.entry, pair.reference]) }.map { metric in
      FindingCandidate(subject: subject, detail: detail, metric: metric, before: a.result.interval(metric),
                       after: b.result.interval(metric), difference: b.result.difference(from: a.result, metric),
                       expectedFrom: arriving.intersection(metric.concernedRules).sorted())
    }
  }

  /// "wechat-2024-04-quota vs wechat-baseline", the platform first when the ids do not name it; for
  /// a sweep "WeChat Shop, KEY from A to B".
  private func subject(_ pair: (entry: Int, reference: Int)) -> String {
    let a = entries[pair.reference], b = entries[pair.entry]
    let platforms = platformGroups.first { $0.entries.contains(pair.entry) }?.name ?? ""
    if kind == .sweep, let key = b.parameters.first?.key {
      let from = a.parameters.first?.value ?? "?", to = b.parameters.first?.value ?? "?"
      return "\(platforms), \(key) from \(from) to \(to)"
    }
    let named = [a.id, b.id].allSatisfy { id in ["wechat", "taobao"].contains { id.lowercased().hasPrefix($0) } }
    return (named ? "" : "\(platforms): ") + "\(b.id) vs \(a.id)"
  }

  /// One sentence per scenario with its nonzero headline levels.
  private var levelFindings: ReportFindings {
    ReportFindings(entries.prefix(ReportFindings.limit).map { entry in
      let metrics = Self.headlineMetrics.filter { m in entry.result.values(m).contains { $0 != 0 } }.prefix(4)
      return Finding(kind: .note, text: "\(entry.id): " + metrics.map { m in
        "\(m.phrase) \(Self.meanPlusMinus(entry.result.interval(m)))\(FindingCandidate.unitSuffix(m))"
      }.joined(separator: "; ") + ".", metrics: metrics.map(\.rawValue))
    }, method: "Figures: mean ± 95% half-width over replications, as in the tables. Compare scenarios "
      + "(`simrun compare`) to see what a rule changes.")
  }
}

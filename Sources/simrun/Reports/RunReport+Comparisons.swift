import PrivacyModel
import SimKernel

extension RunReport {
  /// Scenarios that run the same platform(s), in order of first appearance;
  /// the first of each group is its baseline.
  struct PlatformGroup: Sendable {
    let platforms: [Platform]
    /// Indices into `entries`.
    let entries: [Int]

    /// "WeChat Shop", "Taobao", or "WeChat Shop + Taobao" for a timeline.
    var name: String { platforms.map(\.displayName).joined(separator: " + ") }
  }

  var platformGroups: [PlatformGroup] {
    var groups: [PlatformGroup] = []
    for (index, entry) in entries.enumerated() {
      let platforms = Platform.allCases.filter(entry.scenario.platforms.contains)
      if let g = groups.firstIndex(where: { $0.platforms == platforms }) {
        groups[g] = PlatformGroup(platforms: platforms, entries: groups[g].entries + [index])
      } else {
        groups.append(PlatformGroup(platforms: platforms, entries: [index]))
      }
    }
    return groups
  }

  /// The paired differences the report shows. Within a platform group every
  /// scenario is paired with the group's baseline and, in `compare`, with the
  /// scenario before it. Scenarios of another platform than the first are
  /// paired with the first only when the user named them
  /// (`pairsAcrossPlatforms`), and those pairs are marked as platform
  /// differences, not rule effects.
  var comparisons: [ReportComparison] {
    var list: [ReportComparison] = []
    let groups = platformGroups
    for group in groups {
      for (k, index) in group.entries.enumerated() where k > 0 {
        list.append(ReportComparison(entry: index, reference: group.entries[0], kind: .baseline))
        if kind == .compare && k > 1 {
          list.append(ReportComparison(entry: index, reference: group.entries[k - 1], kind: .step))
        }
      }
    }
    if pairsAcrossPlatforms, let first = groups.first {
      for group in groups.dropFirst() {
        for index in group.entries {
          list.append(ReportComparison(entry: index, reference: first.entries[0], kind: .otherPlatform))
        }
      }
    }
    return list
  }

  /// Whether `metric` is exactly zero in every replication of the entries
  /// at `indices` (charts leave such a metric out and say so).
  func isZeroThroughout(_ metric: Metric, in indices: some Sequence<Int>) -> Bool {
    indices.allSatisfy { entries[$0].result.values(metric).allSatisfy { $0 == 0 } }
  }

  /// The comparison's paired difference of `metric`.
  func difference(_ comparison: ReportComparison, _ metric: Metric) -> ConfidenceInterval {
    entries[comparison.entry].result.difference(from: entries[comparison.reference].result, metric)
  }

  /// Whether a difference is shown as significant (bold): a rule effect
  /// whose 95% interval excludes 0.
  func isHighlighted(_ comparison: ReportComparison, _ difference: ConfidenceInterval) -> Bool {
    comparison.isRuleEffect && !difference.contains(0)
  }

  /// The comparisons of one kind whose scenarios are in `group`, in entry order.
  func comparisons(_ kind: ReportComparison.Kind, in group: PlatformGroup) -> [ReportComparison] {
    comparisons.filter { $0.kind == kind && group.entries.contains($0.entry) }
  }

  /// A heading for the comparisons of one kind and group.
  func heading(_ kind: ReportComparison.Kind, in group: PlatformGroup) -> String {
    switch kind {
    case .baseline: "paired differences from \(entries[group.entries[0]].id)"
    case .step: "step by step: each scenario minus the one before it above"
    case .otherPlatform:
      "differences from \(entries[0].id) on another platform — NOT a rule effect: the platforms differ in shops, couriers and rules"
    }
  }
}

import Foundation
import PrivacyModel
import ScenarioFormat

extension DesignReport {
  /// A lever whose rank correlation with every objective stays below this
  /// matters little; one reaching ``strongCorrelation`` is reported as
  /// moving that objective.
  static let weakCorrelation = 0.3
  static let strongCorrelation = 0.5

  /// The findings: the front and what it costs, its ends, what each lever
  /// does, and whether the constraints can be met.
  var findings: ReportFindings {
    var sentences: [Finding] = []
    let objectives = settings.objectives
    let names = objectives.indices.map(label)
    let front = shown.filter { $0.status == .front }
    let marked = shown.count - front.count
    let budget = "\(archive.count) settings run over \(settings.generations + 1) generations of \(settings.population), \(settings.replications) replications each with the same seeds for every setting; the front run again with \(settings.confirmReplications) replications"
    let worlds = settings.worlds.count > 1 ? "; every setting in the same \(settings.worlds.count) worlds sampled from the uncertain keys, scored by \(settings.robustness.text)" : ""
    let worldsText = settings.robustness == .satisficing
      ? " in at least \(Int((settings.satisficingShare * 100).rounded()))% of the \(settings.worlds.count) plausible worlds" : ""
    let feasible = shown.filter(\.feasible)
    if !settings.constraints.isEmpty && feasible.isEmpty {
      // The nearest to meeting every threshold (on the means).
      let closest = points.indices.min { a, b in
        let (va, vb) = (missed(points[a]), missed(points[b]))
        return va != vb ? va < vb : a < b
      }.map { points[$0] }
      let reach = closest.map { p in
        zip(settings.constraints, p.constraints).map { "\($0.0.metric.rawValue) \(Self.interval($0.1))" }.joined(separator: ", ")
      } ?? ""
      sentences.append(Finding(kind: .effect, text: "No setting of the levers meets \(settings.constraints.map(\.description).joined(separator: " and "))\(worldsText): the closest, \(closest.map { leverText($0.values) } ?? "–"), reaches \(reach).",
                               metrics: settings.constraints.map(\.metric.rawValue)))
    } else {
      let goals = objectives.indices.map { regret ? phrase($0) : "\(direction($0) == .minimize ? "fewer" : "more") \(phrase($0))" }
      let list = goals.count > 1 ? goals.dropLast().joined(separator: ", ") + " and " + goals.last! : goals.joined()
      let meets = settings.constraints.isEmpty ? "" : ", each meeting \(settings.constraints.map(\.description).joined(separator: " and "))\(worldsText)"
      sentences.append(Finding(kind: .effect, text: "\(front.count) setting\(front.count == 1 ? "" : "s") form\(front.count == 1 ? "s" : "") the front of \(list)\(meets)\(marked > 0 ? "; \(marked) more \(marked == 1 ? "is" : "are") not distinguishable from \(front.count == 1 ? "it" : "them") on paired differences" : "").",
                               metrics: names))
    }
    // The ends of the front, objective by objective.
    var ends = 0
    for (i, o) in objectives.enumerated() where !shown.isEmpty && ends < 3 {
      let means = shown.map { $0.objectives[i].mean }
      if means.allSatisfy({ $0 == means[0] }) {
        let subject = regret ? "The largest regret in \(o.metric.phrase)" : o.metric.title
        sentences.append(Finding(kind: .note, text: "\(subject) is the same at every point of the front, \(Self.interval(shown[0].objectives[i]))\(Self.unit(o.metric)): these levers do not move it.",
                                 metrics: [o.metric.rawValue]))
        continue
      }
      let best = shown.indices.min { a, b in
        let (x, y) = (shown[a].objectives[i].mean, shown[b].objectives[i].mean)
        return (direction(i) == .minimize ? x < y : x > y) || (x == y && a < b)
      }!
      let p = shown[best]
      let others = objectives.indices.filter { $0 != i && !Self.constant($0, in: shown) }
        .map { "\(phrase($0)) \(Self.interval(p.objectives[$0]))" }
      let lead = regret ? "Smallest regret in \(o.metric.phrase)" : "\(direction(i) == .minimize ? "Fewest" : "Most") \(phrase(i))"
      sentences.append(Finding(kind: .effect, text: "\(lead): \(Self.interval(p.objectives[i]))\(Self.unit(o.metric)) at \(leverText(p.values)) (point \(best + 1))\(others.isEmpty ? "" : ", with " + others.joined(separator: " and ")).",
                               metrics: [o.metric.rawValue]))
      ends += 1
    }
    // What each lever does over every setting run.
    for (l, lever) in settings.levers.enumerated() {
      let rho = correlations[l]
      guard let strongest = rho.indices.max(by: { abs(rho[$0]) < abs(rho[$1]) }) else { continue }
      let frontValues = shown.map { $0.values[l] }
      let distinct = Array(Set(frontValues)).sorted()
      let span: String
      if distinct.isEmpty {
        span = ""
      } else if distinct.count == 1 {
        span = "; on the front it is always \(Self.shown(lever, distinct[0]))"
      } else if case .choices = lever.values {
        span = "; on the front it takes " + distinct.map { Self.shown(lever, $0) }.joined(separator: ", ")
      } else {
        span = "; on the front it takes \(Self.shown(lever, distinct.first!))–\(Self.shown(lever, distinct.last!))"
      }
      let raising = lever.scale == .boolean ? "Switching on \(lever.path)" : "Raising \(lever.path)"
      if abs(rho[strongest]) < Self.weakCorrelation {
        sentences.append(Finding(kind: .sensitivity, text: "\(lever.path) matters little: its rank correlation with every objective stays below \(Self.weakCorrelation) over the \(archive.count) settings run\(span).",
                                 metrics: names))
      } else {
        let moved = objectives.indices.filter { abs(rho[$0]) >= Self.strongCorrelation }.map { o in
          "\(rho[o] > 0 ? "raises" : "lowers") \(phrase(o)) (rank correlation \(Self.signed(rho[o])))"
        }
        let text = moved.isEmpty
          ? "\(lever.path) moves \(phrase(strongest)) a little (rank correlation \(Self.signed(rho[strongest])))"
          : raising + " " + moved.joined(separator: " and ")
        sentences.append(Finding(kind: .sensitivity, text: "\(text) over the \(archive.count) settings run\(span).",
                                 metrics: objectives.indices.filter { abs(rho[$0]) >= Self.strongCorrelation }.map { names[$0] }))
      }
    }
    let method = "Search: \(budget)\(worlds). The front: confirmed settings no other dominates on the means; a setting dominated on the means is dropped only when a paired difference (common random numbers, Holm over the objectives, 5%) shows it, else kept and marked. Intervals: 95% over the confirmation's replications. Levers' effects: Spearman's rank correlation over every setting run."
    return ReportFindings(sentences, method: method)
  }

  /// How far a point's means are from meeting every constraint.
  func missed(_ p: DesignFrontPoint) -> Double {
    zip(settings.constraints, p.constraints).reduce(0) { $0 + $1.0.violation($1.1.mean) }
  }

  /// Whether objective `i` has the same mean at every point of `points`.
  static func constant(_ i: Int, in points: [DesignFrontPoint]) -> Bool {
    points.allSatisfy { $0.objectives[i].mean == points[0].objectives[i].mean }
  }

  /// " per 1,000 orders", " hours" or "" for a share.
  static func unit(_ metric: Metric) -> String { metric.isRate ? "" : " " + metric.unit }

  /// A correlation with its sign: `+0.93`, `−0.41`.
  static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + String(format: "%.2f", abs(x)) }
}

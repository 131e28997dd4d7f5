import Foundation
import PrivacyModel
import SimKernel

extension DesignReport {
  /// `report.html`: findings, the trade-off charts (the first objective
  /// against each other one), then the front, levers and generations.
  var html: String {
    let e = SVGChart.escape
    let meta = [
      ("levers", settings.levers.map { "\($0.path) \($0.valuesText)" }.joined(separator: "; ")),
      ("objectives", settings.objectives.map(\.text).joined(separator: ", ") + (regret ? " (each by its largest regret over the worlds, to lower)" : "")),
      ("constraints", settings.constraints.isEmpty ? "none" : settings.constraints.map(\.description).joined(separator: ", ")),
      ("search", "NSGA-II, \(settings.generations + 1) generations of \(settings.population); \(archive.count) settings, \(runs) runs, every setting with the same seeds (common random numbers)"),
      ("worlds", settings.worlds.count > 1 ? "\(settings.worlds.count), scored by \(settings.robustness.text)" : "one: the scenario as given"),
    ]
    var h = RunReport.htmlHead(title: "simrun design: \(scenario)", heading: "simrun design: \(scenario)", command: command,
                               seed: settings.seed, meta: meta, findings: findings)
    let objectives = settings.objectives
    if objectives.count >= 2, !shown.isEmpty {
      h += "<h2>The trade-off</h2>\n<p>Each chart puts the first objective (across) against another that the levers move (up): every setting run (pale), the front's points numbered as in the table, with 95% intervals over the confirmation's replications (hollow: not distinguishable from a point that beats it).</p>\n<div class=\"charts\">\n"
      for j in 1..<objectives.count where !Self.constant(j, in: shown) {
        func axis(_ i: Int) -> SVGChart.ScatterAxis {
          let values = archive.map { $0.objectives[i] } + shown.flatMap { [$0.objectives[i].lower, $0.objectives[i].upper] }.filter(\.isFinite)
          let (lo, hi) = (values.min() ?? 0, values.max() ?? 1)
          let pad = hi > lo ? (hi - lo) * 0.05 : 1
          let m = objectives[i].metric
          return SVGChart.ScatterAxis(label: "\(label(i)) (\(direction(i) == .minimize ? "lower" : "higher") is better)",
                                      lo: m.isRate || regret ? max(0, lo - pad) : lo - pad, hi: m.isRate && !regret ? min(1, hi + pad) : hi + pad,
                                      tick: { SVGChart.tick($0) })
        }
        h += "<figure>" + SVGChart.front(
          title: SVGChart.shortLabel(title(j), 56),
          subtitle: "against \(phrase(0)); \(shown.count) point\(shown.count == 1 ? "" : "s") on the front of \(archive.count) settings run",
          x: axis(0), y: axis(j), all: archive.map { ($0.objectives[0], $0.objectives[j]) },
          front: shown.map { ($0.objectives[0], $0.objectives[j]) }, marked: shown.map { $0.status != .front }) + "</figure>\n"
      }
      h += "</div>\n"
    }
    let moving = objectives.indices.filter { !Self.constant($0, in: shown) }
    if moving.count >= 3 {
      h += "<h2>All objectives at once</h2>\n<p>Parallel coordinates: each line a point of the front, each axis an objective from the front's worst value (bottom) to its best (top). Lines that cross trade one objective for another.</p>\n<div class=\"charts\"><figure>"
      let ranges = moving.map { i -> (Double, Double) in
        let means = shown.map { $0.objectives[i].mean }
        return (means.min()!, means.max()!)
      }
      h += SVGChart.parallel(
        title: "The front, objective by objective", subtitle: "\(shown.count) point\(shown.count == 1 ? "" : "s"), numbered as in the table",
        axes: zip(moving, ranges).map { i, r in
          let (worst, best) = direction(i) == .minimize ? (r.1, r.0) : (r.0, r.1)
          return (label(i), Self.fixed(worst), Self.fixed(best))
        },
        lines: shown.map { p in
          zip(moving, ranges).map { i, r in
            let f = r.1 > r.0 ? (p.objectives[i].mean - r.0) / (r.1 - r.0) : 0.5
            return direction(i) == .minimize ? 1 - f : f
          }
        },
        marked: shown.map { $0.status != .front }) + "</figure></div>\n"
    }
    func rows(_ rows: [[String]]) -> [[String]] { rows.map { $0.map(e) } }
    h += "<h2>The front</h2>\n<p>Each point is a scenario file (<code>front-K.yaml</code> in the --out folder) that <code>simrun compare</code> and <code>simrun attribute</code> run directly.</p>\n"
      + RunReport.htmlTable(header: frontHeader, rows: rows(frontRows))
    h += "<h2>The levers</h2>\n" + RunReport.htmlTable(header: Self.leverHeader, rows: rows(leverRows))
    h += "<h2>The generations</h2>\n" + RunReport.htmlTable(header: Self.generationHeader, rows: rows(generationTable))
    return h + ReportGlossary.html + "</body>\n</html>\n"
  }
}

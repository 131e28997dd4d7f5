import Analysis
import PrivacyModel

extension ExplorationReport {
  /// The points against the reported box, as a figure: on the box's two
  /// most significant restricted keys (smallest quasi-p first), or on its
  /// one key against the condition's metric; empty without a box.
  func discoveryScatter(_ d: Discovery) -> String {
    let restricted = d.result.box.restricted.sorted {
      (d.result.quasiPValues[$0] ?? 1, $0) < (d.result.quasiPValues[$1] ?? 1, $1)
    }
    guard let first = restricted.first else { return "" }
    let box = d.result.box.box
    let names = design.uncertainties.map(\.path)
    func keyAxis(_ i: Int) -> SVGChart.ScatterAxis {
      let u = design.uncertainties[i]
      return .init(label: names[i], lo: u.lower, hi: u.upper) { valueText($0, factor: i, digits: 3) }
    }
    let x = keyAxis(first)
    let xs = values.map { $0[first] }
    let xBox = box.lower[first]...box.upper[first]
    let y: SVGChart.ScatterAxis, ys: [Double], yBox: ClosedRange<Double>
    if restricted.count > 1 {
      let second = restricted[1]
      y = keyAxis(second)
      ys = values.map { $0[second] }
      yBox = box.lower[second]...box.upper[second]
    } else {
      let lo = d.metricValues.min() ?? 0, hi = d.metricValues.max() ?? 1
      y = .init(label: d.condition.metric.rawValue, lo: lo, hi: hi > lo ? hi : lo + 1, tick: SVGChart.value)
      ys = d.metricValues
      yBox = y.lo...y.hi
    }
    let shown = restricted.count > 2 ? "; \(restricted.count - 2) more restricted key\(restricted.count == 3 ? "" : "s") not drawn" : ""
    return "<figure>" + SVGChart.scatter(
      title: "Points against the box", subtitle: "filled: \(d.condition.description) holds; hollow: it does not; dashed: the box" + shown,
      x: x, y: y, xs: xs, ys: ys, holds: d.holds, box: (xBox, yBox))
      + "<figcaption>Each point of the design at its values of the box's most significant "
      + (restricted.count > 1 ? "two keys" : "key, against the condition's metric") + ".</figcaption></figure>"
  }
}

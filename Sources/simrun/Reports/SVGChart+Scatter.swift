extension SVGChart {
  /// One axis of a scatter plot: its name, its range and how its ticks read.
  struct ScatterAxis {
    let label: String
    let lo: Double
    let hi: Double
    let tick: (Double) -> String
  }

  /// Scenario discovery as a scatter: every point of the design on two
  /// axes, filled where the condition holds and hollow where it does not,
  /// with the box drawn over them (a side the box does not restrict runs
  /// to the axis's end).
  /// A scatter plot's frame: the header, the grid with its ticks and the
  /// axis labels, and the maps from values to positions (clamped to the plot).
  static func scatterFrame(title: String, subtitle: String, x: ScatterAxis, y: ScatterAxis)
    -> (svg: String, px: (Double) -> Double, py: (Double) -> Double) {
    let left = 64.0, top = 62.0, plotWidth = 420.0, plotHeight = 260.0
    let width = left + plotWidth + 40, height = top + plotHeight + 44
    let xSpan = x.hi > x.lo ? x.hi - x.lo : 1, ySpan = y.hi > y.lo ? y.hi - y.lo : 1
    let px = { (v: Double) in left + min(1, max(0, (v - x.lo) / xSpan)) * plotWidth }
    let py = { (v: Double) in top + plotHeight - min(1, max(0, (v - y.lo) / ySpan)) * plotHeight }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    for i in 0...4 {
      let f = Double(i) / 4
      let gx = left + f * plotWidth, gy = top + plotHeight - f * plotHeight
      svg += "<line x1=\"\(n(gx))\" y1=\"\(n(top))\" x2=\"\(n(gx))\" y2=\"\(n(top + plotHeight))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(gx))\" y=\"\(n(top + plotHeight + 14))\" class=\"tick\" text-anchor=\"middle\">\(escape(x.tick(x.lo + f * xSpan)))</text>"
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(gy))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(gy))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(gy + 4))\" class=\"tick\" text-anchor=\"end\">\(escape(y.tick(y.lo + f * ySpan)))</text>"
    }
    svg += "<text x=\"\(n(left + plotWidth))\" y=\"\(n(top + plotHeight + 32))\" class=\"tick\" text-anchor=\"end\">\(escape(x.label))</text>"
    svg += "<text x=\"4\" y=\"\(n(top - 8))\" class=\"tick\">\(escape(y.label))</text>"
    return (svg, px, py)
  }

  static func scatter(title: String, subtitle: String, x: ScatterAxis, y: ScatterAxis, xs: [Double], ys: [Double],
                      holds: [Bool], box: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> String {
    var (svg, px, py) = scatterFrame(title: title, subtitle: subtitle, x: x, y: y)
    // Points that do not hold first, so the ones that do stay visible.
    for pass in [false, true] {
      for (i, (vx, vy)) in zip(xs, ys).enumerated() where holds[i] == pass {
        svg += "<circle cx=\"\(n(px(vx)))\" cy=\"\(n(py(vy)))\" r=\"3\" class=\"\(pass ? "dot" : "dot-open")\"/>"
      }
    }
    let bx = px(box.x.lowerBound), by = py(box.y.upperBound)
    svg += "<rect x=\"\(n(bx))\" y=\"\(n(by))\" width=\"\(n(px(box.x.upperBound) - bx))\" height=\"\(n(py(box.y.lowerBound) - by))\" class=\"box\"><title>the box reported</title></rect>"
    return svg + "</svg>"
  }
}

import SimKernel

extension SVGChart {
  /// A design's trade-off between two objectives: every setting run (pale
  /// dots), and the front's points numbered, with their 95% intervals on
  /// both axes, joined in the order of the x objective.
  static func front(title: String, subtitle: String, x: ScatterAxis, y: ScatterAxis, all: [(Double, Double)],
                    front: [(x: ConfidenceInterval, y: ConfidenceInterval)], marked: [Bool]) -> String {
    let left = 64.0, top = 62.0, plotWidth = 420.0, plotHeight = 260.0
    let width = left + plotWidth + 40, height = top + plotHeight + 44
    let xSpan = x.hi > x.lo ? x.hi - x.lo : 1, ySpan = y.hi > y.lo ? y.hi - y.lo : 1
    func px(_ v: Double) -> Double { left + min(1, max(0, (v - x.lo) / xSpan)) * plotWidth }
    func py(_ v: Double) -> Double { top + plotHeight - min(1, max(0, (v - y.lo) / ySpan)) * plotHeight }
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
    for (vx, vy) in all { svg += "<circle cx=\"\(n(px(vx)))\" cy=\"\(n(py(vy)))\" r=\"2.5\" class=\"dot faint\"/>" }
    let order = front.indices.sorted { front[$0].x.mean < front[$1].x.mean }
    if order.count > 1 {
      svg += "<polyline points=\"" + order.map { "\(n(px(front[$0].x.mean))),\(n(py(front[$0].y.mean)))" }.joined(separator: " ")
        + "\" class=\"whisker faint\"/>"
    }
    for (k, p) in front.enumerated() {
      let cx = px(p.x.mean), cy = py(p.y.mean)
      if p.x.halfWidth.isFinite {
        svg += "<line x1=\"\(n(px(p.x.lower)))\" y1=\"\(n(cy))\" x2=\"\(n(px(p.x.upper)))\" y2=\"\(n(cy))\" class=\"whisker\"/>"
      }
      if p.y.halfWidth.isFinite {
        svg += "<line x1=\"\(n(cx))\" y1=\"\(n(py(p.y.lower)))\" x2=\"\(n(cx))\" y2=\"\(n(py(p.y.upper)))\" class=\"whisker\"/>"
      }
      svg += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"4\" class=\"\(marked[k] ? "dot-open" : "dot chosen")\"><title>point \(k + 1)</title></circle>"
      svg += "<text x=\"\(n(cx + 6))\" y=\"\(n(cy - 6))\" class=\"tick\">\(k + 1)</text>"
    }
    return svg + "</svg>"
  }
}

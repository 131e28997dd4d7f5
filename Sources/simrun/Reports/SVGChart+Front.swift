import SimKernel

extension SVGChart {
  /// A design's trade-off between two objectives: every setting run (pale
  /// dots), and the front's points numbered, with their 95% intervals on
  /// both axes, joined in the order of the x objective.
  static func front(title: String, subtitle: String, x: ScatterAxis, y: ScatterAxis, all: [(Double, Double)],
                    front: [(x: ConfidenceInterval, y: ConfidenceInterval)], marked: [Bool]) -> String {
    var (svg, px, py) = scatterFrame(title: title, subtitle: subtitle, x: x, y: y)
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

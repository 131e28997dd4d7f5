extension SVGChart {
  /// A front of three or more objectives in parallel coordinates: one
  /// vertical axis an objective, better at the top, each point of the front
  /// a numbered line across them (dashed: not distinguishable from a point
  /// that beats it).
  static func parallel(title: String, subtitle: String, axes: [(label: String, low: String, high: String)],
                       lines: [[Double]], marked: [Bool]) -> String {
    let left = 80.0, top = 74.0, plotHeight = 240.0
    let gap = max(120.0, min(200.0, 600.0 / Double(max(1, axes.count - 1))))
    let width = left * 2 + gap * Double(axes.count - 1) + 40, height = top + plotHeight + 56
    func x(_ i: Int) -> Double { left + 20 + gap * Double(i) }
    func y(_ v: Double) -> Double { top + plotHeight - min(1, max(0, v)) * plotHeight }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    for (i, axis) in axes.enumerated() {
      svg += "<line x1=\"\(n(x(i)))\" y1=\"\(n(top))\" x2=\"\(n(x(i)))\" y2=\"\(n(top + plotHeight))\" class=\"grid zero\"/>"
      svg += "<text x=\"\(n(x(i)))\" y=\"\(n(top - 18))\" class=\"tick\" text-anchor=\"middle\">\(escape(shortLabel(axis.label, 24)))</text>"
      svg += "<text x=\"\(n(x(i)))\" y=\"\(n(top - 6))\" class=\"tick\" text-anchor=\"middle\">\(escape(axis.high))</text>"
      svg += "<text x=\"\(n(x(i)))\" y=\"\(n(top + plotHeight + 14))\" class=\"tick\" text-anchor=\"middle\">\(escape(axis.low))</text>"
    }
    for (k, line) in lines.enumerated() {
      let points = line.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
      svg += "<polyline points=\"\(points)\" class=\"whisker\(marked[k] ? " faint" : "")\" fill=\"none\"\(marked[k] ? " stroke-dasharray=\"4 3\"" : "")><title>point \(k + 1)</title></polyline>"
      if let last = line.last {
        svg += "<text x=\"\(n(x(line.count - 1) + 6))\" y=\"\(n(y(last) + 4))\" class=\"tick\">\(k + 1)</text>"
      }
    }
    svg += "<text x=\"\(n(left))\" y=\"\(n(top + plotHeight + 34))\" class=\"tick\">each axis from the front's worst (bottom) to its best (top)</text>"
    return svg + "</svg>"
  }
}

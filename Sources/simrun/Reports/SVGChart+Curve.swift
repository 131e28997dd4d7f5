import SimKernel

extension SVGChart {
  /// A response curve: the metric's mean against a swept parameter's
  /// values (numeric x, spaced by value; points at each value), the 95%
  /// interval as a band, the y axis zoomed to the data (not from zero) so
  /// that a change of a few hundredths shows.
  static func curve(title: String, subtitle: String, xLabel: String, x xs: [Double], intervals: [ConfidenceInterval]) -> String {
    let left = 56.0, right = 24.0, plotWidth = 460.0, plotHeight = 150.0, top = 50.0, bottom = 40.0
    let width = left + plotWidth + right, height = top + plotHeight + bottom
    let xLo = xs.min() ?? 0, xHi = max(xs.max() ?? 1, xLo + 1e-12)
    let ends = intervals.flatMap { [$0.lower, $0.upper, $0.mean] }.filter(\.isFinite)
    let from = ends.min() ?? 0, to = ends.max() ?? 1
    let (lo, hi, step) = to - from < 1e-12 ? niceRange(from - 0.5, to + 0.5) : niceRange(from, to)
    func x(_ v: Double) -> Double { left + (v - xLo) / (xHi - xLo) * plotWidth }
    func y(_ v: Double) -> Double { top + plotHeight - (min(hi, max(lo, v)) - lo) / (hi - lo) * plotHeight }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    var v = lo
    while v <= hi + step / 2 {
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(v)))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" class=\"tick\" text-anchor=\"end\">\(tick(abs(v) < step / 2 ? 0 : v))</text>"
      v += step
    }
    for value in xs {
      svg += "<text x=\"\(n(x(value)))\" y=\"\(n(top + plotHeight + 16))\" class=\"tick\" text-anchor=\"middle\">\(tick(value))</text>"
    }
    let points = zip(xs, intervals).sorted { $0.0 < $1.0 }
    let upper = points.map { "\(n(x($0.0))) \(n(y($0.1.upper.isFinite ? $0.1.upper : $0.1.mean)))" }
    let lower = points.reversed().map { "\(n(x($0.0))) \(n(y($0.1.lower.isFinite ? $0.1.lower : $0.1.mean)))" }
    if points.count > 1 { svg += "<path d=\"M\((upper + lower).joined(separator: "L"))Z\" class=\"band\"/>" }
    svg += "<path d=\"M\(points.map { "\(n(x($0.0))) \(n(y($0.1.mean)))" }.joined(separator: "L"))\" class=\"line\"/>"
    for (value, ci) in points {
      svg += "<circle cx=\"\(n(x(value)))\" cy=\"\(n(y(ci.mean)))\" r=\"3\" class=\"dot\"><title>\(escape(xLabel)) = \(tick(value)): \(SVGChart.value(ci.mean)) ± \(SVGChart.value(ci.halfWidth))</title></circle>"
    }
    svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 4))\" class=\"tick\" text-anchor=\"middle\">\(escape(xLabel)) (line: mean, band: 95% interval)</text>"
    return svg + "</svg>"
  }
}

import PrivacyModel
import SimKernel

extension SVGChart {
  /// Effects as horizontal bars from a zero line, in the order given, the
  /// 95% interval as a whisker; bars whose interval contains 0 are pale,
  /// the others blue when the change is for the better and orange when for
  /// the worse (`preferred`; grey for activity counts).
  /// `labelWidth`: room for the labels, in pixels; bars at `neutral`
  /// indices are grey whatever their direction (a change that is not an
  /// improvement although the number moves the preferred way).
  static func effects(title: String, subtitle: String, labels: [String], tooltips: [String],
                      intervals: [ConfidenceInterval], preferred: Metric.Preferred, labelWidth: Double = 90,
                      neutral: Set<Int> = []) -> String {
    let plotWidth = 520 - labelWidth, rowHeight = 24.0, top = 46.0
    let width = labelWidth + plotWidth + 110, height = top + rowHeight * Double(max(1, labels.count)) + 26
    let ends = intervals.flatMap { [$0.mean, $0.lower, $0.upper] }.filter(\.isFinite)
    let from = min(0, ends.min() ?? 0), to = max(0, ends.max() ?? 0)
    let (lo, hi, step) = to - from < 1e-12 ? niceRange(-1, 1) : niceRange(from, to)
    func x(_ v: Double) -> Double { labelWidth + (min(hi, max(lo, v)) - lo) / (hi - lo) * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    var v = lo
    while v <= hi + step / 2 {
      svg += "<line x1=\"\(n(x(v)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(v)))\" y2=\"\(n(height - 22))\" class=\"grid\(abs(v) < step / 2 ? " zero" : "")\"/>"
      svg += "<text x=\"\(n(x(v)))\" y=\"\(n(height - 8))\" class=\"tick\" text-anchor=\"middle\">\(tick(abs(v) < step / 2 ? 0 : v))</text>"
      v += step
    }
    for (i, ci) in intervals.enumerated() {
      let y = top + rowHeight * Double(i)
      let mean = ci.mean.isFinite ? ci.mean : 0
      let faint = ci.contains(0)
      svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" class=\"label\" text-anchor=\"end\">\(escape(labels[i]))</text>"
      svg += "<rect x=\"\(n(min(x(0), x(mean))))\" y=\"\(n(y + 5))\" width=\"\(n(max(0.5, abs(x(mean) - x(0)))))\" height=\"\(n(rowHeight - 10))\" class=\"bar \(faint ? "faint" : neutral.contains(i) ? "neutral" : style(mean, preferred))\"><title>\(escape(tooltips[i])): \(value(mean)) ± \(value(ci.halfWidth))\(faint ? " (no measurable effect)" : "")</title></rect>"
      if ci.halfWidth.isFinite && ci.halfWidth > 0 {
        let a = x(ci.lower), b = x(ci.upper), mid = y + rowHeight / 2
        svg += "<path d=\"M\(n(a)) \(n(mid))H\(n(b))M\(n(a)) \(n(mid - 5))V\(n(mid + 5))M\(n(b)) \(n(mid - 5))V\(n(mid + 5))\" class=\"whisker\"/>"
      }
      svg += "<text x=\"\(n(max(x(0), x(ci.upper.isFinite ? ci.upper : mean)) + 6))\" y=\"\(n(y + 16))\" class=\"value\">\(value(mean))\(faint ? " (n.s.)" : "")</text>"
    }
    return svg + "</svg>"
  }

  /// The bar's class for a change of `mean` in a metric where `preferred`.
  static func style(_ mean: Double, _ preferred: Metric.Preferred) -> String {
    switch preferred {
    case .higher: mean >= 0 ? "better" : "worse"
    case .lower: mean <= 0 ? "better" : "worse"
    case .neither: "neutral"
    }
  }

  /// A waterfall: the first value as a bar from 0, each step as a floating
  /// bar from the running total, the last value as a bar from 0.
  static func waterfall(title: String, subtitle: String, start: (label: String, value: ConfidenceInterval),
                        steps: [(label: String, effect: ConfidenceInterval)], end: (label: String, value: ConfidenceInterval),
                        isRate: Bool, preferred: Metric.Preferred) -> String {
    let labelWidth = 210.0, plotWidth = 320.0, rowHeight = 24.0, top = 46.0
    let rows = steps.count + 2
    let width = labelWidth + plotWidth + 100, height = top + rowHeight * Double(rows) + 26
    var totals = [start.value.mean]
    for s in steps { totals.append(totals.last! + s.effect.mean) }
    let (lo, hi) = axis(totals.map { ConfidenceInterval([$0, $0]) } + [start.value, end.value], isRate: isRate)
    func x(_ v: Double) -> Double { labelWidth + (min(hi, max(lo, v)) - lo) / (hi - lo) * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    svg += verticalGrid(lo: lo, hi: hi, top: top, height: height, x: x)
    func bar(_ row: Int, _ a: Double, _ b: Double, _ label: String, _ style: String, _ text: String) -> String {
      let y = top + rowHeight * Double(row)
      return "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" class=\"label\" text-anchor=\"end\">\(escape(shortLabel(label)))</text>"
        + "<rect x=\"\(n(min(x(a), x(b))))\" y=\"\(n(y + 5))\" width=\"\(n(max(0.5, abs(x(b) - x(a)))))\" height=\"\(n(rowHeight - 10))\" class=\"bar \(style)\"><title>\(escape(label)): \(text)</title></rect>"
        + "<text x=\"\(n(max(x(a), x(b)) + 6))\" y=\"\(n(y + 16))\" class=\"value\">\(text)</text>"
    }
    svg += bar(0, 0, start.value.mean, start.label, "baseline", value(start.value.mean))
    for (k, s) in steps.enumerated() {
      let from = totals[k], to = totals[k + 1]
      let sign = s.effect.mean >= 0 ? "+" : "−"
      svg += bar(k + 1, from, to, s.label, s.effect.contains(0) ? "faint" : style(s.effect.mean, preferred), "\(sign)\(value(abs(s.effect.mean)))")
    }
    svg += bar(rows - 1, 0, end.value.mean, end.label, "", value(end.value.mean))
    return svg + "</svg>"
  }
}

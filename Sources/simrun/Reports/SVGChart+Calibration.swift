extension SVGChart {
  /// Per key, its assumed range as a pale bar over the whole width and the
  /// range consistent with the targets as a dark bar inside it (each key
  /// on its own 0–1 scale of its assumed range), with both ranges written
  /// at the right.
  static func calibratedRanges(title: String, subtitle: String, labels: [String], kept: [(lower: Double, upper: Double)?],
                               texts: [String]) -> String {
    let width = 720.0, labelWidth = 250.0, textWidth = 170.0, rowHeight = 22.0, top = 48.0
    let plotWidth = width - labelWidth - textWidth - 16
    let height = top + rowHeight * Double(labels.count) + 10
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    for (i, label) in labels.enumerated() {
      let y = top + rowHeight * Double(i)
      svg += "<text x=\"4\" y=\"\(n(y + 14))\" class=\"label\"><title>\(escape(label))</title>\(escape(shortLabel(label, 38)))</text>"
      svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(plotWidth))\" height=\"14\" class=\"bar faint\"/>"
      if let k = kept[i] {
        let x0 = labelWidth + k.lower * plotWidth, x1 = labelWidth + k.upper * plotWidth
        svg += "<rect x=\"\(n(x0))\" y=\"\(n(y + 4))\" width=\"\(n(max(2, x1 - x0)))\" height=\"14\" class=\"bar better\"/>"
      }
      svg += "<text x=\"\(n(labelWidth + plotWidth + 8))\" y=\"\(n(y + 14))\" class=\"tick\">\(escape(texts[i]))</text>"
    }
    return svg + "</svg>"
  }

  /// A key's minimum-implausibility profile: over equal bins of its
  /// assumed range, the smallest implausibility any probe point in the bin
  /// reached, with the cut-off as a dashed line; bins under the line hold
  /// points consistent with the targets.
  static func implausibilityProfile(title: String, subtitle: String, profile: [Double], cutoff: Double,
                                    lowerText: String, upperText: String) -> String {
    let width = 340.0, height = 170.0, left = 36.0, right = 8.0, top = 44.0, bottom = 24.0
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    let finite = profile.filter(\.isFinite)
    let hi = niceCeiling(max(cutoff * 2, min(finite.max() ?? cutoff * 2, cutoff * 5)))
    func y(_ v: Double) -> Double { top + plotHeight * (1 - min(v, hi) / hi) }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    for v in [0, hi / 2, hi] {
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(v)))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 4))\" y=\"\(n(y(v) + 4))\" class=\"tick\" text-anchor=\"end\">\(tick(v))</text>"
    }
    let step = plotWidth / Double(max(1, profile.count))
    for (b, v) in profile.enumerated() where v.isFinite {
      let x = left + step * Double(b)
      svg += "<rect x=\"\(n(x + 1))\" y=\"\(n(y(v)))\" width=\"\(n(step - 2))\" height=\"\(n(top + plotHeight - y(v)))\" class=\"bar \(v <= cutoff ? "better" : "faint")\"/>"
    }
    svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(cutoff)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(cutoff)))\" class=\"quantile\"/>"
    svg += "<text x=\"\(n(left))\" y=\"\(n(height - 6))\" class=\"tick\">\(escape(lowerText))</text>"
    svg += "<text x=\"\(n(width - right))\" y=\"\(n(height - 6))\" class=\"tick\" text-anchor=\"end\">\(escape(upperText))</text>"
    return svg + "</svg>"
  }
}

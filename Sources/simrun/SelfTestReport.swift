import SimKernel

/// Formats self-test rows as an aligned text table.
enum SelfTestReport {
  static func table(_ rows: [KernelValidation.Row]) -> String {
    let header = ["system", "quantity", "analytic", "simulated", "95% CI", "result"]
    let body = rows.map { row -> [String] in
      let isLittle = row.analytic == 0
      return [
        row.system,
        row.quantity,
        isLittle ? "0" : fixed(row.analytic, 4),
        isLittle ? "\(row.note.split(separator: " ").last ?? "")" : fixed(row.interval.mean, 4),
        isLittle ? "—" : "[\(fixed(row.interval.lower, 4)), \(fixed(row.interval.upper, 4))]",
        row.passed ? "pass" : "FAIL (\(row.note))",
      ]
    }
    return TextTable(header: header, rows: body).rendered
  }

  /// `value` with `digits` decimals.
  static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    } else if !text.contains("e") {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }
}

/// Numbers as reports and templates print them.
public enum NumberText {
  /// `value` with `digits` decimals (without Foundation's formatting); a
  /// value that rounds to zero prints without a sign (never "-0.000").
  public static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var rounded = (value * scale).rounded() / scale
    if rounded == 0 { rounded = 0 }
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

import Foundation
import Testing

/// Every key of `simrun list keys`, given values at the edges of its domain
/// and beyond (0, tiny, huge, 1e308, NaN, negative, just past each bound):
/// each ends in a located rejection (exit 64, the message naming the
/// `--set` and the key path) or in a run that finishes, quickly and with
/// exit 0. Never a crash, a hang or another exit status.
@Suite("Every key at and beyond its domain's edges")
struct KeyDomainEdgeTests {
  /// (key path, what it accepts), from `simrun list keys --markdown`.
  static func keys() throws -> [(path: String, accepts: String)] {
    try simrun("list", "keys", "--markdown").out.split(separator: "\n").compactMap { line in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 4, cells[1].hasPrefix("`"), cells[1].contains(".") else { return nil }
      return (String(cells[1].dropFirst().dropLast()), cells[2])
    }
  }

  /// Values to try for a key that accepts `accepts`.
  static func edges(_ accepts: String) -> [String] {
    let beyond = ["-1", "1e308", "-1e308", ".nan", "abc", "1e-300"]
    if accepts.hasPrefix("a probability") { return beyond + ["0", "1", "1.0000001"] }
    if accepts.hasPrefix("true or false") { return ["true", "false", "maybe", "1e308"] }
    if accepts.hasPrefix("a date") { return ["2024-01-01", "2099-12-31", "2026-02-30", "x"] }
    if accepts.hasPrefix("a distribution") {
      return ["{constant: 87600}", "{constant: 1e308}", "{lognormal: {mu: 11, sigma: 5}}", "{lognormal: {mean: 87600, cv: 10}}",
              "{exponential: {mean: 0}}", "{gamma: {shape: 1e-300, scale: 87600}}", "{weibull: {shape: 0.001, scale: 87600}}",
              "{uniform: {lower: 0, upper: 87600}}", "{normal: {mean: 87600, sd: 87600}}", "{normal: {mean: -5, sd: .nan}}"]
    }
    if accepts.hasPrefix("a list of 24") {
      let ones = Array(repeating: "0", count: 23)
      return ["[\((["1000000"] + ones).joined(separator: ","))]", "[\((["1e308"] + ones).joined(separator: ","))]",
              "[\(Array(repeating: "0", count: 24).joined(separator: ","))]", "[1, 2]"]
    }
    for prefix in ["a whole number from ", "a number from "] where accepts.hasPrefix(prefix) {
      let bounds = accepts.dropFirst(prefix.count).components(separatedBy: " to ").compactMap { Double($0) }
      guard bounds.count == 2 else { break }
      let (low, high) = (bounds[0], bounds[1])
      let whole = prefix.hasPrefix("a whole")
      func text(_ v: Double) -> String { whole ? String(Int64(v)) : "\(v)" }
      return beyond + [text(low), text(high), whole ? text(low - 1) : "\(low - max(1e-9, abs(low) * 1e-9))",
                       whole ? text(high + 1) : "\(high * (1 + 1e-9) + 1e-9)", "9223372036854775808", "1.5"]
    }
    return []
  }

  /// Both platforms with every rule in force, a short period at a small
  /// scale (the scale only when the key under test does not set it).
  static func base(for path: String) -> [String] {
    var arguments = ["run", "Scenarios/timeline-2024-2026.yaml", "--set", "start=2026-02-01", "--set", "days=4",
                     "--set", "warmup_days=1", "--replications", "2", "--quiet"]
    if path != "orders.orders_per_day" { arguments += ["--set", "orders.orders_per_day=400"] }
    if path != "merchants.count" { arguments += ["--set", "merchants.count=40"] }
    return arguments
  }

  @Test("each key: a located rejection or a bounded run, for values at and past its edges")
  func edgesEverywhere() throws {
    let keys = try Self.keys()
    #expect(keys.count > 90)
    let plain = try simrun(Self.base(for: ""), in: repository)
    try #require(plain.status == 0, "the base run itself must work: \(plain.err)")
    var tried = 0
    var accepted = 0
    for (path, accepts) in keys {
      for value in Self.edges(accepts) {
        tried += 1
        let setting = "\(path)=\(value)"
        let arguments = Self.base(for: path) + ["--set", setting]
        let start = Date()
        let r = try simrun(arguments, in: repository)
        let seconds = Date().timeIntervalSince(start)
        #expect(r.status == 0 || r.status == 64, "\(setting) → exit \(r.status): \(r.err.prefix(300))")
        #expect(seconds < 20, "\(setting) took \(seconds) s")
        if r.status == 0 { accepted += 1 }
        if r.status == 64 {
          // Located: at the option, or (a cross-field check) at FILE:LINE:COL.
          let located = r.err.hasPrefix("--set ") || r.err.range(of: #"^\S+\.yaml:\d+:\d+: "#, options: .regularExpression) != nil
          #expect(located, "\(setting): the rejection is located: \(r.err.prefix(300))")
        }
      }
    }
    #expect(tried > 600)
    // Every key's in-domain edges run: at least the bounds of each numeric key.
    #expect(accepted > 250, "\(accepted) of \(tried) values ran")
  }
}

import ScenarioFormat
import SimKernel

/// Formats self-test rows as an aligned text table.
enum SelfTestReport {
  static func table(_ rows: [KernelValidation.Row]) -> String {
    let header = ["system", "quantity", "analytic", "simulated", "95% CI / tolerance", "result"]
    let body = rows.map { row -> [String] in
      if let ci = row.interval {
        return [row.system, row.quantity, fixed(row.analytic, 4), fixed(row.simulated, 4),
                "[\(fixed(ci.lower, 4)), \(fixed(ci.upper, 4))]", verdict(row)]
      }
      // An identity checked in every replication: the worst gap against the tolerance.
      return [row.system, row.quantity, "0", "gap " + scientific(row.simulated),
              "≤ " + scientific(KernelValidation.littleTolerance), verdict(row)]
    }
    return TextTable(header: header, rows: body, maxWidth: Terminal.outputWidth).rendered
  }

  static func verdict(_ row: KernelValidation.Row) -> String {
    row.passed ? "pass" : "FAIL (\(row.note))"
  }

  /// `value` as `m.me±x` with one decimal of mantissa, e.g. `2.1e-16`.
  static func scientific(_ value: Double) -> String {
    guard value != 0, value.isFinite else { return value == 0 ? "0" : String(value) }
    var exponent = 0
    var mantissa = abs(value)
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    mantissa = (mantissa * 10).rounded() / 10
    if mantissa >= 10 { mantissa /= 10; exponent += 1 }
    return "\(value < 0 ? "-" : "")\(fixed(mantissa, 1))e\(exponent)"
  }

  /// `value` with `digits` decimals.
  static func fixed(_ value: Double, _ digits: Int) -> String { NumberText.fixed(value, digits) }
}

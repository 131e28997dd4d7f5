/// A 24-hour profile of relative intensity in local time: hour *h* runs at
/// `weights[h] / mean(weights)` times the average rate, so the profile shapes
/// *when* events happen without changing how many happen per day.
public struct DailyCycle: Hashable, Sendable {
  /// Rate multipliers by local hour, with mean exactly 1.
  public let multipliers: [Double]

  /// Why weights could not be turned into a cycle.
  public enum Failure: Error, Hashable, Sendable {
    case wrongCount(Int)
    case negativeOrNonFinite(hour: Int)
    case zeroTotal
  }

  /// A cycle from 24 non-negative hourly weights (any scale).
  public init(hourlyWeights weights: [Double]) throws(Failure) {
    guard weights.count == 24 else { throw .wrongCount(weights.count) }
    if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw .negativeOrNonFinite(hour: bad) }
    let mean = weights.reduce(0, +) / 24
    guard mean > 0 else { throw .zeroTotal }
    multipliers = weights.map { $0 / mean }
  }

  /// The same rate at every hour.
  public static let flat = try! DailyCycle(hourlyWeights: Array(repeating: 1, count: 24))

  /// The largest multiplier (the thinning envelope).
  public var peak: Double { multipliers.max() ?? 1 }
}

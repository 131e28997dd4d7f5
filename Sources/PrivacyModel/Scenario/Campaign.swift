public import SimKernel

/// A window of raised order arrivals.
public struct Campaign: Hashable, Sendable {
  public var name: String
  public var from: CivilDate
  public var days: Int
  public var factor: Double

  public init(name: String, from: CivilDate, days: Int, factor: Double) {
    self.name = name
    self.from = from
    self.days = days
    self.factor = factor
  }

  /// 618 (June 1–18) and Double 11 (November 1–11) of each year from
  /// `firstYear` to `lastYear`, at ×1.6 and ×2.5 (factors: assumption).
  public static func shoppingFestivals(_ years: ClosedRange<Int>) -> [Campaign] {
    years.flatMap { year in
      [Campaign(name: "618-\(year)", from: CivilDate(year: year, month: 6, day: 1)!, days: 18, factor: 1.6),
       Campaign(name: "double-11-\(year)", from: CivilDate(year: year, month: 11, day: 1)!, days: 11, factor: 2.5)]
    }
  }
}

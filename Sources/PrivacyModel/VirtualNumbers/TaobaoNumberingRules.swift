public import SimKernel

/// Taobao's virtual-number formats and validity (RULEBOOK R-T1, R-T3, R-T4).
public struct TaobaoNumberingRules: Hashable, Sendable {
  /// R-T3: both formats are valid until this long after completion.
  public var validityAfterCompletion = SimDuration.days(7)
  /// R-T4: share of new orders given a 700 number, as (time, share) points
  /// joined linearly, flat before the first and after the last. S4 sets a
  /// gray period from January to March 2026 without saying how the share
  /// grows; the default ramps linearly from 0 on 2026-01-01 to 1 on
  /// 2026-04-01 (an assumption, editable in scenarios).
  public var ramp: [(time: SimTime, share: Double)]
  /// R-T1: probability that a caller fails to dial an 11+4 extension
  /// correctly (an assumption; no source gives a figure).
  public var extensionMisdialProbability = 0.02
  /// R-D6: at most this many orders per `taobao.top.oaid.decrypt` call (S4: 20).
  public var decryptBatchLimit = 20
  /// Whether an open after-sale case keeps the order's number working past
  /// R-T3's 7 days after completion. S4 FAQ 2 says after-sale functions use
  /// the same 700 number; it does not say the validity stretches. Default
  /// false: the literal reading of R-T3, under which a late return pick-up
  /// finds the number lapsed.
  public var afterSaleKeepsNumber = false

  public static func defaultRamp(calendar: SimCalendar) -> [(time: SimTime, share: Double)] {
    [(calendar.startOfDay(CivilDate(year: 2026, month: 1, day: 1)!), 0),
     (calendar.startOfDay(CivilDate(year: 2026, month: 4, day: 1)!), 1)]
  }

  public init(calendar: SimCalendar) {
    ramp = TaobaoNumberingRules.defaultRamp(calendar: calendar)
  }

  /// The share of orders created at `time` that get a 700 number.
  public func share700(at time: SimTime) -> Double {
    guard let first = ramp.first, let last = ramp.last else { return 0 }
    if time <= first.time { return first.share }
    if time >= last.time { return last.share }
    for (a, b) in zip(ramp, ramp.dropFirst()) where time < b.time {
      let f = Double(time.milliseconds - a.time.milliseconds) / Double(b.time.milliseconds - a.time.milliseconds)
      return a.share + f * (b.share - a.share)
    }
    return last.share
  }

  /// The format of an order created at `time`, given a uniform draw `u`.
  public func format(createdAt time: SimTime, uniform u: Double) -> VirtualNumberFormat {
    u < share700(at: time) ? .sevenHundred : .elevenPlusFour
  }

  /// Whether the order's number still works at `now` (R-T3), for an order
  /// inside an after-sale case or not.
  public func isValid(completedAt: SimTime?, at now: SimTime, inAfterSaleCase: Bool = false) -> Bool {
    guard let completedAt else { return true }
    if inAfterSaleCase && afterSaleKeepsNumber { return true }
    return now < completedAt + validityAfterCompletion
  }

  public static func == (lhs: TaobaoNumberingRules, rhs: TaobaoNumberingRules) -> Bool {
    lhs.validityAfterCompletion == rhs.validityAfterCompletion
      && lhs.extensionMisdialProbability == rhs.extensionMisdialProbability
      && lhs.decryptBatchLimit == rhs.decryptBatchLimit && lhs.afterSaleKeepsNumber == rhs.afterSaleKeepsNumber
      && lhs.ramp.map(\.time) == rhs.ramp.map(\.time) && lhs.ramp.map(\.share) == rhs.ramp.map(\.share)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(validityAfterCompletion)
    hasher.combine(extensionMisdialProbability)
    hasher.combine(decryptBatchLimit)
    hasher.combine(afterSaleKeepsNumber)
    for point in ramp {
      hasher.combine(point.time)
      hasher.combine(point.share)
    }
  }
}

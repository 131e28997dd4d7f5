public import SimKernel

/// Everything one simulation run needs: the phase (rules in force), the
/// period, and every parameter. Defaults carry their source in the doc
/// comment of each field, or are marked as assumptions.
public struct Scenario: Hashable, Sendable {
  public var name: String
  public var phase: Phase
  /// First simulated day (local midnight, China Standard Time).
  public var start: CivilDate
  /// Simulated days, and how many of them warm up (not measured).
  public var days: Int
  public var warmupDays: Int
  public var orders = OrderParameters()
  public var merchants = MerchantParameters()
  public var contact = ContactParameters()
  public var virtualNumbers = WeChatVirtualNumberRules()
  public var taobao: TaobaoNumberingRules
  public var gGroup = GGroupRegistry()
  /// R-D3 enforcement, see ``DecryptPolicy/UnnecessaryDecrypt``.
  public var unnecessaryDecrypt = DecryptPolicy.UnnecessaryDecrypt.refuse

  /// The default scenario of `phase`: 60 days from the phase's start (or
  /// 2024-01-01 for a baseline), the first 20 of them warm-up.
  public init(phase: Phase, start: CivilDate? = nil, days: Int = 60, warmupDays: Int = 20) {
    self.name = phase.id
    self.phase = phase
    self.start = start ?? phase.defaultStart ?? CivilDate(year: 2024, month: 1, day: 1)!
    self.days = days
    self.warmupDays = warmupDays
    taobao = TaobaoNumberingRules(calendar: SimCalendar(origin: self.start))
  }

  /// Simulated time zero is local midnight of ``start``.
  public var calendar: SimCalendar { SimCalendar(origin: start) }

  /// Whether `rule` is in force.
  public func has(_ rule: RuleID) -> Bool { phase.rules.contains(rule) }
}

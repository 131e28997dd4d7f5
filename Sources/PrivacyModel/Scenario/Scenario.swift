public import SimKernel

/// A phase and the day it switches on.
public struct ScheduledPhase: Hashable, Sendable {
  public var phase: Phase
  /// First day in force; `nil` means from the start of the run.
  public var start: CivilDate?

  public init(_ phase: Phase, from start: CivilDate? = nil) {
    self.phase = phase
    self.start = start
  }
}

/// Everything one simulation run needs: the phases (rules in force, and when
/// they switch on), the period, and every parameter. Defaults carry their
/// source in the doc comment of each field, or are marked as assumptions.
public struct Scenario: Hashable, Sendable {
  public var name: String
  /// The phases in force, per platform in order of their start. A
  /// single-phase scenario has one entry; the timeline has all of §7.
  public var schedule: [ScheduledPhase]
  /// Share of shops on WeChat Shop when both platforms are scheduled (the
  /// rest are on Taobao; an assumption).
  public var weChatShare = 0.5
  /// First simulated day (local midnight, China Standard Time).
  public var start: CivilDate
  /// Simulated days, and how many of them warm up (not measured).
  public var days: Int
  public var warmupDays: Int
  public var orders = OrderParameters()
  public var merchants = MerchantParameters()
  public var contact = ContactParameters()
  public var couriers = CourierParameters()
  public var context = ContextParameters()
  public var virtualNumbers = WeChatVirtualNumberRules()
  public var taobao: TaobaoNumberingRules
  public var gGroup = GGroupRegistry()
  /// The GSL generator behind every random stream of a run. Not a model
  /// parameter: a run is reproduced by its scenario, seed and generator.
  /// taus2 (L'Ecuyer's maximally equidistributed combined Tausworthe
  /// generator) since 2026-12: on `model-throughput phases 30000` it
  /// executes 4.7% fewer instructions per order than MT19937, the default
  /// before, which reproduces earlier results (with the same build's other
  /// draws; docs/performance.md).
  public var generator = GeneratorKind.taus2
  /// R-D3 enforcement, see ``DecryptPolicy/UnnecessaryDecrypt``.
  public var unnecessaryDecrypt = DecryptPolicy.UnnecessaryDecrypt.refuse
  /// Rules of the scheduled phases switched off, to see what each one does
  /// (an ablation). Only ``RuleID/switchable`` rules may be listed.
  public var disabledRules: Set<RuleID> = []
  /// Whether a run also keeps every count by week (``weeklySeriesBasis``)
  /// (``ScenarioResult/weeklyIntervals(_:level:)``). The timeline does; a
  /// phase run need not pay for it (about 2% of the model's instructions).
  public var recordsWeeklySeries = false
  /// Which week the weekly series count each event in: the week it
  /// happens (the default) or its order's creation week.
  public var weeklySeriesBasis = WeeklySeriesBasis.event
  /// The most orders one replication may hold in flight: a memory limit,
  /// not a model parameter. An order arriving past it stops the run with
  /// ``RunInterrupted/Reason/tooManyOrdersInFlight(limit:)``; below it the
  /// results do not depend on it. About 160 bytes an order with its events
  /// (docs/reference.md, "Memory limit"; up to twice that while an array grows), so
  /// the default, 2²³ ≈ 8.4 million orders (about 550,000 orders a day with
  /// the default lifecycle), is about 1.3 GB per replication running at
  /// once (one per thread).
  public var maxOrdersInFlight = Scenario.defaultMaxOrdersInFlight

  /// 2²³.
  public static let defaultMaxOrdersInFlight = 1 << 23

  /// The default scenario of `phase`: 60 days from the phase's start (or
  /// 2024-01-01 for a baseline), the first 20 of them warm-up.
  public init(phase: Phase, start: CivilDate? = nil, days: Int = 60, warmupDays: Int = 20) {
    self.name = phase.id
    self.schedule = [ScheduledPhase(phase)]
    self.start = start ?? phase.defaultStart ?? CivilDate(year: 2024, month: 1, day: 1)!
    self.days = days
    self.warmupDays = warmupDays
    taobao = TaobaoNumberingRules(calendar: SimCalendar(origin: self.start))
  }

  /// The 2024–2026 timeline as one run: both platforms, every phase of §7
  /// switching on at its default date, from `start` to `end` (exclusive),
  /// the first `warmupDays` not measured.
  public static func timeline(
    start: CivilDate = CivilDate(year: 2024, month: 1, day: 1)!,
    end: CivilDate = CivilDate(year: 2026, month: 7, day: 1)!, warmupDays: Int = 14
  ) -> Scenario {
    var s = Scenario(phase: .wechatBaseline, start: start, days: end.daysSinceEpoch - start.daysSinceEpoch,
                     warmupDays: warmupDays)
    s.name = "timeline-2024-2026"
    s.recordsWeeklySeries = true
    s.schedule = Phase.all.map { ScheduledPhase($0, from: $0.defaultStart) }
    s.orders.campaigns = Campaign.shoppingFestivals(start.year...end.year)
      .filter { $0.from >= start && $0.from < end }
    return s
  }

  /// Simulated time zero is local midnight of ``start``.
  public var calendar: SimCalendar { SimCalendar(origin: start) }

  /// The first scheduled phase (the only one of a single-phase scenario).
  public var phase: Phase { schedule[0].phase }

  /// Every rule in force at some time of the run: the scheduled phases'
  /// rules and the context rules switched on that act on its platforms
  /// (RULEBOOK §6).
  public var rulesInForce: Set<RuleID> {
    schedule.reduce(into: context.rulesInForce(on: platforms)) { $0.formUnion(rules(of: $1.phase)) }
  }

  /// Every rule of the scheduled phases, disabled or not: the rules
  /// `disabled_rules` may name.
  public var scheduledRules: Set<RuleID> { schedule.reduce(into: []) { $0.formUnion($1.phase.rules) } }

  /// The rules of `phase` that this scenario applies (its own minus the
  /// disabled ones).
  public func rules(of phase: Phase) -> Set<RuleID> { phase.rules.subtracting(disabledRules) }

  /// The platforms with a scheduled phase.
  public var platforms: Set<Platform> { Set(schedule.map(\.phase.platform)) }

  /// The phases of `platform` in date order (a phase without a date
  /// first), with their switch times; phases that began before the run
  /// switch on at time zero, so the last of them is the one in force at the
  /// start (see ``initialPhaseIndex(of:)``).
  public func phases(of platform: Platform) -> [(start: SimTime, phase: Phase)] {
    schedule.filter { $0.phase.platform == platform }
      .sorted { ($0.start?.daysSinceEpoch ?? .min) < ($1.start?.daysSinceEpoch ?? .min) }
      .map { (start: $0.start.map { max(.zero, calendar.startOfDay($0)) } ?? .zero, phase: $0.phase) }
  }

  /// The position in ``phases(of:)`` of the phase in force when the run
  /// starts: the latest that has begun by then.
  public func initialPhaseIndex(of platform: Platform) -> Int {
    phases(of: platform).lastIndex { $0.start == .zero } ?? 0
  }
}

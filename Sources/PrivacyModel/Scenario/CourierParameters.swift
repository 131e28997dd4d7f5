public import SimKernel

/// A courier company as the model sees it (RULEBOOK R-G8, R-T1, R-T5, §8).
/// Every default is an assumption unless its comment cites a source.
public struct Carrier: Hashable, Sendable {
  public var name: String
  /// Share of deliveries (normalised over the scenario's carriers).
  public var share: Double
  /// Integrated with the platform's masking and registration: its couriers
  /// are registered in every order's G group by the platform's logistics
  /// side (R-G8, S4 FAQ 1, 13) and its official e-waybills print the 700
  /// number with no change (R-T5).
  public var integrated: Bool
  /// Not integrated: share of its deliveries whose couriers the platform
  /// registers once its adaptation is complete (S4 FAQ 18: for
  /// distributors' own courier APIs the platform "will adapt"); before that
  /// it follows ``CourierParameters/adaptation(at:calendar:)``.
  public var coverage: Double
  /// Not integrated: chance its non-official waybill system has been adapted
  /// to print 700 numbers (and both formats in the gray period, R-T5);
  /// otherwise a 700 order's waybill shows no number the courier can call.
  public var waybillAdapted: Double
  /// Share of its deliveries on which the courier must phone the buyer.
  public var callNeeded: Double
  /// Call attempts per delivery day, and the wait between them (hours).
  public var attempts: Int
  public var retryHours: Double
  /// Chance the buyer answers a courier's call that connects.
  public var answerProbability: Double
  /// 11+4 numbers (R-T1): chance the courier fails to dial the extension.
  public var extensionMisdialProbability: Double

  public init(
    name: String, share: Double, integrated: Bool, coverage: Double = 0, waybillAdapted: Double = 1,
    callNeeded: Double = 0.3, attempts: Int = 3, retryHours: Double = 0.5, answerProbability: Double = 0.75,
    extensionMisdialProbability: Double = 0.02
  ) {
    self.name = name
    self.share = share
    self.integrated = integrated
    self.coverage = coverage
    self.waybillAdapted = waybillAdapted
    self.callNeeded = callNeeded
    self.attempts = attempts
    self.retryHours = retryHours
    self.answerProbability = answerProbability
    self.extensionMisdialProbability = extensionMisdialProbability
  }
}

/// Who delivers and on which flows (RULEBOOK R-G8, R-T5). Carriers set the
/// calling behaviour; the flows outside the platform's registration (S4 FAQ
/// 18–20, 24, 25) happen on any carrier, each with its share of deliveries
/// and the share of it registered once the platform's adaptation is
/// complete ("coverage").
///
/// S4 answers FAQ 18 (distributors' own courier APIs), 19 (gifts on a
/// waybill not pushed to the platform) and 24 (reissues) with "the platform
/// will adapt; couriers dial the 700 number after registration": their
/// coverage defaults to 1. FAQ 20 (warehouses outside the masking scheme)
/// and 25 (merchant-run warehouses, installation, pick-up) get no such
/// commitment — the shop must connect itself: coverage 0. Adaptation ramps
/// linearly from ``adaptationStart`` to ``adaptationComplete`` (the dates
/// are assumptions: S4 gives none), by the order's creation time.
public struct CourierParameters: Hashable, Sendable {
  /// Default: official e-waybill carriers (95%) and carriers on non-official
  /// waybills (5%); figures are assumptions.
  public var carriers: [Carrier] = [
    Carrier(name: "official-e-waybill", share: 0.95, integrated: true),
    Carrier(name: "non-official-waybill", share: 0.05, integrated: false, coverage: 1, waybillAdapted: 0.5),
  ]
  /// A gift shipped on a waybill not pushed to the platform (FAQ 19).
  public var giftShare = 0.01
  public var giftCoverage = 1.0
  /// Share of shops that ship from their own warehouses outside the
  /// platform's masking scheme (FAQ 20, 25): all their orders take that flow.
  public var warehouseShare = 0.02
  public var warehouseCoverage = 0.0
  /// Share of shops that run their own installation or pick-up service
  /// (FAQ 25): all their orders take that flow.
  public var installationShare = 0.01
  public var installationCoverage = 0.0
  /// Reissues and exchanges shipped outside the order's waybill (FAQ 24).
  public var reissueShare = 0.01
  public var reissueCoverage = 1.0
  /// R-G8: the platform's adaptation of outside flows starts (assumption:
  /// the upgrade window opens, 2025-12-17, R-T4; plausible 2025-12-17 to
  /// 2026-04-01) …
  public var adaptationStart = CivilDate(year: 2025, month: 12, day: 17)!
  /// … and is complete (assumption: when every order has a 700 number,
  /// 2026-04-01; plausible 2026-01-17 to 2026-12-31).
  public var adaptationComplete = CivilDate(year: 2026, month: 4, day: 1)!
  /// How alike a buyer's answers to the calls of one delivery are: the
  /// buyer's chance of answering is drawn once per delivery (and per return
  /// pick-up) from a beta distribution with the carrier's answer
  /// probability as its mean and this concentration (a + b). Small values
  /// make some deliveries hard to reach whatever the number; large ones
  /// approach independent attempts, and above 10,000 the attempts are
  /// independent (assumption; plausible 0.5–50).
  public var answerConcentration = 2.0
  public init() {}

  /// The share of the platform's adaptation done at `time` (0 before the
  /// start, 1 from completion, linear between).
  public func adaptation(at time: SimTime, calendar: SimCalendar) -> Double {
    Self.adaptation(at: time, start: calendar.startOfDay(adaptationStart),
                    complete: calendar.startOfDay(adaptationComplete))
  }

  /// The same, with the dates already turned into times.
  @inline(__always)
  static func adaptation(at time: SimTime, start: SimTime, complete: SimTime) -> Double {
    if time >= complete { return 1 }
    if time < start { return 0 }
    return Double((time - start).milliseconds) / Double((complete - start).milliseconds)
  }

  /// The per-order flows' shares and coverages (gift, reissue), in the
  /// order the model draws them; warehouses and installation are the shops'.
  var orderFlows: [DeliveryFlowFigures] {
    [.init(share: giftShare, coverage: giftCoverage), .init(share: reissueShare, coverage: reissueCoverage)]
  }
}

/// A flow's figures as the model reads them per order.
struct DeliveryFlowFigures: Hashable, Sendable {
  let share: Double
  let coverage: Double
}

/// A carrier's figures without its name: a plain value the model reads per
/// order without reference counting.
struct CarrierFigures: Hashable, Sendable {
  let integrated: Bool
  let coverage: Double
  let waybillAdapted: Double
  let callNeeded: Double
  let attempts: Int
  let retryHours: Double
  let answerProbability: Double
  let extensionMisdialProbability: Double

  init(_ c: Carrier) {
    integrated = c.integrated
    coverage = c.coverage
    waybillAdapted = c.waybillAdapted
    callNeeded = c.callNeeded
    attempts = c.attempts
    retryHours = c.retryHours
    answerProbability = c.answerProbability
    extensionMisdialProbability = c.extensionMisdialProbability
  }
}

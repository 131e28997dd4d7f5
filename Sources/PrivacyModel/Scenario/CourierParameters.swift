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
  /// Not integrated: share of its deliveries whose couriers the platform has
  /// registered anyway ("will adapt", S4 FAQ 18–20, 24, 25).
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
/// and the share the platform has adapted ("coverage"; default 0: the FAQ
/// says only that the platform "will adapt").
public struct CourierParameters: Hashable, Sendable {
  /// Default: official e-waybill carriers (95%) and carriers on non-official
  /// waybills (5%); figures are assumptions.
  public var carriers: [Carrier] = [
    Carrier(name: "official-e-waybill", share: 0.95, integrated: true),
    Carrier(name: "non-official-waybill", share: 0.05, integrated: false, coverage: 0, waybillAdapted: 0.5),
  ]
  /// A gift shipped on a waybill not pushed to the platform (FAQ 18).
  public var giftShare = 0.01
  public var giftCoverage = 0.0
  /// Share of shops that ship from their own warehouses outside the
  /// platform's masking scheme (FAQ 19, 20): all their orders take that flow.
  public var warehouseShare = 0.02
  public var warehouseCoverage = 0.0
  /// Share of shops that run their own installation or pick-up service
  /// (FAQ 24): all their orders take that flow.
  public var installationShare = 0.01
  public var installationCoverage = 0.0
  /// Reissues and exchanges shipped outside the order's waybill (FAQ 25).
  public var reissueShare = 0.01
  public var reissueCoverage = 0.0

  public init() {}

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

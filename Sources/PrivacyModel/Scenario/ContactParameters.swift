public import SimKernel

/// Who needs to reach the buyer, how often, and how calls and messages fare.
/// Every default is an assumption unless its comment cites a source.
public struct ContactParameters: Hashable, Sendable {
  /// Share of deliveries on which the courier must phone the buyer.
  public var courierCallNeeded = 0.3
  /// Courier call attempts per delivery day, and the wait between them (h).
  public var courierAttempts = 3
  public var courierRetryDelay = 0.5
  /// Chance a buyer answers a call that connects.
  public var answerProbability = 0.75
  /// R-G8: share of deliveries by carriers integrated with the platform's
  /// masking and registration (official e-waybill flows).
  public var integratedCarrierShare = 0.9
  /// R-G8: share of non-integrated flows the platform has adapted so their
  /// couriers are registered ("will adapt", S4 FAQ 18–20, 24, 25).
  public var nonIntegratedCoverage = 0.0
  /// Share of paid orders where the merchant must reach the buyer before
  /// shipping (stock, address, customisation).
  public var fulfilmentNeed = 0.05
  /// Share of after-sale cases where the merchant must reach the buyer.
  public var afterSaleNeed = 0.6
  /// Share of completed orders the merchant later wants to re-contact for
  /// marketing, and when (hours after completion).
  public var marketingNeed = 0.3
  public var marketingDelay = ContinuousDistribution.uniform(lower: 240, upper: 1_440)
  /// R-D3: chance an official tool could meet a need, by purpose.
  public var toolCouldMeetFulfilment = 0.7
  public var toolCouldMeetAfterSale = 0.6
  public var toolCouldMeetMarketing = 1.0
  /// Official customer-service messages: chance and delay (h) of the
  /// buyer's reply.
  public var officialMessageResponse = 0.5
  public var officialMessageDelay = ContinuousDistribution.lognormal(mean: 6, cv: 1)
  /// Taobao's OAID-based SMS API (S4): chance the buyer responds.
  public var smsApiResponse = 0.2
  /// Merchant phone calls per need, and the wait between them (h).
  public var merchantCallAttempts = 2
  public var merchantRetryDelay = 2.0

  public init() {}
}

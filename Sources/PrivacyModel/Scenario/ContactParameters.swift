public import SimKernel

/// Who needs to reach the buyer, how often, and how calls and messages fare.
/// Every default is an assumption unless its comment cites a source.
public struct ContactParameters: Hashable, Sendable {
  /// Chance a buyer answers a merchant's call that connects (couriers'
  /// calls: ``Carrier/answerProbability``).
  public var answerProbability = 0.75
  /// Share of paid orders where the merchant must reach the buyer before
  /// shipping (stock, address, customisation).
  public var fulfilmentNeed = 0.05
  /// Share of after-sale cases where the merchant must reach the buyer when
  /// the case opens (assumption; plausible 0.3–0.9).
  public var afterSaleNeed = 0.6
  /// Further merchant contacts during a case (follow-ups on the return,
  /// refund questions): a Poisson number with this mean, each at a uniform
  /// time inside the case (assumption; plausible 0–3). Late follow-ups meet
  /// an order number that may have lapsed (R-W3), which R-W4's one
  /// re-application or R-W8's case number keeps reachable.
  public var afterSaleFollowUps = 1.0
  /// Share of completed orders the merchant later wants to re-contact for
  /// marketing, and when (hours after completion).
  public var marketingNeed = 0.3
  public var marketingDelay = ContinuousDistribution.uniform(lower: 240, upper: 1_440)
  /// R-D3: chance an official tool could meet a need, by purpose.
  public var toolCouldMeetFulfilment = 0.7
  public var toolCouldMeetAfterSale = 0.6
  /// S0 says re-contact must go through official tools, not that they
  /// always reach the buyer: 0.5 is an assumption (plausible 0.2–1), and
  /// below 1 R-D4 bites on marketing decrypts after the after-sale period.
  public var toolCouldMeetMarketing = 0.5
  /// R-D3: chance an official tool meets a need it is fit for (a shipping
  /// change through online shipping, a logistics question through the
  /// waybill's tools), and its delay in hours (assumptions; plausible
  /// 0.6–0.98 and 0.5–12 h). If it fails the shop sends a message.
  public var officialToolSuccess = 0.85
  public var officialToolDelay = ContinuousDistribution.lognormal(mean: 2, cv: 1)
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

public import SimKernel

/// How orders arrive and move through their states (RULEBOOK R-L1…R-L3).
/// Durations are in hours unless named otherwise. Every default is an
/// assumption unless its comment cites a source.
public struct OrderParameters: Hashable, Sendable {
  /// Orders per day over the whole merchant population (assumption). With
  /// the default 500 shops that is 10 orders per shop per day on average;
  /// scale it together with ``MerchantParameters/count`` to keep shops'
  /// lives (and so quota pressure) the same.
  public var ordersPerDay = 5_000.0
  /// Relative order intensity by local hour, 0…23 (assumption: an evening
  /// peak typical of e-commerce).
  public var hourlyWeights: [Double] = [
    0.6, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.3,
    1.2, 1.2, 1.2, 1.2, 1.2, 1.3, 1.4, 1.6, 1.9, 2.0, 1.7, 1.1,
  ]
  /// Sales campaigns (618, Double 11, …): the arrival rate is multiplied by
  /// `factor` from `from` for `days` days (local dates).
  public var campaigns: [Campaign] = []
  /// Share of orders for goods without logistics (R-L2: virtual courses,
  /// coupons; assumption for the figure).
  public var noLogisticsShare = 0.05
  /// Share of buyers who go on to pay (assumption; plausible 0.8–0.97);
  /// the others abandon the order, which is cancelled at the payment
  /// timeout.
  public var paymentProbability = 0.9
  /// Time a paying buyer takes to pay (assumption). A delay beyond
  /// ``paymentTimeout`` means the order was cancelled first (R-L1): with the
  /// defaults e^(−0.5/0.15) ≈ 3.6% of paying buyers are too late.
  public var paymentDelay = ContinuousDistribution.exponential(mean: 0.15)
  /// Unpaid orders are cancelled after this long (assumption; plausible
  /// 0.25–24 hours).
  public var paymentTimeout = 0.5
  /// Share of paid orders refunded before shipping (cancelled from paid).
  public var refundBeforeShippingProbability = 0.03
  /// Share of paid orders whose buyer changes phone or address before
  /// shipping (R-L3; on Taobao the OAID changes, R-G7).
  public var addressChangeProbability = 0.02
  /// Share of those changes made after printing, while the parcel is on its
  /// way (in its first day; R-L3 "while the order is open"; assumption,
  /// plausible 0–0.5).
  public var addressChangeAfterShippingShare = 0.3
  /// Payment to shipping.
  public var handlingTime = ContinuousDistribution.lognormal(mean: 24, cv: 0.6)
  /// Shipping to the delivery attempt.
  public var transitTime = ContinuousDistribution.lognormal(mean: 48, cv: 0.5)
  /// Delivery attempts (days) before a parcel goes back.
  public var deliveryDays = 2
  /// Delivery to completion (buyer confirms, or auto-confirmation).
  public var confirmationDelay = ContinuousDistribution.exponential(mean: 72)
  /// Automatic confirmation after delivery (assumption: 7 days).
  public var autoConfirmation = 168.0
  /// Share of shipped orders that open an after-sale case (assumption;
  /// plausible 0.03–0.15).
  public var afterSaleProbability = 0.08
  /// Share of after-sale cases opened while the parcel is on its way (R-L1:
  /// a case opens from shipped or completed), the rest after completion
  /// inside the after-sale window (assumption: refunds for late parcels,
  /// rejections; plausible 0.1–0.5).
  public var afterSaleFromShippedShare = 0.25
  /// Share of after-sale cases in which a courier picks up a return and
  /// phones the buyer to arrange it, at a uniform time inside the case
  /// (assumption; plausible 0.2–0.7). The courier calls the number the
  /// return shows: the case's number under R-W8, else the order's.
  public var returnPickupShare = 0.4
  /// The after-sale period after completion (assumption: 15 days).
  public var afterSaleWindow = 360.0
  /// How long an after-sale case stays open.
  public var afterSaleDuration = ContinuousDistribution.lognormal(mean: 72, cv: 0.8)

  public init() {}
}

/// The merchant population: sizes, set-up and habits (RULEBOOK §2–§5).
/// Every default is an assumption unless its comment cites a source.
public struct MerchantParameters: Hashable, Sendable {
  /// Number of simulated shops. Each stands for an equal share of the
  /// market's orders (a stratum of the order-weighted size distribution),
  /// so more shops give a finer picture, never one dominated by a giant
  /// (scale it with ``OrderParameters/ordersPerDay`` for precision; the
  /// market itself is set by the size keys below).
  public var count = 500
  /// Pareto shape of real shop sizes (orders a day), truncated to
  /// [`minOrdersPerDay`, `maxOrdersPerDay`]: small values make a few shops
  /// carry most orders (a shop of 20 a day and one of 20,000 a day live
  /// very different lives under a 30-a-day quota). Assumption; plausible
  /// 0.8–2 (1.1 puts about half of all orders in shops above 60 a day).
  public var sizeParetoShape = 1.1
  /// The smallest shop's real orders a day (assumption; plausible 0.2–5).
  public var minOrdersPerDay = 1.0
  /// The largest shop's real orders a day (assumption; plausible
  /// 1,000–100,000: the largest flagship stores).
  public var maxOrdersPerDay = 10_000.0
  /// R-D1: share of shops that set up the official e-waybill.
  public var eWaybillShare = 0.85
  /// R-D5: share of shops given decrypt quota.
  public var quotaShare = 0.9
  /// R-D2: daily base quota (P1: 30).
  public var dailyBaseQuota = 30
  /// R-D2: chance a shop out of quota applies for temporary quota.
  public var temporaryQuotaApplicationProbability = 0.5
  /// R-D2: chance an application is granted.
  public var temporaryQuotaApprovalProbability = 0.8
  /// R-D2: temporary quota per grant.
  public var temporaryQuotaAmount = 50
  /// R-D2: time to a decision on an application, hours.
  public var temporaryQuotaDelay = 2.0
  /// R-D3: share of shops that use official tools where one can meet a need.
  public var officialToolShare = 0.6
  /// R-W7: share of shops calling from staff's own numbers (the rest use a
  /// shared outbound line, which cannot be verified).
  public var personalLineShare = 0.7
  /// R-W7: share of shops that submit their numbers for verification.
  public var verificationSubmissionShare = 0.8
  /// R-W7: chance the carrier approves a submitted personal number.
  public var verificationApprovalProbability = 0.9
  /// R-W7: carrier review time, hours (mean of an exponential).
  public var verificationDelay = 24.0
  /// R-W7: submissions a shop makes for a personal line before giving up
  /// (assumption; plausible 1–5, at most ``maxVerificationAttempts``).
  public var verificationAttempts = 3
  /// R-W7: mean wait before submitting again after a failure, hours
  /// (assumption; plausible 24–336).
  public var verificationResubmissionDelay = 72.0
  /// R-W7: share of shared-line shops that move to personal, verifiable
  /// lines (assumption; plausible 0.3–1) …
  public var sharedLineConversionShare = 0.7
  /// … and the mean time they take after R-W7 arrives, days (exponential;
  /// assumption; plausible 7–180).
  public var sharedLineConversionDays = 30.0
  /// The most submissions the model draws for per shop.
  public static let maxVerificationAttempts = 5
  /// R-W7 (P1): a number under carrier review can usually already dial.
  public var reviewingCanDial = true
  /// R-G9: shares of shops registering callers at printing (eager), when
  /// needed (lazy, S4 FAQ 14's advice), or never.
  public var registrationEager = 0.3
  public var registrationLazy = 0.4
  /// R-G7: share of eager shops that register again when an order's OAID
  /// changes after printing (assumption; plausible 0–1).
  public var reregisterOnOAIDChangeShare = 0.5
  /// R-G1–R-G5: how many calling numbers a shop has (staff, service seats,
  /// warehouse staff, installers): 1 + Poisson(scale × √(its expected
  /// orders a day)) — a shop of 10 orders a day about 2.6, of 1,000 about
  /// 17 (assumption; plausible scale 0.1–2).
  public var callersScale = 0.5
  /// R-G2: share of eager shops that split registrations into calls of at
  /// most `per_call_limit` numbers; the rest send all callers in one call
  /// (assumption; plausible 0.5–1).
  public var splitsRegistrationCallsShare = 0.9
  /// R-G6: share of eager shops that check an order's number is 700 before
  /// registering (assumption; plausible 0.5–1).
  public var checksNumberFormatShare = 0.8
  /// R-G5: share of shops with one caller number kept in a form the API
  /// rejects (assumption; plausible 0–0.1).
  public var invalidCallerNumberShare = 0.02
  /// R-G1: share of shops that keep their callers in the shop-level
  /// list, so every order admits it without an API call.
  public var shopLevelListShare = 0.3
  /// R-W2: chance a real-number application is approved, and its review time.
  public var realNumberApprovalProbability = 0.3
  public var realNumberReviewDelay = 24.0
  /// R-V1: share of shops that misuse numbers (marketing calls to numbers
  /// obtained for fulfilment, steering to private trade).
  public var misuseShare = 0.1
  /// R-V1: chance a misusing shop that reaches a buyer by phone for
  /// fulfilment or after-sale steers the buyer to private trade or harasses
  /// (a violation; assumption; plausible 0–0.5). Marketing calls by such a
  /// shop are always a violation.
  public var misuseOnServiceContact = 0.2
  /// R-V1: chance one misuse is detected, and the suspension it brings (hours).
  public var misuseDetectionProbability = 0.05
  public var suspensionLength = 168.0
  /// Whether a merchant keeps the real numbers it sees after the order ends
  /// (private-domain retention; assumption — a merchant who has seen a
  /// number can note it, and the sources describe no deletion).
  public var retainsNumbers = true
  /// Chance a merchant records a real number it saw in plain text (the
  /// WeChat baseline's order list and exports), assumption; plausible
  /// 0.5–1: exports made copying every number routine.
  public var recordsPlaintextShare = 0.9
  /// Chance a merchant records a real number revealed by a decrypt (an
  /// on-screen view, one order at a time), assumption; plausible 0–0.8.
  public var recordsDecryptedShare = 0.3
  /// Share of buyers whose phone number stops reaching them within a year
  /// (number changes), assumption; plausible 0–0.2.
  public var numberChurnPerYear = 0.05
  /// How long after the order ends retention is measured, days (an
  /// analyst's choice of horizon; default half a year).
  public var retentionDays = 180

  public init() {}
}

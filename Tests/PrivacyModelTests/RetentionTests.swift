import PrivacyModel
import SimKernel
import Testing

/// Retention is what a shop keeps after the order, not a copy of exposure:
/// a held number is recorded with a probability that depends on how it was
/// seen (plain text or a decrypt's on-screen view), and must still reach the
/// buyer `retention_days` later; private-domain reach adds the shop's own
/// mini-program numbers (R-M1).
@Suite("Retention and private-domain reach")
struct RetentionTests {
  @Test("under the defaults retention differs from exposure; with every number recorded and no churn it equals it")
  func retentionIsNotExposure() {
    let defaults = counts(small(.wechatBaseline))
    #expect(defaults.retainedNumbers < defaults.realNumberExposures)
    // Plain text: recorded 0.9, still valid e^(−0.05 × 180/365) = 0.976.
    let ratio = Double(defaults.retainedNumbers) / Double(defaults.realNumberExposures)
    #expect(abs(ratio - 0.9 * Survival.probability(hazard: 0.05, time: 180.0 / 365)) < 0.01, "\(ratio)")
    let everything = counts(small(.wechatBaseline) {
      $0.merchants.recordsPlaintextShare = 1
      $0.merchants.recordsDecryptedShare = 1
      $0.merchants.numberChurnPerYear = 0
    })
    #expect(everything.retainedNumbers == everything.realNumberExposures)
  }

  @Test("a decrypted number, seen on screen, is kept less often than one shown in plain text")
  func decryptedNumbersAreKeptLess() {
    let quota = counts(small(.wechatQuota))
    let ratio = Double(quota.retainedNumbers) / Double(quota.realNumberExposures)
    #expect(abs(ratio - 0.3 * Survival.probability(hazard: 0.05, time: 180.0 / 365)) < 0.03, "\(ratio)")
  }

  @Test("private-domain reach: retained numbers plus the shop's mini-program numbers (R-M1), both subject to churn")
  func privateDomainReach() {
    let none = counts(small(.wechatVirtualNumber) { $0.merchants.retainsNumbers = false })
    #expect(none.retainedNumbers == 0)
    let valid = Survival.probability(hazard: 0.05, time: 180.0 / 365)
    let expected = Double(none.sideChannelNumbers) * valid
    #expect(abs(Double(none.privateDomainReach) - expected) < 4 * expected.squareRoot() + 1, "\(none.privateDomainReach) vs \(expected)")
    let baseline = counts(small(.wechatBaseline))
    #expect(baseline.privateDomainReach >= baseline.retainedNumbers)
    #expect(baseline.privateDomainReach <= baseline.retainedNumbers + baseline.sideChannelNumbers)
    let longer = counts(small(.wechatBaseline) { $0.merchants.retentionDays = 3_650 })
    #expect(longer.retainedNumbers < baseline.retainedNumbers, "more numbers change over ten years")
  }

  @Test("the baseline exposes a number when the order is paid: unpaid orders expose nothing")
  func exposureAtPayment() {
    let unpaid = counts(small(.wechatBaseline) { $0.orders.paymentProbability = 0 })
    #expect(unpaid.orders > 1_000 && unpaid.realNumberExposures == 0)
    let paid = counts(small(.wechatBaseline))
    #expect(paid.realNumberExposures < paid.ordersWithLogistics, "cancelled and late-paid orders are not exposed")
  }
}

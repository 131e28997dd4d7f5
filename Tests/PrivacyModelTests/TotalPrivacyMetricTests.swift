import PrivacyModel
import SimKernel
import Testing

/// `numbers_obtained_per_1000` counts a buyer's number once, whichever way
/// the shop got it: revealed (plain text, decrypt, real-number approval) or
/// through its own mini-program (R-M1). `real_number_exposures_per_1000`
/// alone misses the mini-program, so a rule that pushes shops from one
/// channel to the other reads as a privacy gain when it is not.
@Suite("The total privacy metric")
struct TotalPrivacyMetricTests {
  @Test("numbers obtained lie between the larger and the sum of exposures and mini-program numbers, on both platforms")
  func bounds() {
    for phase in [Phase.wechatQuota, .wechatVirtualNumber, .taobao700Full] {
      for banned in [true, false] {
        let c = counts(small(phase) { $0.context.forcedAuthorizationBanned = banned })
        #expect(c.numbersObtained >= max(c.realNumberExposures, c.sideChannelNumbers), "\(phase.id) ban \(banned)")
        #expect(c.numbersObtained <= c.realNumberExposures + c.sideChannelNumbers, "\(phase.id) ban \(banned)")
        #expect(c.numbersObtained <= c.orders)
        if phase.platform == .taobao { #expect(c.numbersObtained == c.realNumberExposures, "no mini-program on Taobao") }
      }
    }
  }

  @Test("R-M1: lifting the ban on forced authorization lowers real-number exposures but raises the numbers shops obtain")
  func rM1TotalPrivacy() {
    let banned = counts(small(.wechatQuota))
    let lifted = counts(small(.wechatQuota) { $0.context.forcedAuthorizationBanned = false })
    // Shops that hold a mini-program number need no decrypt: fewer revealed…
    #expect(lifted.value(.realNumberExposuresPer1000) < banned.value(.realNumberExposuresPer1000) - 20)
    // …but far more numbers in shops' hands, which is what privacy is about.
    #expect(lifted.value(.numbersObtainedPer1000) > banned.value(.numbersObtainedPer1000) + 100)
    #expect(Metric.numbersObtainedPer1000.preferred == .lower)
    #expect(Metric.numbersObtainedPer1000.audience == .privacy)
  }
}

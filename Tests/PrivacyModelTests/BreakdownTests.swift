import PrivacyModel
import SimKernel
import Testing

/// RULEBOOK §8's breakdowns: each partitions its total, and each part
/// moves with the rule that causes it.
@Suite("§8 breakdowns: reasons, channels, purposes, callers")
struct BreakdownTests {
  let reasons: [Metric] = [.courierFailedExpired, .courierFailedNotRegistered, .courierFailedNotVerified, .courierFailedExtension,
                           .courierFailedNoAnswer, .courierFailedNotAdapted]
  let channels: [Metric] = [.contactsPlaintextPer1000, .contactsDecryptPer1000, .contactsVirtualNumberPer1000,
                            .contactsOfficialMessagePer1000, .contactsSMSAPIPer1000]

  @Test("courier failures by reason and reached attempts add up to every attempt; contacts by channel to every met need",
        arguments: [Phase.wechatNecessary, .wechatVirtualNumber, .taobao11Plus4, .taobao700Full])
  func partitions(phase: Phase) {
    let c = counts(small(phase))
    let shares = reasons.map { c.value($0) }.reduce(c.value(.courierReachPerAttempt), +)
    #expect(abs(shares - 1) < 1e-12, "reached + failed by reason = 1, got \(shares)")
    let byChannel = channels.map { c.value($0) }.reduce(0, +)
    #expect(abs(byChannel - Double(c.needsMet.reduce(0, +)) * 1_000 / Double(c.orders)) < 1e-9)
    #expect(abs(c.value(.courierCallsBlockedUnregistered) + c.value(.merchantCallsBlockedUnregistered)
      - c.value(.callsBlockedUnregistered)) < 1e-9)
    // The purposes' times: the overall median lies between theirs.
    let medians = [Metric.contactTimeP50HoursFulfilment, .contactTimeP50HoursAfterSale, .contactTimeP50HoursMarketing].map { c.value($0) }
    #expect(c.value(.contactTimeP50Hours) >= medians.min()! && c.value(.contactTimeP50Hours) <= medians.max()!)
  }

  @Test("each reason and channel appears where its rule acts: R-T5 unadapted waybills and R-T2 unregistered couriers under 700 numbers, 11+4 extensions before; decrypts before virtual numbers, VN calls after")
  func partsFollowTheirRules() {
    let full = counts(small(.taobao700Full))
    #expect(full.value(.courierFailedNotAdapted) > 0 && full.value(.courierFailedNotRegistered) > 0)
    #expect(full.value(.courierFailedExtension) == 0)
    let withoutT5 = counts(small(.taobao700Full) { $0.disabledRules = [.t5] })
    #expect(withoutT5.value(.courierFailedNotAdapted) == 0)
    let old = counts(small(.taobao11Plus4))
    #expect(old.value(.courierFailedExtension) > 0 && old.value(.courierFailedNotRegistered) == 0)
    #expect(full.value(.merchantCallsBlockedUnregistered) > 0, "shops that never register are blocked (R-T2)")
    let necessary = counts(small(.wechatNecessary))
    let vn = counts(small(.wechatVirtualNumber))
    #expect(necessary.value(.contactsDecryptPer1000) > 3 * vn.value(.contactsDecryptPer1000), "decrypts reveal virtual numbers under R-W2")
    #expect(vn.value(.contactsVirtualNumberPer1000) > necessary.value(.contactsVirtualNumberPer1000))
    #expect(old.value(.contactsSMSAPIPer1000) > 0 && necessary.value(.contactsSMSAPIPer1000) == 0, "the SMS API is Taobao's")
  }
}

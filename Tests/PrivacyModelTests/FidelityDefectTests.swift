import Foundation
import PrivacyModel
import SimKernel
import Testing

/// Every metric of two runs, for "exactly the same outcome" checks.
func metricValues(_ c: ModelCounts) -> [Double] { Metric.allCases.map { c.value($0) } }

@Suite("Fidelity defects (each test failed on the model before its fix)")
struct FidelityDefectTests {
  @Test("R-D5 arrives in 2025-08: under wechat-2024-04-quota the share of shops with quota changes nothing; from 2025-08 it does")
  func rD5NotBeforeItsPhase() {
    let half = counts(small(.wechatQuota) { $0.merchants.quotaShare = 0.5 })
    let all = counts(small(.wechatQuota) { $0.merchants.quotaShare = 1 })
    #expect(metricValues(half) == metricValues(all), "quota denials \(half.value(.decryptDeniedQuota)) vs \(all.value(.decryptDeniedQuota))")

    let necessaryHalf = counts(small(.wechatNecessary) { $0.merchants.quotaShare = 0.5 })
    let necessaryAll = counts(small(.wechatNecessary) { $0.merchants.quotaShare = 1 })
    #expect(necessaryHalf.value(.decryptDeniedQuota) > necessaryAll.value(.decryptDeniedQuota) + 5)
    #expect(necessaryHalf.value(.merchantContactAfterSale) < necessaryAll.value(.merchantContactAfterSale))
    // Switched off, R-D5 leaves every shop its quota: the same as a share of 1.
    let off = counts(small(.wechatNecessary) {
      $0.merchants.quotaShare = 0.5
      $0.disabledRules = [.d5]
    })
    #expect(metricValues(off) == metricValues(necessaryAll))
  }

  @Test("a need tries each channel once: a held real number that does not answer is not decrypted and called again")
  func heldNumberCalledOnce() {
    // Baseline: the shop holds every buyer's number; no message fallback.
    let c = counts(small(.wechatBaseline) {
      $0.contact.officialMessageResponse = 0
      $0.contact.answerProbability = 0.75
      $0.contact.merchantCallAttempts = 2
    })
    let needs = c.needs[ContactPurpose.fulfilment.rawValue]
    let expected = 1 - 0.25 * 0.25  // 1 − (1 − a)^k
    let sd = (expected * (1 - expected) / Double(needs)).squareRoot()
    let observed = c.value(.merchantContactFulfilment)
    #expect(needs > 2_000)
    #expect(abs(observed - expected) < 4 * sd, "fulfilment contact \(observed), expected \(expected) ± \(4 * sd)")
    #expect(c.metByChannel[ContactChannel.decrypt.rawValue] == 0, "no decrypt of a number already held")
  }

  @Test("the channel policy, enumerated: each phase's ordered channels, each channel at most once")
  func channelPolicy() {
    func channels(_ phase: Phase, _ purpose: ContactPurpose = .fulfilment, holds: Bool = false, tool: Bool = false,
                  logistics: Bool = true, suspended: Bool = false) -> [MerchantChannel] {
      Array(MerchantContactPolicy.channels(for: ContactSituation(
        isWeChat: phase.platform == .wechatShop, rules: RuleSet(phase.rules), purpose: purpose, holdsRealNumber: holds,
        toolMeetsNeed: tool, needsLogistics: logistics, suspended: suspended)))
    }
    #expect(channels(.wechatBaseline, holds: true) == [.heldNumber, .officialMessage])
    #expect(channels(.wechatBaseline) == [.decrypt, .officialMessage])
    #expect(channels(.wechatQuota, holds: true) == [.heldNumber, .officialMessage])
    #expect(channels(.wechatNecessary, tool: true) == [.officialTool, .officialMessage])
    #expect(channels(.wechatNecessary, holds: true, tool: true) == [.heldNumber, .officialTool, .officialMessage])
    // Before R-D3 a tool-using shop decrypts like any other.
    #expect(channels(.wechatQuota, tool: true) == [.decrypt, .officialMessage])
    #expect(channels(.wechatNecessary, suspended: true) == [.officialMessage])
    #expect(channels(.wechatNecessary, holds: true, suspended: true) == [.officialMessage])
    #expect(channels(.wechatVirtualNumber) == [.decrypt, .realNumberApplication, .officialMessage])
    #expect(channels(.wechatVirtualNumber, holds: true) == [.heldNumber, .decrypt, .officialMessage])
    #expect(channels(.wechatVirtualNumber, .marketing) == [.decrypt, .officialMessage])
    #expect(channels(.wechatAfterSaleVN, .afterSale) == [.decrypt, .realNumberApplication, .officialMessage])
    #expect(channels(.wechatVirtualNumber, logistics: false) == [.officialMessage])
    #expect(channels(.taobao11Plus4) == [.virtualNumberCall, .officialMessage, .smsAPI])
    #expect(channels(.taobao700Full, .marketing) == [.virtualNumberCall, .officialMessage, .smsAPI])
    // R-D3 is WeChat's: on Taobao a tool-capable need still calls.
    #expect(channels(.taobao700Full, tool: true) == [.virtualNumberCall, .officialMessage, .smsAPI])
    for phase in Phase.all {
      for purpose in ContactPurpose.allCases {
        for bits in 0..<16 {
          let list = channels(phase, purpose, holds: bits & 1 != 0, tool: bits & 2 != 0, logistics: bits & 4 != 0,
                              suspended: bits & 8 != 0)
          #expect(Set(list).count == list.count, "\(phase.id) \(purpose) \(bits): \(list)")
          #expect(list.last == .officialMessage || list.last == .smsAPI)
        }
      }
    }
  }

  @Test("R-L1: the payment timeout binds — a buyer who pays after it finds the order cancelled")
  func paymentTimeoutBinds() {
    let late = counts(small(.wechatBaseline) {
      $0.orders.paymentDelay = .constant(1)
      $0.orders.paymentTimeout = 0.5
    })
    #expect(late.orders > 10_000)
    #expect(late.ordersCancelled == late.orders, "every order cancelled, none paid")
    #expect(late.needs.reduce(0, +) == 0 && late.courierAttempts == 0)

    // Defaults: e^(−0.5/0.15) ≈ 3.6% of paying buyers are too late.
    let c = counts(small(.wechatBaseline) {
      $0.orders.paymentProbability = 1
      $0.orders.refundBeforeShippingProbability = 0
      $0.orders.deliveryDays = 10
    })
    let share = Double(c.ordersCancelled) / Double(c.orders)
    let expected = exp(-0.5 / 0.15)
    #expect(abs(share - expected) < 0.004, "cancelled \(share), expected \(expected)")
  }
}


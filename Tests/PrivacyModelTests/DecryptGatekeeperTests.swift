import PrivacyModel
import SimKernel
import Testing

let calendar = SimCalendar(origin: CivilDate(year: 2024, month: 4, day: 1)!)

/// 10:00 China Standard Time on `day` (days after the origin).
func morning(_ day: Int64) -> SimTime { SimTime.zero + .days(day) + .hours(10) }

@Suite("Decrypt gatekeeping (RULEBOOK §2)")
struct DecryptGatekeeperTests {
  let paid = DecryptGatekeeper.Request(orderState: .paid)

  @Test("baseline: unlimited decrypts, nothing counted")
  func baselineUnlimited() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatBaseline.rules), calendar: calendar)
    var shop = ShopDecryptState()
    for _ in 0..<1_000 {
      var mark: Int64? = nil
      let outcome = gate.decide(DecryptGatekeeper.Request(shopHasEWaybill: false, orderState: .pendingPayment),
                                shop: &shop, lastDecryptDay: &mark, at: morning(0))
      #expect(outcome == .granted(countedAgainstQuota: false, violation: false))
    }
  }

  @Test("R-D1: a shop without the official e-waybill gets no decrypt from the quota phase on")
  func rD1NoWaybill() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules), calendar: calendar)
    var shop = ShopDecryptState()
    var mark: Int64? = nil
    let outcome = gate.decide(DecryptGatekeeper.Request(shopHasEWaybill: false, orderState: .paid),
                              shop: &shop, lastDecryptDay: &mark, at: morning(7))
    #expect(outcome == .denied(.noWaybill))
    #expect(mark == nil)
    #expect(shop.usedToday == 0)
  }

  @Test("R-D2: 30 distinct orders a day; a repeat decrypt of an order the same day counts once")
  func rD2BaseQuota() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules), calendar: calendar)
    var shop = ShopDecryptState()
    var marks = [Int64?](repeating: nil, count: 31)
    for i in 0..<30 {
      let outcome = gate.decide(paid, shop: &shop, lastDecryptDay: &marks[i], at: morning(0))
      #expect(outcome == .granted(countedAgainstQuota: true, violation: false))
    }
    let again = gate.decide(paid, shop: &shop, lastDecryptDay: &marks[3], at: morning(0) + .hours(5))
    #expect(again == .granted(countedAgainstQuota: false, violation: false), "same order, same day")
    let thirtyFirst = gate.decide(paid, shop: &shop, lastDecryptDay: &marks[30], at: morning(0))
    #expect(thirtyFirst == .denied(.quota))
    #expect(shop.usedToday == 30)
  }

  @Test("R-D2/R-L4: the quota resets at 00:00 China Standard Time, not UTC")
  func rD2ResetAtLocalMidnight() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules, dailyBaseQuota: 1), calendar: calendar)
    var shop = ShopDecryptState()
    var a: Int64? = nil
    var b: Int64? = nil
    let lateEvening = SimTime.zero + .days(2) + .hours(23) + .minutes(30)  // 23:30 CST = 15:30 UTC
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &a, at: lateEvening).isGranted)
    // 00:30 CST next day is still the previous UTC day (16:30 UTC): a new local day.
    let afterMidnight = lateEvening + .hours(1)
    let outcome = gate.decide(paid, shop: &shop, lastDecryptDay: &b, at: afterMidnight)
    #expect(outcome == .granted(countedAgainstQuota: true, violation: false))
    // And the order decrypted yesterday counts again today.
    let repeatNextDay = gate.decide(paid, shop: &shop, lastDecryptDay: &a, at: afterMidnight)
    #expect(repeatNextDay == .denied(.quota))
  }

  @Test("R-D2: temporary quota adds to today's and lapses at the next midnight")
  func rD2TemporaryQuota() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules, dailyBaseQuota: 2), calendar: calendar)
    var shop = ShopDecryptState()
    var marks = [Int64?](repeating: nil, count: 10)
    for i in 0..<2 { _ = gate.decide(paid, shop: &shop, lastDecryptDay: &marks[i], at: morning(0)) }
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &marks[2], at: morning(0)) == .denied(.quota))
    shop.grantTemporaryQuota(3, at: morning(0) + .hours(1), calendar: calendar)
    for i in 2..<5 {
      #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &marks[i], at: morning(0) + .hours(2)).isGranted)
    }
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &marks[5], at: morning(0) + .hours(3)) == .denied(.quota))
    // Next day: base 2 only; yesterday's temporary quota is gone.
    for i in 5..<7 { #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &marks[i], at: morning(1)).isGranted) }
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &marks[7], at: morning(1)) == .denied(.quota))
    #expect(shop.temporaryToday == 0)
  }

  @Test("R-D3: a need an official tool could meet is refused by default, or granted as a violation")
  func rD3OfficialToolsFirst() {
    var policy = DecryptPolicy(rules: Phase.wechatNecessary.rules)
    let toolNeed = DecryptGatekeeper.Request(orderState: .paid, toolCouldMeetNeed: true)
    var shop = ShopDecryptState()
    var mark: Int64? = nil
    #expect(DecryptGatekeeper(policy: policy, calendar: calendar).decide(toolNeed, shop: &shop, lastDecryptDay: &mark, at: morning(0)) == .denied(.policy))
    policy.unnecessaryDecrypt = .grantAsViolation
    let outcome = DecryptGatekeeper(policy: policy, calendar: calendar).decide(toolNeed, shop: &shop, lastDecryptDay: &mark, at: morning(0))
    #expect(outcome == .granted(countedAgainstQuota: true, violation: true))
    // The quota phase alone has no R-D3.
    var mark2: Int64? = nil
    let before = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules), calendar: calendar)
    #expect(before.decide(toolNeed, shop: &shop, lastDecryptDay: &mark2, at: morning(0)) == .granted(countedAgainstQuota: true, violation: false))
  }

  @Test("R-D4: pending, cancelled and completed-outside-after-sale orders are not decryptable",
        arguments: OrderState.allCases)
  func rD4States(state: OrderState) {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatNecessary.rules), calendar: calendar)
    for inWindow in [false, true] {
      var shop = ShopDecryptState()
      var mark: Int64? = nil
      let outcome = gate.decide(DecryptGatekeeper.Request(orderState: state, inAfterSalePeriod: inWindow),
                                shop: &shop, lastDecryptDay: &mark, at: morning(0))
      let expected: Bool = switch state {
      case .pendingPayment, .cancelled: false
      case .paid, .shipped, .afterSale: true
      case .completed: inWindow
      }
      #expect(outcome.isGranted == expected)
      if !expected { #expect(outcome == .denied(.state)) }
    }
  }

  @Test("R-D5: a shop without decrypt quota is refused (reason: quota)")
  func rD5NoQuota() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatNecessary.rules), calendar: calendar)
    var shop = ShopDecryptState()
    var mark: Int64? = nil
    let outcome = gate.decide(DecryptGatekeeper.Request(shopHasQuota: false, orderState: .paid),
                              shop: &shop, lastDecryptDay: &mark, at: morning(0))
    #expect(outcome == .denied(.quota))
  }

  @Test("denial reasons index the counters in declaration order")
  func denialIndex() {
    #expect(DecryptDenial.allCases.map(\.index) == Array(0..<DecryptDenial.allCases.count))
  }

  @Test("R-V1: a suspended shop cannot decrypt until the suspension ends")
  func rV1Suspension() {
    let gate = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatNecessary.rules), calendar: calendar)
    var shop = ShopDecryptState()
    shop.suspendedUntil = morning(5)
    var mark: Int64? = nil
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &mark, at: morning(4)) == .denied(.policy))
    #expect(gate.decide(paid, shop: &shop, lastDecryptDay: &mark, at: morning(5)).isGranted)
    // Before R-V1 is in force, suspensions do not gate decrypts.
    var shop2 = ShopDecryptState()
    shop2.suspendedUntil = morning(5)
    var mark2: Int64? = nil
    let quotaPhase = DecryptGatekeeper(policy: DecryptPolicy(rules: Phase.wechatQuota.rules), calendar: calendar)
    #expect(quotaPhase.decide(paid, shop: &shop2, lastDecryptDay: &mark2, at: morning(4)).isGranted)
  }
}

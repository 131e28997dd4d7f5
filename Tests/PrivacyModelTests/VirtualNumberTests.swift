import PrivacyModel
import SimKernel
import Testing

@Suite("Virtual numbers (RULEBOOK §3)")
struct VirtualNumberTests {
  let rules = WeChatVirtualNumberRules()
  let t0 = SimTime.zero + .days(10)

  @Test("R-W3: valid 30 days from the merchant's first view; the clock starts at the first view only")
  func rW3ValidityFromFirstView() {
    var vn = WeChatVirtualNumber()
    #expect(vn.isValid(at: t0 + .days(400), rules), "never viewed: no clock running")
    vn.view(at: t0)
    vn.view(at: t0 + .days(5))  // a later view does not restart the clock
    #expect(vn.isValid(at: t0 + .days(30) - .seconds(1), rules))
    #expect(!vn.isValid(at: t0 + .days(30), rules))
  }

  @Test("R-W3: expires early 15 days after completion; 0 days is the strict reading")
  func rW3EarlyExpiry() {
    var vn = WeChatVirtualNumber()
    vn.view(at: t0)
    vn.orderCompleted(at: t0 + .days(3))
    #expect(vn.expiry(rules) == t0 + .days(18))
    var strict = rules
    strict.earlyExpiryAfterCompletion = .zero
    #expect(vn.expiry(strict) == t0 + .days(3))
    #expect(!vn.isValid(at: t0 + .days(3), strict))
    // Completion late in the 30 days: the 30 days still bind.
    var late = WeChatVirtualNumber()
    late.view(at: t0)
    late.orderCompleted(at: t0 + .days(25))
    #expect(late.expiry(rules) == t0 + .days(30))
  }

  @Test("R-W4: after expiry one re-application, valid 30 days, not repeatable, not before expiry")
  func rW4Reapplication() {
    var vn = WeChatVirtualNumber()
    vn.view(at: t0)
    #expect(vn.reapply(at: t0 + .days(10), orderDecryptable: true, rules) == .notExpired)
    #expect(vn.reapply(at: t0 + .days(31), orderDecryptable: false, rules) == .orderNotDecryptable)
    #expect(vn.reapply(at: t0 + .days(31), orderDecryptable: true, rules) == nil)
    #expect(vn.isValid(at: t0 + .days(60), rules))
    #expect(!vn.isValid(at: t0 + .days(61), rules))
    #expect(vn.reapply(at: t0 + .days(62), orderDecryptable: true, rules) == .limitReached)
  }

  @Test("R-W5: the number is shown only while the order is decryptable")
  func rW5ShownWhileDecryptable() {
    var vn = WeChatVirtualNumber()
    vn.view(at: t0)
    #expect(vn.isShown(at: t0 + .days(1), orderDecryptable: true, rules))
    #expect(!vn.isShown(at: t0 + .days(1), orderDecryptable: false, rules))
    #expect(!vn.isShown(at: t0 + .days(31), orderDecryptable: true, rules))
  }

  @Test("R-W8: after-sale number valid 30 days from the case start, invalid once the case closes")
  func rW8AfterSaleNumber() {
    var vn = AfterSaleVirtualNumber(caseOpened: t0)
    #expect(!vn.isValid(at: t0 - .seconds(1), rules))
    #expect(vn.isValid(at: t0 + .days(29), rules))
    #expect(!vn.isValid(at: t0 + .days(30), rules))
    vn.close(at: t0 + .days(4))
    #expect(vn.isValid(at: t0 + .days(4) - .seconds(1), rules))
    #expect(!vn.isValid(at: t0 + .days(4), rules))
  }

  @Test("R-W7: a personal number dials after verification (and while under review, by default); failures and shared lines never")
  func rW7CallerVerification() {
    var staff = CallerVerification(line: .personal)
    #expect(!staff.canDial(at: t0), "unverified")
    staff.submit(at: t0, reviewDelay: .hours(24), approve: true)
    #expect(staff.status(at: t0 + .hours(1)) == .reviewing)
    #expect(staff.canDial(at: t0 + .hours(1)))
    #expect(!staff.canDial(at: t0 + .hours(1), reviewingCanDial: false))
    #expect(staff.status(at: t0 + .hours(24)) == .verified)
    #expect(staff.canDial(at: t0 + .hours(24), reviewingCanDial: false))
    var rejected = CallerVerification(line: .personal)
    rejected.submit(at: t0, reviewDelay: .hours(2), approve: false)
    #expect(rejected.status(at: t0 + .hours(3)) == .failed)
    #expect(!rejected.canDial(at: t0 + .hours(3)))
    var seat = CallerVerification(line: .sharedOutbound)
    seat.submit(at: t0, reviewDelay: .hours(2), approve: true)
    #expect(seat.status(at: t0 + .hours(3)) == .failed, "shared outbound lines cannot be verified")
    #expect(!seat.canDial(at: t0 + .hours(1)), "not even while under review")
  }

  @Test("R-T3: Taobao numbers (both formats) work until 7 days after completion")
  func rT3Validity() {
    let taobao = TaobaoNumberingRules(calendar: calendar)
    #expect(taobao.isValid(completedAt: nil, at: t0 + .days(300)))
    #expect(taobao.isValid(completedAt: t0, at: t0 + .days(7) - .seconds(1)))
    #expect(!taobao.isValid(completedAt: t0, at: t0 + .days(7)))
  }

  @Test("R-T4: the share of 700 numbers ramps over the gray period; both formats coexist inside it")
  func rT4GrayRamp() {
    let taobao = TaobaoNumberingRules(calendar: calendar)
    let jan1 = calendar.startOfDay(CivilDate(year: 2026, month: 1, day: 1)!)
    let apr1 = calendar.startOfDay(CivilDate(year: 2026, month: 4, day: 1)!)
    let upgradeStart = calendar.startOfDay(CivilDate(year: 2025, month: 12, day: 17)!)
    #expect(taobao.share700(at: upgradeStart) == 0)
    #expect(taobao.share700(at: apr1) == 1)
    let mid = SimTime(milliseconds: (jan1.milliseconds + apr1.milliseconds) / 2)
    #expect(abs(taobao.share700(at: mid) - 0.5) < 1e-9)
    #expect(taobao.format(createdAt: mid, uniform: 0.49) == .sevenHundred)
    #expect(taobao.format(createdAt: mid, uniform: 0.51) == .elevenPlusFour)
    #expect(taobao.format(createdAt: apr1, uniform: 0.999) == .sevenHundred)
    #expect(taobao.format(createdAt: upgradeStart, uniform: 0) == .elevenPlusFour)
  }
}

import Foundation
import PrivacyModel
import SimKernel
import Testing

/// The paired effect (common random numbers) on `metric` of switching
/// `rule` off in `scenario`: mean and 95% CI of (rule off − rule on) over
/// `replications` replications.
func effectOfDisabling(
  _ rule: RuleID, in scenario: Scenario, on metric: Metric, replications: Int = 4, seed: UInt64 = 7
) -> ConfidenceInterval {
  var off = scenario
  off.disabledRules.insert(rule)
  let on = ScenarioRunner.run(scenario, seed: seed, replications: replications)
  return ScenarioRunner.run(off, seed: seed, replications: replications).difference(from: on, metric)
}

/// The paired effect on `metric` of changing `scenario` by `change`.
func pairedEffect(
  of change: (inout Scenario) -> Void, in scenario: Scenario, on metric: Metric, replications: Int = 4, seed: UInt64 = 7
) -> ConfidenceInterval {
  var changed = scenario
  change(&changed)
  let base = ScenarioRunner.run(scenario, seed: seed, replications: replications)
  return ScenarioRunner.run(changed, seed: seed, replications: replications).difference(from: base, metric)
}

/// An interval strictly above zero (or below, for `negative`).
func excludesZero(_ ci: ConfidenceInterval, negative: Bool = false) -> Bool {
  negative ? ci.upper < 0 : ci.lower > 0
}

@Suite("Rules act through their mechanisms (paired replications)")
struct RuleMechanismTests {
  @Test("R-W8: in wechat-2026-01-aftersale-vn, switching R-W8 off leaves late return pick-ups with a lapsed order number")
  func rW8ReturnPickups() {
    let effect = effectOfDisabling(.w8, in: small(.wechatAfterSaleVN), on: .returnPickupContact)
    #expect(excludesZero(effect, negative: true), "return pick-up contact, R-W8 off − on: \(effect.mean) ± \(effect.halfWidth)")
    // Under the strict R-W3 reading the order's number stops at completion:
    // the effect is larger.
    let strict = effectOfDisabling(.w8, in: small(.wechatAfterSaleVN) { $0.virtualNumbers.earlyExpiryAfterCompletion = .zero },
                                   on: .returnPickupContact)
    #expect(strict.mean < effect.mean - 0.1, "strict \(strict.mean) vs default \(effect.mean)")
  }

  @Test("R-W3/R-W4: late after-sale follow-ups meet a lapsed number; the one re-application keeps the buyer reachable")
  func rW4ReapplicationDuringCases() {
    // No after-sale number (R-W8 not in force): follow-ups late in a case
    // need R-W4. Every line verified and a quota that never binds, so only
    // the number's validity decides.
    let s = small(.wechatVirtualNumber) {
      $0.merchants.personalLineShare = 1
      $0.merchants.verificationSubmissionShare = 1
      $0.merchants.verificationApprovalProbability = 1
      $0.merchants.dailyBaseQuota = 1_000_000
      $0.contact.toolCouldMeetAfterSale = 0
      $0.contact.afterSaleFollowUps = 2
    }
    let noReapplication = pairedEffect(of: { $0.virtualNumbers.reapplicationsAllowed = 0 }, in: s, on: .merchantContactAfterSale)
    #expect(excludesZero(noReapplication, negative: true), "after-sale contact without R-W4: \(noReapplication.mean)")
    // A longer early expiry leaves fewer follow-ups to need it.
    let lenient = pairedEffect(of: {
      $0.virtualNumbers.reapplicationsAllowed = 0
      $0.virtualNumbers.earlyExpiryAfterCompletion = .days(60)
      $0.virtualNumbers.validity = .days(90)
    }, in: s, on: .merchantContactAfterSale)
    #expect(abs(lenient.mean) < abs(noReapplication.mean) / 4)
  }

  @Test("R-L1: after-sale cases open from shipped as well as from completed")
  func rL1CasesFromShipped() {
    let none = counts(small(.wechatVirtualNumber) { $0.orders.afterSaleFromShippedShare = 0 })
    let all = counts(small(.wechatVirtualNumber) { $0.orders.afterSaleFromShippedShare = 1 })
    #expect(none.needs[ContactPurpose.afterSale.rawValue] > 0 && all.needs[ContactPurpose.afterSale.rawValue] > 0)
    // Cases from shipped open while the order's number is young: return
    // pick-ups find it valid.
    #expect(all.value(.returnPickupContact) > none.value(.returnPickupContact) + 0.03)
    #expect(all.ordersCompleted + all.ordersCancelled == all.orders, "every order still ends once")
  }

  @Test("couriers: a buyer's availability is drawn once per delivery, so WeChat courier success is 1 − E[(1 − A)⁶], not 1 − 0.25⁶")
  func correlatedAvailability() {
    // Official carrier (3 attempts a day, 2 days), answer probability 0.75,
    // concentration 2: A ~ Beta(1.5, 0.5); E[(1 − A)^6] = Π (b + i)/(a + b + i).
    let c = counts(small(.wechatBaseline))
    let (a, b) = (1.5, 0.5)
    let miss = (0..<6).reduce(1.0) { $0 * (b + Double($1)) / (a + b + Double($1)) }
    let n = Double(c.deliveriesNeedingContact)
    let sd = (miss * (1 - miss) / n).squareRoot()
    #expect(abs(c.value(.courierReachPerDelivery) - (1 - miss)) < 4 * sd + 0.002,
            "courier success \(c.value(.courierReachPerDelivery)), expected \(1 - miss)")
    let independent = counts(small(.wechatBaseline) { $0.couriers.answerConcentration = 1_000_000 })
    #expect(independent.value(.courierReachPerDelivery) > 0.999)
    // The per-attempt rate keeps its mean.
    #expect(abs(independent.value(.courierReachPerAttempt) - 0.75) < 0.01)
  }

  @Test("R-G8: the platform's adaptation of outside flows ramps in; before it their couriers cannot call 700 numbers")
  func rG8AdaptationRamp() {
    let s = small(.taobao700Full) { oneCarrier(&$0, integrated: false, coverage: 1) }
    let notYet = pairedEffect(of: {
      $0.couriers.adaptationStart = CivilDate(year: 2027, month: 1, day: 1)!
      $0.couriers.adaptationComplete = CivilDate(year: 2027, month: 6, day: 1)!
    }, in: s, on: .courierReachPerDelivery)
    #expect(notYet.upper < -0.5, "courier success without adaptation: \(notYet.mean)")
    // Half-way through the ramp about half the outside deliveries are covered.
    var half = s
    half.couriers.adaptationStart = s.start.adding(days: -20)
    half.couriers.adaptationComplete = s.start.adding(days: 60)
    let h = counts(half).value(.courierReachPerDelivery)
    let full = counts(s).value(.courierReachPerDelivery)
    #expect(h < full - 0.2 && h > 0.2, "half-way \(h), full \(full)")
  }

  @Test("R-T5: in taobao-700-full, non-official waybills not adapted to 700 numbers cost courier contact; switching R-T5 off restores it")
  func rT5Bites() {
    let effect = effectOfDisabling(.t5, in: small(.taobao700Full), on: .courierReachPerDelivery)
    #expect(excludesZero(effect), "courier contact, R-T5 off − on: \(effect.mean) ± \(effect.halfWidth)")
    let failed = effectOfDisabling(.t5, in: small(.taobao700Full), on: .failedDeliveriesPer1000)
    #expect(excludesZero(failed, negative: true))
  }

  @Test("R-D3: official tools meet needs without the number; shops that skip them are refused the decrypt, or decrypt as a violation")
  func rD3ToolsDifferInOutcome() {
    // wechat-2025-08-necessary: a decrypt still reveals the real number.
    // Shop sizes less heavy-tailed than the default, so which shops use
    // tools does not hinge on one giant shop.
    let s = small(.wechatNecessary) { $0.merchants.sizeParetoShape = 3 }
    let fewerTools = pairedEffect(of: { $0.merchants.officialToolShare = 0.2 }, in: s, on: .merchantContactFulfilment)
    #expect(excludesZero(fewerTools, negative: true), "fulfilment contact with fewer tool users: \(fewerTools.mean)")
    // Granted as a violation, skipping tools reveals numbers (exposure) and
    // brings violations.
    let lenient = small(.wechatNecessary) {
      $0.merchants.sizeParetoShape = 3
      $0.unnecessaryDecrypt = .grantAsViolation
    }
    let exposure = pairedEffect(of: { $0.merchants.officialToolShare = 0.2 }, in: lenient, on: .realNumberExposuresPer1000)
    #expect(excludesZero(exposure), "exposures with fewer tool users: \(exposure.mean)")
    // Switched off, R-D3 sends tool-capable needs to decrypts: more numbers revealed.
    let off = effectOfDisabling(.d3, in: s, on: .realNumberExposuresPer1000)
    #expect(excludesZero(off), "exposures without R-D3: \(off.mean)")
  }

  @Test("R-V1: misuse on service calls brings suspensions that remove decrypt and calling rights")
  func rV1Suspensions() {
    let s = small(.wechatNecessary) {
      $0.merchants.misuseShare = 0.5
      $0.merchants.misuseOnServiceContact = 0.5
      $0.merchants.misuseDetectionProbability = 0.3
      $0.contact.marketingNeed = 0
    }
    // Without marketing needs every violation comes from service contacts.
    #expect(counts(s).suspensions > 0)
    let off = effectOfDisabling(.v1, in: s, on: .merchantContactAfterSale)
    #expect(excludesZero(off), "after-sale contact without R-V1: \(off.mean)")
  }

  @Test("R-W7: failed lines are submitted again and shared lines move to personal ones; both restore merchant calls")
  func rW7ResubmissionAndConversion() {
    let s = small(.wechatVirtualNumber) {
      $0.contact.toolCouldMeetFulfilment = 0
      $0.merchants.dailyBaseQuota = 1_000_000
      $0.merchants.verificationApprovalProbability = 0.5
      $0.merchants.sharedLineConversionDays = 5
      $0.merchants.sizeParetoShape = 3
    }
    let once = pairedEffect(of: { $0.merchants.verificationAttempts = 1 }, in: s, on: .callsBlockedUnverified)
    #expect(excludesZero(once), "blocked calls with one submission only: \(once.mean)")
    let neverConvert = pairedEffect(of: { $0.merchants.sharedLineConversionShare = 0 }, in: s, on: .merchantContactFulfilment)
    #expect(excludesZero(neverConvert, negative: true), "fulfilment contact if shared lines never convert: \(neverConvert.mean)")
    let off = effectOfDisabling(.w7, in: s, on: .merchantContactFulfilment)
    #expect(excludesZero(off), "fulfilment contact without R-W7: \(off.mean)")
  }

  @Test("R-G7: an OAID change after printing drops the order-level registration; eager shops that do not watch for it are blocked")
  func rG7OAIDChange() {
    let s = small(.taobao700Full) {
      $0.merchants.registrationEager = 1
      $0.merchants.registrationLazy = 0
      $0.merchants.shopLevelListShare = 0
      $0.merchants.reregisterOnOAIDChangeShare = 0
      $0.orders.addressChangeProbability = 0.5
      $0.orders.addressChangeAfterShippingShare = 1
      $0.orders.afterSaleProbability = 0.3
      $0.contact.afterSaleFollowUps = 0
    }
    #expect(counts(s).callsBlockedUnregistered > 0)
    let off = effectOfDisabling(.g7, in: s, on: .merchantContactAfterSale)
    #expect(excludesZero(off), "after-sale contact without R-G7: \(off.mean)")
    let watching = pairedEffect(of: { $0.merchants.reregisterOnOAIDChangeShare = 1 }, in: s, on: .callsBlockedUnregistered)
    #expect(excludesZero(watching, negative: true))
  }

  @Test("R-G1–R-G6: shops have several callers; limits bind for large shops, rejections counted by reason, callers past the order limit blocked")
  func rGCallerLimits() {
    // Many callers per shop: shops of at least 25 orders a day with 40 × √size
    // callers each hit the directory's 128, over the order limit of 80.
    // Eager shops only.
    let s = small(.taobao700Full) {
      $0.merchants.minOrdersPerDay = 25
      $0.merchants.callersScale = 40
      $0.merchants.registrationEager = 1
      $0.merchants.registrationLazy = 0
      $0.merchants.shopLevelListShare = 1
      $0.merchants.splitsRegistrationCallsShare = 0.5
      $0.merchants.invalidCallerNumberShare = 0.2
      $0.orders.addressChangeProbability = 0
      oneCarrier(&$0, integrated: true)
    }
    let c = counts(s)
    for reason in [GGroupRejection.overLimit, .tooManyInCall, .invalidNumber] {
      #expect(c.gGroupRejections[reason.rawValue] > 0, "\(reason)")
    }
    #expect(c.gGroupRejections.reduce(0, +) == c.gGroupRejected)
    #expect(c.callsBlockedUnregistered > 0, "callers past the order limit cannot ring")
    // A larger order limit lets them in (R-G2/R-G3 bind).
    let wider = pairedEffect(of: {
      $0.gGroup.orderLimit = 200
      $0.gGroup.listLimit = 200
    }, in: s, on: .callsBlockedUnregistered)
    #expect(excludesZero(wider, negative: true), "blocked calls with order_limit 200: \(wider.mean)")
    // R-G2: a smaller per-call limit means more calls for the same callers.
    let perCall = pairedEffect(of: { $0.gGroup.perCallLimit = 5 }, in: s, on: .gGroupCalls)
    #expect(excludesZero(perCall))
    // R-G1: the shop-level list binds every order without a call.
    let noList = pairedEffect(of: { $0.merchants.shopLevelListShare = 0 }, in: s, on: .gGroupCalls)
    #expect(excludesZero(noList))
    let smallerList = pairedEffect(of: { $0.gGroup.shopLevelLimit = 10 }, in: s, on: .gGroupCalls)
    #expect(excludesZero(smallerList))
  }

  @Test("R-G6: in the gray period eager shops that do not check the format are refused on 11+4 orders; 11+4 needs no registration")
  func rG6WrongFormat() {
    let s = small(.taobao700Gray) {
      $0.merchants.registrationEager = 1
      $0.merchants.registrationLazy = 0
      $0.merchants.checksNumberFormatShare = 0
    }
    let c = counts(s)
    #expect(c.gGroupRejections[GGroupRejection.wrongFormat.rawValue] > 0)
    let checking = counts(small(.taobao700Gray) {
      $0.merchants.registrationEager = 1
      $0.merchants.registrationLazy = 0
      $0.merchants.checksNumberFormatShare = 1
    })
    #expect(checking.gGroupRejections[GGroupRejection.wrongFormat.rawValue] == 0)
    #expect(checking.value(.merchantContactFulfilment) == c.value(.merchantContactFulfilment), "a refused call on 11+4 costs nothing")
  }

  @Test("R-W1/R-W3: couriers on WeChat orders call the virtual number, so its validity from first view matters when delivery is late")
  func rW3CouriersLateDelivery() {
    let s = small(.wechatVirtualNumber) { $0.orders.transitTime = .lognormal(mean: 96, cv: 0.5) }
    let shortValidity = pairedEffect(of: { $0.virtualNumbers.validity = .days(4) }, in: s, on: .courierReachPerDelivery)
    #expect(excludesZero(shortValidity, negative: true), "courier contact with 4-day numbers: \(shortValidity.mean)")
    var short = s
    short.virtualNumbers.validity = .days(4)
    let c = counts(short)
    #expect(c.courierFailures[CourierFailure.virtualNumberExpired.rawValue] > 0)
    // Before virtual numbers couriers call the real number: validity is moot.
    let before = pairedEffect(of: { $0.virtualNumbers.validity = .days(4) }, in: small(.wechatNecessary) {
      $0.orders.transitTime = .lognormal(mean: 96, cv: 0.5)
    }, on: .courierReachPerDelivery)
    #expect(before.mean == 0 && before.halfWidth == 0)
  }
}

import PrivacyModel
import SimKernel
import Testing

@Suite("Rules and phases (RULEBOOK §7)")
struct PhaseCatalogTests {
  @Test("the eight phases of §7, with their default dates")
  func phases() {
    #expect(Phase.all.map(\.id) == [
      "wechat-baseline", "wechat-2024-04-quota", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number",
      "wechat-2026-01-aftersale-vn", "taobao-11plus4", "taobao-700-gray", "taobao-700-full",
    ])
    #expect(Phase.named("wechat-2024-04-quota")?.defaultStart == CivilDate(year: 2024, month: 4, day: 8))
    #expect(Phase.named("wechat-2026-01-aftersale-vn")?.defaultStart == CivilDate(year: 2026, month: 1, day: 19))
    #expect(Phase.named("taobao-700-gray")?.defaultStart == CivilDate(year: 2025, month: 12, day: 17))
    #expect(Phase.named("taobao-700-full")?.defaultStart == CivilDate(year: 2026, month: 4, day: 1))
    #expect(Phase.named("nope") == nil)
  }

  @Test("WeChat rounds are cumulative: each phase keeps the rules before it and adds its own")
  func wechatCumulative() {
    #expect(Phase.wechatQuota.rules.subtracting(Phase.wechatBaseline.rules) == [.d1, .d2])
    #expect(Phase.wechatNecessary.rules.subtracting(Phase.wechatQuota.rules) == [.d3, .d4, .d5, .v1])
    #expect(Phase.wechatVirtualNumber.rules.subtracting(Phase.wechatNecessary.rules) == [.w1, .w2, .w3, .w4, .w5, .w6, .w7])
    #expect(Phase.wechatAfterSaleVN.rules.subtracting(Phase.wechatVirtualNumber.rules) == [.w8])
    for phase in Phase.all { #expect(Phase.lifecycleRules.isSubset(of: phase.rules), "\(phase.id)") }
  }

  @Test("Taobao: the gray phase adds 700 numbers and G groups; the full phase drops 11+4 and the ramp")
  func taobaoPhases() {
    #expect(Phase.taobao11Plus4.rules.isSuperset(of: [.d6, .t1, .t3]))
    #expect(!Phase.taobao11Plus4.rules.contains(.t2))
    #expect(Phase.taobao700Gray.rules.isSuperset(of: [.t1, .t2, .t4, .t5, .g1, .g9]))
    #expect(!Phase.taobao700Full.rules.contains(.t1) && !Phase.taobao700Full.rules.contains(.t4))
    #expect(Phase.taobao700Full.rules.contains(.t2))
    #expect(Phase.all.filter { $0.platform == .taobao }.allSatisfy { !$0.rules.contains(.d2) }, "no decrypt quota on Taobao")
  }

  @Test("every rule has a summary and at least one source; IDs follow the RULEBOOK's order")
  func ruleCatalog() {
    #expect(RuleID.allCases.count == 36)
    for rule in RuleID.allCases {
      #expect(!rule.summary.isEmpty)
      #expect(!rule.sources.isEmpty)
    }
    #expect(RuleID.d1 < RuleID.w1 && RuleID.g9 < RuleID.v1)
    #expect(RuleID(rawValue: "R-G3") == .g3)
  }

  @Test("RuleSet bitmask agrees with the rule sets of every phase, for every rule")
  func ruleSetAgrees() {
    for phase in Phase.all {
      let mask = RuleSet(phase.rules)
      for rule in RuleID.allCases { #expect(mask.contains(rule) == phase.rules.contains(rule), "\(phase.id) \(rule)") }
    }
    let single = RuleSet([RuleID.x1])
    #expect(RuleID.allCases.filter { single.contains($0) } == [.x1])
  }
}

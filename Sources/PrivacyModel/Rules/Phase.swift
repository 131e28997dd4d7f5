public import SimKernel

/// A rule phase of RULEBOOK §7: a platform, the date it starts and the rules
/// in force from then on.
///
/// Dates are defaults: scenario files may move them (S0 dates the August and
/// October 2025 WeChat rounds only by month, so those default to the 1st).
/// The order-lifecycle rules R-L1…R-L4 hold in every phase.
public struct Phase: Hashable, Sendable, Identifiable {
  public let id: String
  public let platform: Platform
  /// First day in force (China Standard Time); `nil` for a baseline that
  /// holds "before" the first rule.
  public let defaultStart: CivilDate?
  /// Rules in force, cumulative.
  public let rules: Set<RuleID>
  /// One line for reports.
  public let summary: String

  /// Rules in force in every phase.
  public static let lifecycleRules: Set<RuleID> = [.l1, .l2, .l3, .l4]
}

extension Phase {
  private static func date(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }

  public static let wechatBaseline = Phase(
    id: "wechat-baseline", platform: .wechatShop, defaultStart: nil,
    rules: lifecycleRules, summary: "plaintext receiving information, unlimited decrypt")
  public static let wechatQuota = Phase(
    id: "wechat-2024-04-quota", platform: .wechatShop, defaultStart: date("2024-04-08"),
    rules: wechatBaseline.rules.union([.d1, .d2]), summary: "e-waybill required; daily decrypt quota")
  public static let wechatNecessary = Phase(
    id: "wechat-2025-08-necessary", platform: .wechatShop, defaultStart: date("2025-08-01"),
    rules: wechatQuota.rules.union([.d3, .d4, .d5, .v1]), summary: "decrypt only when necessary; official tools first")
  public static let wechatVirtualNumber = Phase(
    id: "wechat-2025-10-virtual-number", platform: .wechatShop, defaultStart: date("2025-10-01"),
    rules: wechatNecessary.rules.union([.w1, .w2, .w3, .w4, .w5, .w6, .w7]),
    summary: "default virtual numbers with expiry; real-name callers")
  public static let wechatAfterSaleVN = Phase(
    id: "wechat-2026-01-aftersale-vn", platform: .wechatShop, defaultStart: date("2026-01-19"),
    rules: wechatVirtualNumber.rules.union([.w8]), summary: "after-sale virtual numbers")
  public static let taobao11Plus4 = Phase(
    id: "taobao-11plus4", platform: .taobao, defaultStart: nil,
    rules: lifecycleRules.union([.d6, .t1, .t3]), summary: "11+4 virtual numbers; anyone may call")
  public static let taobao700Gray = Phase(
    id: "taobao-700-gray", platform: .taobao, defaultStart: date("2025-12-17"),
    rules: taobao11Plus4.rules.union([.t2, .t4, .t5, .g1, .g2, .g3, .g4, .g5, .g6, .g7, .g8, .g9]),
    summary: "700 numbers ramp in; registered callers only (mixed formats)")
  /// All new orders get 700 numbers: R-T1 (11+4) and the R-T4 ramp no longer
  /// apply to orders created in this phase.
  public static let taobao700Full = Phase(
    id: "taobao-700-full", platform: .taobao, defaultStart: date("2026-04-01"),
    rules: taobao700Gray.rules.subtracting([.t1, .t4]), summary: "all orders on 700 numbers")

  /// The phases of RULEBOOK §7, in order.
  public static let all: [Phase] = [
    wechatBaseline, wechatQuota, wechatNecessary, wechatVirtualNumber, wechatAfterSaleVN,
    taobao11Plus4, taobao700Gray, taobao700Full,
  ]

  /// The phase with `id`, if any.
  public static func named(_ id: String) -> Phase? { all.first { $0.id == id } }
}

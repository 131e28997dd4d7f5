/// The context rules from earlier years (RULEBOOK §6) as scenario options.
/// All three have been in force since before 2024, so they are on by
/// default; switch one off to see what it changed. Figures are assumptions.
public struct ContextParameters: Hashable, Sendable {
  /// R-M1 (2022-05, S1): mini-programs may not force phone-number
  /// authorization.
  public var forcedAuthorizationBanned = true
  /// Share of WeChat buyers whose real phone a shop holds through its own
  /// mini-program (a side channel outside the order), with and without R-M1.
  public var miniProgramPhoneShareWithBan = 0.05
  public var miniProgramPhoneShareWithoutBan = 0.35
  /// R-M2 (2022-10-25/11-08, S3): `wx.getUserProfile` returns a grey avatar
  /// and "微信用户".
  public var profileAPIRestricted = true
  /// Share of WeChat buyers who fill in nickname and avatar themselves
  /// (the merchant then sees them under R-M2).
  public var profileFillShare = 0.15
  /// R-X1 (2013-11-22, S2): Taobao blocks links opened from WeChat.
  public var crossPlatformLinksBlocked = true
  /// Share of Taobao orders that start from a link shared on WeChat, and the
  /// share of those buyers who re-enter through the Taobao app when the
  /// link is blocked (the rest are lost).
  public var crossPlatformLinkShare = 0.08
  public var crossPlatformConversion = 0.4

  public init() {}

  /// The context rules switched on, on either platform.
  public var rulesInForce: Set<RuleID> { rulesInForce(on: Set(Platform.allCases)) }

  /// The context rules switched on that act on orders of `platforms`: R-M1
  /// and R-M2 on WeChat's, R-X1 on Taobao's (it blocks links into Taobao).
  public func rulesInForce(on platforms: Set<Platform>) -> Set<RuleID> {
    var rules: Set<RuleID> = []
    if platforms.contains(.wechatShop) && forcedAuthorizationBanned { rules.insert(.m1) }
    if platforms.contains(.wechatShop) && profileAPIRestricted { rules.insert(.m2) }
    if platforms.contains(.taobao) && crossPlatformLinksBlocked { rules.insert(.x1) }
    return rules
  }

  /// R-M1: the share of WeChat buyers whose phone the shop holds outside the order.
  public var miniProgramPhoneShare: Double {
    forcedAuthorizationBanned ? miniProgramPhoneShareWithBan : miniProgramPhoneShareWithoutBan
  }
}

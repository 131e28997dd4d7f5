/// How a phase gates decrypting an order's receiving information (RULEBOOK
/// §2). Built from the rules in force, with the numbers a scenario may set.
public struct DecryptPolicy: Hashable, Sendable {
  /// What the platform does with a decrypt for a need an official tool could
  /// have met (R-D3). The RULEBOOK says decrypt is "allowed only" for needs
  /// tools cannot meet and calls the other kind a violation; whether the
  /// platform refuses it up front or grants it and treats it as misuse
  /// (R-V1) is not said.
  public enum UnnecessaryDecrypt: String, Hashable, Sendable {
    /// Refused: counted as `decrypt_denied_policy` (default).
    case refuse
    /// Granted, and a violation the platform may detect (R-V1).
    case grantAsViolation
  }

  /// R-D1: no official e-waybill, no full receiving information.
  public var requiresEWaybill = false
  /// R-D2: daily base quota per shop; `nil` means unlimited.
  public var dailyBaseQuota: Int? = nil
  /// R-D5 (from 2025-08): only shops given decrypt quota may decrypt at
  /// all; before it every shop under R-D2 has the base quota.
  public var quotaOnlyForSomeShops = false
  /// R-D3: official tools first.
  public var officialToolsFirst = false
  public var unnecessaryDecrypt = UnnecessaryDecrypt.refuse
  /// R-D4: only paid, shipped or after-sale orders (and completed ones in
  /// their after-sale period).
  public var restrictedByState = false
  /// R-V1: suspended shops cannot decrypt.
  public var suspensionsApply = false

  /// Unlimited decrypts: the WeChat baseline.
  public init() {}

  /// The policy of a phase's rules, with the default quota of 30 a day
  /// (R-D2, P1).
  public init(rules: Set<RuleID>, dailyBaseQuota: Int = 30) {
    requiresEWaybill = rules.contains(.d1)
    self.dailyBaseQuota = rules.contains(.d2) ? dailyBaseQuota : nil
    quotaOnlyForSomeShops = rules.contains(.d5)
    officialToolsFirst = rules.contains(.d3)
    restrictedByState = rules.contains(.d4)
    suspensionsApply = rules.contains(.v1)
  }
}

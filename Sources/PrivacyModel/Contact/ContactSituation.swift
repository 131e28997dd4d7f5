/// What decides which channels a merchant's contact need may try: the
/// order's platform and the rules in force, the purpose, and what the shop
/// and the order bring at that moment.
public struct ContactSituation: Hashable, Sendable {
  public var isWeChat: Bool
  public var rules: RuleSet
  public var purpose: ContactPurpose
  /// The shop already holds the buyer's real number (an earlier decrypt or
  /// real-number application, or its own mini-program, R-M1).
  public var holdsRealNumber: Bool
  /// An official tool could meet this need and the shop uses tools (R-D3
  /// then routes the need to the tool).
  public var toolMeetsNeed: Bool
  /// R-L2: the order has logistics (goods without them have no receiving
  /// information to decrypt and no virtual number).
  public var needsLogistics: Bool
  /// R-V1: the shop's decrypt and calling rights are suspended.
  public var suspended: Bool

  public init(isWeChat: Bool, rules: RuleSet, purpose: ContactPurpose, holdsRealNumber: Bool = false,
              toolMeetsNeed: Bool = false, needsLogistics: Bool = true, suspended: Bool = false) {
    self.isWeChat = isWeChat
    self.rules = rules
    self.purpose = purpose
    self.holdsRealNumber = holdsRealNumber
    self.toolMeetsNeed = toolMeetsNeed
    self.needsLogistics = needsLogistics
    self.suspended = suspended
  }
}

public import SimKernel

/// The virtual number that replaces a WeChat Shop buyer's real phone (R-W1),
/// and its lifecycle: validity from first view, early expiry after
/// completion (R-W3), one re-application after expiry (R-W4), shown only
/// while the order is decryptable (R-W5).
///
/// Before the merchant first views the number its validity has not started,
/// so it is valid. A re-applied number runs its own 30 days without early
/// expiry: S0 states early expiry for the default number, and applying it to
/// a re-applied one would void R-W4 for completed orders, which can only be
/// re-applied for while decryptable, i.e. in their after-sale period (an
/// interpretation, see `seeds/`).
public struct WeChatVirtualNumber: Hashable, Sendable {
  public private(set) var firstViewed: SimTime?
  public private(set) var completedAt: SimTime?
  public private(set) var reapplications = 0
  public private(set) var lastReapplication: SimTime?

  /// Why a re-application was refused.
  public enum ReapplicationRefusal: Hashable, Sendable {
    case notExpired
    case limitReached
    case orderNotDecryptable
  }

  public init() {}

  /// The merchant sees the number (first decrypt or printing) at `time`.
  public mutating func view(at time: SimTime) {
    if firstViewed == nil { firstViewed = time }
  }

  /// The order completes at `time`.
  public mutating func orderCompleted(at time: SimTime) {
    if completedAt == nil { completedAt = time }
  }

  /// When the number stops working (`.distantFuture` while no clock runs).
  public func expiry(_ rules: WeChatVirtualNumberRules) -> SimTime {
    if let reapplied = lastReapplication { return reapplied + rules.reapplicationValidity }
    var end = SimTime.distantFuture
    if let viewed = firstViewed { end = viewed + rules.validity }
    if let completed = completedAt { end = min(end, completed + rules.earlyExpiryAfterCompletion) }
    return end
  }

  /// Whether a call to the number connects at `now` (as far as validity goes).
  public func isValid(at now: SimTime, _ rules: WeChatVirtualNumberRules) -> Bool {
    now < expiry(rules)
  }

  /// Whether the merchant is shown the number at `now` (R-W5).
  public func isShown(at now: SimTime, orderDecryptable: Bool, _ rules: WeChatVirtualNumberRules) -> Bool {
    orderDecryptable && isValid(at: now, rules)
  }

  /// The merchant applies for a new number after expiry (R-W4).
  public mutating func reapply(
    at now: SimTime, orderDecryptable: Bool, _ rules: WeChatVirtualNumberRules
  ) -> ReapplicationRefusal? {
    guard !isValid(at: now, rules) else { return .notExpired }
    guard reapplications < rules.reapplicationsAllowed else { return .limitReached }
    guard orderDecryptable else { return .orderNotDecryptable }
    reapplications += 1
    lastReapplication = now
    return nil
  }
}

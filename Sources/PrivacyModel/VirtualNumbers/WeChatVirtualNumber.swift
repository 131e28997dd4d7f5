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
  // Times as milliseconds, `Int64.max` for "not yet", and the count in a
  // byte: 25 bytes where three optional times and an Int took 49 (each
  // order in flight carries one; docs/performance.md).
  private var viewedAt = Int64.max
  private var completedAtMilliseconds = Int64.max
  private var reappliedAt = Int64.max
  private var reapplicationCount: UInt8 = 0

  /// When the merchant first saw the number, if it has.
  public var firstViewed: SimTime? { Self.time(viewedAt) }
  /// When the order completed, if it has.
  public var completedAt: SimTime? { Self.time(completedAtMilliseconds) }
  /// Re-applications so far (R-W4).
  public var reapplications: Int { Int(reapplicationCount) }
  /// When the number was last re-applied for, if it was.
  public var lastReapplication: SimTime? { Self.time(reappliedAt) }

  private static func time(_ milliseconds: Int64) -> SimTime? {
    milliseconds == .max ? nil : SimTime(milliseconds: milliseconds)
  }

  /// Why a re-application was refused.
  public enum ReapplicationRefusal: Hashable, Sendable {
    case notExpired
    case limitReached
    case orderNotDecryptable
  }

  public init() {}

  /// The merchant sees the number (first decrypt or printing) at `time`.
  public mutating func view(at time: SimTime) {
    if viewedAt == .max { viewedAt = time.milliseconds }
  }

  /// The order completes at `time`.
  public mutating func orderCompleted(at time: SimTime) {
    if completedAtMilliseconds == .max { completedAtMilliseconds = time.milliseconds }
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
    reapplicationCount &+= 1
    reappliedAt = now.milliseconds
    return nil
  }
}

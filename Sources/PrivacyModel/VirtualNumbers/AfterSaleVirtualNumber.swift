public import SimKernel

/// WeChat Shop's after-sale virtual number (R-W8, from 2026-01-19): valid
/// from the start of the after-sale case for 30 days, invalid once the case
/// closes, not extendable.
public struct AfterSaleVirtualNumber: Hashable, Sendable {
  public let caseOpened: SimTime
  public private(set) var caseClosed: SimTime?

  public init(caseOpened: SimTime) {
    self.caseOpened = caseOpened
  }

  public mutating func close(at time: SimTime) {
    if caseClosed == nil { caseClosed = time }
  }

  public func isValid(at now: SimTime, _ rules: WeChatVirtualNumberRules) -> Bool {
    AfterSaleVirtualNumber.isValid(opened: caseOpened, closed: caseClosed ?? .distantFuture, at: now, rules)
  }

  /// The same rule on bare times, for compact order records (`closed` is
  /// `.distantFuture` while the case is open; `opened` is `.distantFuture`
  /// when there is no case).
  public static func isValid(opened: SimTime, closed: SimTime, at now: SimTime, _ rules: WeChatVirtualNumberRules) -> Bool {
    guard opened != .distantFuture, now >= opened, now < opened + rules.afterSaleValidity else { return false }
    return now < closed
  }
}

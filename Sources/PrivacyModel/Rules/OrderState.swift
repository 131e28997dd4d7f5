/// The states of an order (RULEBOOK R-L1).
public enum OrderState: UInt8, Hashable, Sendable, CaseIterable {
  case pendingPayment
  case paid
  case shipped
  case completed
  case afterSale
  case cancelled

  /// Whether WeChat Shop lets a merchant decrypt the order's receiving
  /// information in this state (R-D4): not while awaiting payment, not once
  /// cancelled, and once completed only inside the after-sale period.
  public func isDecryptable(inAfterSalePeriod: Bool) -> Bool {
    switch self {
    case .pendingPayment, .cancelled: false
    case .paid, .shipped, .afterSale: true
    case .completed: inAfterSalePeriod
    }
  }
}

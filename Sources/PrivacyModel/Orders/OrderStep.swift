/// What an event of the order model does. Fits in one byte.
public enum OrderStep: UInt8, Sendable {
  case arrival
  case paid
  case paymentTimeout
  case refundBeforeShipping
  case addressChange
  case fulfilmentNeed
  case shipped
  case deliveryDay
  case completed
  case afterSaleOpened
  case afterSaleClosed
  /// A merchant's further contact during an after-sale case.
  case afterSaleFollowUp
  /// A courier phones the buyer to pick up a return.
  case returnPickup
  case marketingNeed
  case quotaDecision
  case phaseSwitch
}

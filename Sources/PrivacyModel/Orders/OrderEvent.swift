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

/// An event payload packed into 64 bits: the step, the order's slot and the
/// slot's generation (24 bits suffice to tell a stale event from a live one:
/// a slot would have to be reused 16 million times while the event waits).
/// For ``OrderStep/quotaDecision`` the slot field holds a merchant index;
/// for ``OrderStep/phaseSwitch`` the platform (0 WeChat Shop, 1 Taobao) and
/// the generation field the phase's position in that platform's schedule.
public struct OrderEvent: Sendable, Hashable {
  public let raw: UInt64

  @inlinable
  public init(_ step: OrderStep, slot: UInt32 = 0, generation: UInt32 = 0) {
    raw = UInt64(step.rawValue) | UInt64(generation & 0xFF_FFFF) << 8 | UInt64(slot) << 32
  }

  @inlinable public var step: OrderStep { OrderStep(rawValue: UInt8(truncatingIfNeeded: raw))! }
  @inlinable public var slot: UInt32 { UInt32(truncatingIfNeeded: raw >> 32) }
  @inlinable public var generation: UInt32 { UInt32(truncatingIfNeeded: raw >> 8) & 0xFF_FFFF }
}

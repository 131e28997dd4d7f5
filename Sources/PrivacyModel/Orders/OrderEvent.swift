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

  /// The low byte holds a step's raw value (``init(_:slot:generation:)`` is
  /// the only way to make an event), so it is read back as is: the checked
  /// `OrderStep(rawValue:)` was a call of its own on every event.
  @inlinable public var step: OrderStep { unsafeBitCast(UInt8(truncatingIfNeeded: raw), to: OrderStep.self) }
  @inlinable public var slot: UInt32 { UInt32(truncatingIfNeeded: raw >> 32) }
  @inlinable public var generation: UInt32 { UInt32(truncatingIfNeeded: raw >> 8) & 0xFF_FFFF }
}

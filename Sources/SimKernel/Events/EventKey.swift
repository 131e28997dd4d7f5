/// The ordering key of a scheduled event: its time, then its insertion
/// sequence number.
///
/// Sequence numbers are unique and increase with every scheduling call, so
/// events at the same instant run first-in-first-out and the order of a run
/// never depends on how an event set breaks ties.
public struct EventKey: Hashable, Comparable, Sendable {
  /// When the event fires.
  public let time: SimTime
  /// Unique, increasing insertion number.
  public let sequence: UInt64

  @inlinable
  public init(time: SimTime, sequence: UInt64) {
    self.time = time
    self.sequence = sequence
  }

  @inlinable
  public static func < (lhs: EventKey, rhs: EventKey) -> Bool {
    lhs.ordinal < rhs.ordinal
  }

  /// The key as one 128-bit unsigned number with the same order: the time
  /// (sign bit flipped so negative times sort first) in the high half, the
  /// sequence in the low half. Comparing it compiles to a branch-free
  /// compare-and-subtract pair, which the hold benchmark shows is markedly
  /// faster than comparing the fields one after the other (sifts compare keys
  /// whose order the branch predictor cannot guess).
  @inlinable
  var ordinal: UInt128 {
    UInt128(UInt64(bitPattern: time.milliseconds) ^ (1 << 63)) << 64 | UInt128(sequence)
  }
}

/// A scheduled event: its ordering key and a small value payload that the
/// model's handler dispatches on (typically an enum).
public struct Event<Payload> {
  public var key: EventKey
  public var payload: Payload

  @inlinable
  public init(key: EventKey, payload: Payload) {
    self.key = key
    self.payload = payload
  }
}

extension Event: Sendable where Payload: Sendable {}

/// Identifies a scheduled event so that it can be cancelled.
///
/// A handle is a plain value (the event's key, and whether the event waits in
/// the simulation's source slot): holding one costs nothing and keeps nothing
/// alive.
public struct EventHandle: Hashable, Sendable {
  public let key: EventKey
  /// Whether the event was scheduled into the source slot
  /// (``Simulation/scheduleSource(_:at:)``) rather than the event set.
  public let isSource: Bool

  @inlinable
  public init(key: EventKey, isSource: Bool = false) {
    self.key = key
    self.isSource = isSource
  }
}

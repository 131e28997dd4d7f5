/// Fixed-size order records in reusable slots.
///
/// Slots of finished orders go on a free list and are reused first, so the
/// pool grows only to the peak number of orders in flight. Growth doubles the
/// storage (amortised, and never in steady state).
public struct OrderPool: Sendable {
  @usableFromInline var records: [OrderRecord] = []
  @usableFromInline var free: [UInt32] = []
  public private(set) var inFlight = 0
  public private(set) var peakInFlight = 0

  public init(capacity: Int) {
    records.reserveCapacity(capacity)
    free.reserveCapacity(capacity)
  }

  /// A fresh record's slot.
  public mutating func allocate() -> UInt32 {
    inFlight += 1
    if inFlight > peakInFlight { peakInFlight = inFlight }
    if !free.isEmpty {
      let slot = free.removeLast()
      records.withUnsafeMutableBufferPointer { r in
        let generation = r[Int(slot)].generation &+ 1
        r[Int(slot)] = Self.fresh
        r[Int(slot)].generation = generation
      }
      return slot
    }
    records.append(Self.fresh)
    return UInt32(records.count - 1)
  }

  /// A new order's record, made once: copying it costs less than running
  /// `OrderRecord.init` for every order (callgrind, model-throughput).
  static let fresh = OrderRecord()

  /// Returns `slot` to the pool; events still naming it become stale.
  public mutating func release(_ slot: UInt32) {
    inFlight -= 1
    records[Int(slot)].generation &+= 1
    free.append(slot)
  }

  @inlinable
  public subscript(slot: UInt32) -> OrderRecord {
    get { records[Int(slot)] }
    _modify { yield &records[Int(slot)] }
  }

}

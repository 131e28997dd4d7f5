/// A set of caller numbers of one shop, as a bitmask over the shop's
/// ``CallerDirectory`` (bit *i* = directory entry *i*). Sixteen bytes, so
/// every order in flight can carry its G group inline.
public struct CallerSet: Hashable, Sendable {
  @usableFromInline var bits: UInt128

  /// The empty set.
  public static let empty = CallerSet(bits: 0)

  @inlinable init(bits: UInt128) { self.bits = bits }

  /// The set holding the one directory entry `index`.
  @inlinable
  public init(single index: Int) {
    precondition(index >= 0 && index < CallerDirectory.capacity, "caller index out of range")
    bits = 1 << UInt128(index)
  }

  /// The set holding directory entries `indices`.
  public init(_ indices: some Sequence<Int>) {
    var b: UInt128 = 0
    for i in indices {
      precondition(i >= 0 && i < CallerDirectory.capacity, "caller index out of range")
      b |= 1 << UInt128(i)
    }
    bits = b
  }

  @inlinable public var count: Int { bits.nonzeroBitCount }
  @inlinable public var isEmpty: Bool { bits == 0 }
  @inlinable public func contains(_ index: Int) -> Bool { bits >> UInt128(index) & 1 == 1 }
  @inlinable public func union(_ other: CallerSet) -> CallerSet { CallerSet(bits: bits | other.bits) }
  @inlinable public func subtracting(_ other: CallerSet) -> CallerSet { CallerSet(bits: bits & ~other.bits) }
  @inlinable public func intersection(_ other: CallerSet) -> CallerSet { CallerSet(bits: bits & other.bits) }

  /// Directory entries `0 ..< count`.
  @inlinable
  public static func first(_ count: Int) -> CallerSet {
    let n = max(0, min(count, CallerDirectory.capacity))
    return CallerSet(bits: n == 128 ? ~0 : (1 << UInt128(n)) - 1)
  }

  /// The lowest index in the set, if any.
  @inlinable public var lowest: Int? { bits == 0 ? nil : bits.trailingZeroBitCount }

  /// How many members are below `index` (its position in an ascending list).
  @inlinable public func position(of index: Int) -> Int {
    (bits & ((1 << UInt128(index)) - 1)).nonzeroBitCount
  }

  /// The `count` lowest members (all of them if there are fewer).
  @inlinable
  public func prefix(_ count: Int) -> CallerSet {
    var rest = bits
    var taken: UInt128 = 0
    for _ in 0..<max(0, count) where rest != 0 {
      let low = rest & (~rest &+ 1)
      taken |= low
      rest &= ~low
    }
    return CallerSet(bits: taken)
  }

  /// The directory indices in the set, ascending.
  public var indices: [Int] { (0..<CallerDirectory.capacity).filter { contains($0) } }
}

/// An ordered list of up to eight distinct ``MerchantChannel``s packed into
/// one word, so the model builds one per contact need without allocating.
public struct ChannelSequence: Sequence, Hashable, Sendable, CustomStringConvertible {
  @usableFromInline var packed: UInt64 = 0
  public private(set) var count = 0

  public init() {}

  /// A sequence of `channels`, in order (for tests and documentation).
  public init(_ channels: [MerchantChannel]) {
    for channel in channels { append(channel) }
  }

  /// Adds `channel` at the end; a channel already in the list is not added
  /// again (a need tries each channel once).
  public mutating func append(_ channel: MerchantChannel) {
    precondition(count < 8, "at most eight channels")
    guard !contains(channel) else { return }
    packed |= UInt64(channel.rawValue) << UInt64(8 * count)
    count += 1
  }

  public func contains(_ channel: MerchantChannel) -> Bool {
    for c in self where c == channel { return true }
    return false
  }

  public struct Iterator: IteratorProtocol {
    var packed: UInt64
    var remaining: Int

    public mutating func next() -> MerchantChannel? {
      guard remaining > 0 else { return nil }
      remaining -= 1
      let channel = MerchantChannel(rawValue: UInt8(truncatingIfNeeded: packed))!
      packed >>= 8
      return channel
    }
  }

  public func makeIterator() -> Iterator { Iterator(packed: packed, remaining: count) }

  public var description: String { map(\.description).joined(separator: " → ") }
}

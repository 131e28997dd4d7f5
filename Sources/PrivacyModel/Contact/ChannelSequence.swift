/// An ordered list of up to eight distinct ``MerchantChannel``s packed into
/// one word, so the model builds one per contact need without allocating.
public struct ChannelSequence: Sequence, Hashable, Sendable, CustomStringConvertible {
  @usableFromInline var packed: UInt64 = 0
  /// Which channels are in the list (bit = raw value).
  @usableFromInline var members: UInt8 = 0
  /// Channels in the list (at most the seven kinds, so the word holds them).
  @inlinable public var count: Int { members.nonzeroBitCount }

  public init() {}

  /// A sequence of `channels`, in order (for tests and documentation).
  public init(_ channels: [MerchantChannel]) {
    for channel in channels { append(channel) }
  }

  /// Adds `channel` at the end; a channel already in the list is not added
  /// again (a need tries each channel once).
  @inlinable
  public mutating func append(_ channel: MerchantChannel) {
    guard !contains(channel) else { return }
    packed |= UInt64(channel.rawValue) << UInt64(8 * count)
    members |= 1 << channel.rawValue
  }

  @inlinable
  public func contains(_ channel: MerchantChannel) -> Bool { members >> channel.rawValue & 1 == 1 }

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

/// A set of rules as a 64-bit mask: membership is one AND, so the model can
/// ask "is R-W1 in force?" on every event at no cost.
public struct RuleSet: Hashable, Sendable {
  @usableFromInline var bits: UInt64

  public init(_ rules: some Sequence<RuleID>) {
    var b: UInt64 = 0
    for r in rules { b |= 1 << UInt64(RuleSet.position(r)) }
    bits = b
  }

  @inlinable @inline(__always)
  public func contains(_ rule: RuleID) -> Bool {
    bits >> UInt64(RuleSet.position(rule)) & 1 == 1
  }

  /// The rule's bit, from its declaration order (no hashing).
  @inlinable
  static func position(_ rule: RuleID) -> Int {
    switch rule {
    case .l1: 0
    case .l2: 1
    case .l3: 2
    case .l4: 3
    case .d1: 4
    case .d2: 5
    case .d3: 6
    case .d4: 7
    case .d5: 8
    case .d6: 9
    case .w1: 10
    case .w2: 11
    case .w3: 12
    case .w4: 13
    case .w5: 14
    case .w6: 15
    case .w7: 16
    case .w8: 17
    case .t1: 18
    case .t2: 19
    case .t3: 20
    case .t4: 21
    case .t5: 22
    case .g1: 23
    case .g2: 24
    case .g3: 25
    case .g4: 26
    case .g5: 27
    case .g6: 28
    case .g7: 29
    case .g8: 30
    case .g9: 31
    case .v1: 32
    case .m1: 33
    case .m2: 34
    case .x1: 35
    }
  }
}

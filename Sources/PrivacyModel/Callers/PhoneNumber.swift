/// A phone number as Taobao's G-group API accepts it (RULEBOOK R-G5, S4 FAQ
/// 27): non-empty, digits only, not starting with "00", at most 15 digits.
/// Landlines are allowed (FAQ 9), so a single leading zero is kept.
///
/// Stored compactly as (digit count, value): no heap allocation.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
  /// Number of digits, 1…15.
  public let length: UInt8
  /// The digits as an integer (leading zero dropped; `length` keeps it).
  public let value: UInt64

  /// Why a text is not an acceptable number.
  public enum Problem: Error, Hashable, Sendable {
    case empty
    case notDigits
    case startsWithDoubleZero
    case tooLong(digits: Int)
  }

  /// The longest accepted number.
  public static let maximumDigits = 15

  /// Validates `text` (R-G5).
  public init(validating text: some StringProtocol) throws(Problem) {
    let utf8 = Array(text.utf8)
    guard !utf8.isEmpty else { throw .empty }
    guard utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw .notDigits }
    guard !(utf8.count >= 2 && utf8[0] == 0x30 && utf8[1] == 0x30) else { throw .startsWithDoubleZero }
    guard utf8.count <= PhoneNumber.maximumDigits else { throw .tooLong(digits: utf8.count) }
    var v: UInt64 = 0
    for c in utf8 { v = v * 10 + UInt64(c - 0x30) }
    length = UInt8(utf8.count)
    value = v
  }

  /// A synthetic mobile number for simulation: 11 digits starting with 1.
  public init(mobileIndex: UInt64) {
    length = 11
    value = 13_000_000_000 + mobileIndex % 7_000_000_000
  }

  /// The digits, with a leading zero where there was one.
  public var description: String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, Int(length) - digits.count)) + digits
  }
}

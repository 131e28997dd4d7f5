/// The caller numbers one shop uses, each given a small index so that G groups
/// can be bitmasks (``CallerSet``), plus the shop-level list that the platform
/// binds to every new order (R-G1).
///
/// A shop may use at most ``capacity`` distinct numbers in a simulation: far
/// above the platform's limits (40 shop-level, 80 per order), and ample for a
/// merchant's staff lines.
public struct CallerDirectory: Sendable {
  /// Distinct numbers one shop can hold.
  public static let capacity = 128

  public private(set) var numbers: [PhoneNumber] = []
  private var index: [PhoneNumber: Int] = [:]
  /// Numbers maintained in the merchant back office (R-G1).
  public private(set) var shopLevel = CallerSet.empty

  public init() {}

  /// The index of `number`, adding it if new; `nil` when the directory is full.
  public mutating func intern(_ number: PhoneNumber) -> Int? {
    if let i = index[number] { return i }
    guard numbers.count < CallerDirectory.capacity else { return nil }
    numbers.append(number)
    index[number] = numbers.count - 1
    return numbers.count - 1
  }

  /// The index of `number`, if the shop uses it.
  public func lookup(_ number: PhoneNumber) -> Int? { index[number] }

  /// Replaces the shop-level list (R-G1: at most `limit`, 40 by default).
  /// Returns `false`, changing nothing, if the list is too long or the
  /// directory cannot hold it.
  public mutating func setShopLevel(_ list: [PhoneNumber], limit: Int = 40) -> Bool {
    guard Set(list).count <= limit else { return false }
    var interned: [Int] = []
    for n in list {
      guard let i = intern(n) else { return false }
      interned.append(i)
    }
    shopLevel = CallerSet(interned)
    return true
  }
}

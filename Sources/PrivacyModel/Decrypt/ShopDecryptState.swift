public import SimKernel

/// A shop's decrypt book-keeping for the current local day (R-D2, R-L4):
/// how many distinct orders it decrypted and how much temporary quota it was
/// granted. Both reset at local midnight; temporary quota lapses then.
public struct ShopDecryptState: Hashable, Sendable {
  /// Local day number (days since 1970-01-01, UTC+8) the counters belong to.
  public private(set) var day: Int64 = .min
  /// Distinct orders decrypted on `day`.
  public private(set) var usedToday: Int32 = 0
  /// Temporary quota granted for `day`.
  public private(set) var temporaryToday: Int32 = 0
  /// R-V1: decrypt (and calling) rights suspended until this time.
  public var suspendedUntil: SimTime = .zero

  public init() {}

  /// Moves the counters to `today`, dropping yesterday's use and temporary
  /// quota.
  mutating func roll(to today: Int64) {
    if day != today {
      day = today
      usedToday = 0
      temporaryToday = 0
    }
  }

  /// Adds temporary quota for the local day of `time` (it lapses at the next
  /// midnight, R-D2).
  public mutating func grantTemporaryQuota(_ amount: Int32, at time: SimTime, calendar: SimCalendar) {
    roll(to: calendar.localDayNumber(of: time))
    temporaryToday += amount
  }

  /// Counts one more distinct decrypted order today.
  mutating func countDecrypt() { usedToday += 1 }
}

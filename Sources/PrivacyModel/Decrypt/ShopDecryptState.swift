public import SimKernel

/// A shop's decrypt book-keeping for the current local day (R-D2, R-L4):
/// how much of its quota it used and how much temporary quota it was
/// granted. Both reset at local midnight; temporary quota lapses then.
///
/// Use is counted in the real shop's decrypts (a simulated shop standing
/// for several real shops, or for a sample of one, counts a fraction or a
/// multiple per simulated decrypt; see ``SampleScale``).
public struct ShopDecryptState: Hashable, Sendable {
  /// Local day number (days since 1970-01-01, UTC+8) the counters belong to.
  public private(set) var day: Int64 = .min
  /// Quota used on `day`: distinct orders the real shop decrypted.
  public private(set) var usedToday = 0.0
  /// Temporary quota granted for `day`.
  public private(set) var temporaryToday: Int32 = 0
  /// A sampled shop (scale < 1): its simulated requests that reached the
  /// quota check on `day`, and over the whole run.
  public private(set) var sampledToday: Int32 = 0
  public private(set) var sampledTotal = 0
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
      sampledToday = 0
    }
  }

  /// Adds temporary quota for the local day of `time` (it lapses at the next
  /// midnight, R-D2).
  public mutating func grantTemporaryQuota(_ amount: Int32, at time: SimTime, calendar: SimCalendar) {
    roll(to: calendar.localDayNumber(of: time))
    temporaryToday += amount
  }

  /// Counts a sampled shop's simulated request at the quota check.
  mutating func countSampled() {
    sampledToday += 1
    sampledTotal += 1
  }

  /// Uses `units` more of today's quota.
  mutating func use(_ units: Double) { usedToday += units }

  /// Marks today's quota `capacity` as used up (the requests the model
  /// does not simulate used it).
  mutating func exhaust(_ capacity: Double) { usedToday = max(usedToday, capacity) }
}

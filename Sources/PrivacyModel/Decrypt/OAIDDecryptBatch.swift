/// A Taobao shop's OAID decrypts of one local day (RULEBOOK R-D6): the
/// shop decrypts each order it prints, batching up to `limit` orders per
/// `taobao.top.oaid.decrypt` call, so a day of *n* orders costs ⌈n / limit⌉
/// calls. From the 700 upgrade the decrypted `mobile` is the virtual number,
/// so a decrypt never reveals a real number on Taobao.
public struct OAIDDecryptBatch: Hashable, Sendable {
  /// The local (UTC+8, R-L4) day of the current batch run.
  public private(set) var day: Int64 = .min
  /// Orders decrypted so far that day.
  public private(set) var items = 0

  public init() {}

  /// Adds one order printed on local day `day`; returns whether it needs a
  /// new API call (the first order of the day, or the current call is full).
  public mutating func add(onDay day: Int64, limit: Int) -> Bool {
    precondition(limit >= 1, "a call holds at least one order")
    if day != self.day {
      self.day = day
      items = 0
    }
    defer { items += 1 }
    return items % limit == 0
  }
}

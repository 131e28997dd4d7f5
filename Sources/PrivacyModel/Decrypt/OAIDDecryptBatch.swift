/// A Taobao shop's OAID decrypts of one local day (RULEBOOK R-D6): the
/// shop decrypts each order it prints, batching up to `limit` orders per
/// `taobao.top.oaid.decrypt` call, so a day of *n* orders costs ⌈n / limit⌉
/// calls. From the 700 upgrade the decrypted `mobile` is the virtual number,
/// so a decrypt never reveals a real number on Taobao.
public struct OAIDDecryptBatch: Hashable, Sendable {
  /// The local (UTC+8, R-L4) day of the current batch run.
  public private(set) var day: Int64 = .min
  /// Orders decrypted so far that day, in the real shop's orders.
  public private(set) var items = 0.0

  public init() {}

  /// Adds `orders` printed orders of the real shop on local day `day`
  /// (1 when the simulated shop is one real shop; see ``SampleScale``);
  /// returns how many new API calls they need (the first order of the day
  /// opens one, and so does each order past a full call).
  public mutating func add(onDay day: Int64, limit: Int, orders: Double = 1) -> Int {
    precondition(limit >= 1, "a call holds at least one order")
    if day != self.day {
      self.day = day
      items = 0
    }
    let before = items
    items += orders
    // Calls so far = ⌈items / limit⌉ (rounding error below 10⁻⁹ ignored).
    func calls(_ x: Double) -> Double { (x / Double(limit) - 1e-9).rounded(.up) }
    return Int(min(Double(Int32.max), max(0, calls(items) - calls(before))))
  }
}

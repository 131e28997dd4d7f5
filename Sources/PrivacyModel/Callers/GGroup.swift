/// The registered-caller group ("G group") of one Taobao order: which of the
/// shop's numbers may ring the order's virtual number (RULEBOOK R-G1…R-G7).
public struct GGroup: Hashable, Sendable {
  /// Registered callers.
  public internal(set) var members: CallerSet
  /// The order's virtual-number format; registration needs 700 (R-G6).
  public internal(set) var format: VirtualNumberFormat
  /// Bumped when the buyer's phone or address changes and the OAID with it
  /// (R-L3, R-G7).
  public internal(set) var oaidGeneration: UInt32

  /// Whether a call from directory entry `caller` connects to the order's
  /// virtual number: always for 11+4 (R-T1), only from members for 700 (R-T2).
  @inlinable
  public func admits(caller: Int) -> Bool {
    format == .elevenPlusFour || members.contains(caller)
  }
}

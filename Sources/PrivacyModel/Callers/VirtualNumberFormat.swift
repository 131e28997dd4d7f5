/// The format of a Taobao virtual number (RULEBOOK R-T1, R-T2).
public enum VirtualNumberFormat: String, Hashable, Sendable, CaseIterable {
  /// 11-digit host number plus a 4-digit extension; anyone may call.
  case elevenPlusFour = "11+4"
  /// 15 continuous digits starting 700; only G-group callers connect.
  case sevenHundred = "700"
}

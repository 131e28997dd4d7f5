/// Why a G-group registration was rejected, as the reports count it.
public enum GGroupRejection: Int, CaseIterable, Hashable, Sendable {
  /// The order would pass its limit (R-G3).
  case overLimit
  /// More numbers in one call than allowed (R-G2), or in one list (R-G5).
  case tooManyInCall
  /// A number fails validation (R-G5).
  case invalidNumber
  /// The order's number is still 11+4 (R-G6).
  case wrongFormat
}

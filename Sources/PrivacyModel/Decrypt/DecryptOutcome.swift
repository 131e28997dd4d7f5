/// Why a decrypt was refused; each reason is a `decrypt_denied_*` metric.
public enum DecryptDenial: String, Hashable, Sendable, CaseIterable {
  /// R-D1: the shop has not set up the official e-waybill.
  case noWaybill = "no_waybill"
  /// R-D4: the order's state does not allow it.
  case state
  /// R-D2, R-D5: the day's quota is used up, or the shop has none.
  case quota
  /// R-D3 (a need an official tool could meet) or R-V1 (suspended shop).
  case policy

  /// Position in ``allCases``: where ``ModelCounts/decryptDenied`` counts it.
  public var index: Int {
    switch self {
    case .noWaybill: 0
    case .state: 1
    case .quota: 2
    case .policy: 3
    }
  }
}

/// The answer to a decrypt request.
public enum DecryptOutcome: Hashable, Sendable {
  /// Granted. `countedAgainstQuota` is `false` for a repeat decrypt of an
  /// order already decrypted today (R-D2) or when there is no quota;
  /// `violation` marks a decrypt for a need a tool could have met, granted
  /// under ``DecryptPolicy/UnnecessaryDecrypt/grantAsViolation``.
  case granted(countedAgainstQuota: Bool, violation: Bool)
  case denied(DecryptDenial)

  public var isGranted: Bool {
    if case .granted = self { return true }
    return false
  }
}

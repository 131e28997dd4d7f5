/// One way a merchant can try to reach a buyer for a contact need. A need
/// walks an ordered list of these (``MerchantContactPolicy``), trying each
/// once with the configured call attempts, and stops at the first that
/// reaches the buyer.
public enum MerchantChannel: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Call a real number the shop already holds: revealed by an earlier
  /// decrypt or real-number application, or held through its own
  /// mini-program (R-M1). Reported as ``ContactChannel/plaintext``.
  case heldNumber
  /// WeChat decrypt (R-D1…R-D5). Before R-W1/R-W2 it reveals the real number
  /// (``ContactChannel/decrypt``); from them on it shows the order's virtual
  /// number, or during an after-sale case the case's number (R-W8), which
  /// the shop calls from a verified line (R-W7;
  /// ``ContactChannel/virtualNumberCall``).
  case decrypt
  /// R-W2: apply for the real number when the virtual number cannot be
  /// called from the shop's line (R-W7); approved after review, then called
  /// (``ContactChannel/decrypt``). Not for marketing.
  case realNumberApplication
  /// R-D3: the platform's official tool for the need (e-waybill, online
  /// shipping, dropship management, order messages): it meets the need
  /// without the buyer's number, with its own success chance and delay.
  /// Reported as ``ContactChannel/officialMessage``.
  case officialTool
  /// Taobao: call the order's virtual number — dial the 11+4 extension
  /// (R-T1), or from a registered caller for a 700 number (R-T2, R-G9).
  case virtualNumberCall
  /// The platform's customer-service message; under R-D3 the official tool
  /// a compliant shop uses instead of a decrypt.
  case officialMessage
  /// Taobao's OAID-based SMS API (S4; R-T2).
  case smsAPI

  public var description: String {
    switch self {
    case .heldNumber: "held-number"
    case .decrypt: "decrypt"
    case .realNumberApplication: "real-number-application"
    case .officialTool: "official-tool"
    case .virtualNumberCall: "virtual-number-call"
    case .officialMessage: "official-message"
    case .smsAPI: "sms-api"
    }
  }
}

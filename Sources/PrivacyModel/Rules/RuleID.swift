/// Every rule of the RULEBOOK (`../shared/RULEBOOK.md`), by its ID.
///
/// Tests, scenario keys, reports and the `seeds/` digest cite these IDs, so a
/// number in a report can be traced to the rule and the public document behind
/// it.
public enum RuleID: String, CaseIterable, Hashable, Sendable, Comparable {
  // §1 Order lifecycle
  case l1 = "R-L1", l2 = "R-L2", l3 = "R-L3", l4 = "R-L4"
  // §2 Decrypting receiving information
  case d1 = "R-D1", d2 = "R-D2", d3 = "R-D3", d4 = "R-D4", d5 = "R-D5", d6 = "R-D6"
  // §3 Virtual numbers: WeChat Shop
  case w1 = "R-W1", w2 = "R-W2", w3 = "R-W3", w4 = "R-W4", w5 = "R-W5", w6 = "R-W6", w7 = "R-W7", w8 = "R-W8"
  // §3 Virtual numbers: Taobao
  case t1 = "R-T1", t2 = "R-T2", t3 = "R-T3", t4 = "R-T4", t5 = "R-T5"
  // §4 Caller registration (Taobao G group)
  case g1 = "R-G1", g2 = "R-G2", g3 = "R-G3", g4 = "R-G4", g5 = "R-G5", g6 = "R-G6", g7 = "R-G7", g8 = "R-G8", g9 = "R-G9"
  // §5 Violations
  case v1 = "R-V1"
  // §6 Context rules
  case m1 = "R-M1", m2 = "R-M2", x1 = "R-X1"

  public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// A one-line statement of the rule.
  public var summary: String { RuleID.catalog[self]!.summary }

  /// The phase rules the model applies one by one, so a scenario can switch
  /// each off (``Scenario/disabledRules``). The others are either always
  /// part of the model (R-L…), parts of a switchable rule (R-W3–R-W6 belong
  /// to R-W1's virtual numbers, R-T1/R-T3 to the number formats, the R-G…
  /// rules but R-G7 to R-T2's registration), or context switches of their
  /// own (R-M1, R-M2, R-X1).
  public static let switchable: [RuleID] = [.d1, .d2, .d3, .d4, .d5, .d6, .v1, .w1, .w2, .w7, .w8, .t2, .t4, .t5, .g7]
  /// The documents it rests on (RULEBOOK source keys: S0–S4, P1).
  public var sources: [SourceDocument] { RuleID.catalog[self]!.sources }

  private static let catalog: [RuleID: (summary: String, sources: [SourceDocument])] = [
    .l1: ("Order states pendingPayment → paid → shipped → completed, plus cancelled and afterSale", [.s0, .p1]),
    .l2: ("Goods without logistics never get a virtual number, waybill or courier", [.s0]),
    .l3: ("A buyer may change phone/address while the order is open; on Taobao this changes the OAID", [.s4]),
    .l4: ("Every daily rule uses China Standard Time (UTC+8); quotas reset at 00:00", [.s0]),
    .d1: ("A WeChat shop without the official e-waybill cannot obtain full receiving information (2024-04-08)", [.s0]),
    .d2: ("Decrypts limited by a daily base quota (default 30) plus temporary quota; repeat decrypts of an order on one day count once; temporary quota lapses at midnight", [.s0, .p1]),
    .d3: ("Official tools first: decrypt only for a need platform tools cannot meet (2025-08)", [.s0]),
    .d4: ("Not decryptable: pendingPayment, cancelled, completed outside the after-sale period", [.s0, .p1]),
    .d5: ("Not every shop has decrypt quota", [.s0]),
    .d6: ("Taobao decrypts via OAID (≤ 20 per call); after the 700 upgrade `mobile` holds the 700 number", [.s4]),
    .w1: ("The buyer's real phone is replaced by a virtual number by default, for all orders except R-L2", [.s0]),
    .w2: ("Decrypt returns the virtual number; the real number needs a second application within validity and review", [.s0, .p1]),
    .w3: ("Virtual number valid 30 days from first view; expires early 15 days after completion (0 = strict reading)", [.s0, .p1]),
    .w4: ("After expiry the merchant may apply once more; the new number is valid 30 days, not extendable", [.s0]),
    .w5: ("The virtual number is shown only while the order is decryptable", [.s0]),
    .w6: ("A virtual number cannot receive SMS; exports show only virtual or masked data", [.s0]),
    .w7: ("Callers and calling numbers must be real-name verified; shared lines stop working; unverified calls fail", [.s0, .p1]),
    .w8: ("After-sale virtual number valid 30 days from the case start, invalid once it closes (2026-01-19)", [.p1]),
    .t1: ("Before the upgrade: 11+4 virtual numbers; the caller dials host then extension; anyone may call", [.s4]),
    .t2: ("700 virtual number: 15 digits; a call connects only from a number in the order's G group", [.s4]),
    .t3: ("Both formats valid until 7 days after completion", [.s4]),
    .t4: ("Upgrade window 2025-12-17 to 2026-01-17; gray period January–March 2026 with both formats", [.s4]),
    .t5: ("The e-waybill prints the virtual number; non-official waybills need the courier company to adapt", [.s4]),
    .g1: ("Shop-level callers: at most 40, bound to every order of the shop at creation", [.s4]),
    .g2: ("Order-level callers: at most 80 per order including shop-level, at most 20 per call", [.s4]),
    .g3: ("A call taking an order over 80 is rejected as a whole; already registered numbers do not count again", [.s4]),
    .g4: ("Deleting an unregistered number is a successful no-op; deleting a shop-level number via the order API affects that order only", [.s4]),
    .g5: ("Numbers: non-empty, digits only, not starting with 00, at most 15 digits; at most 200 in one group", [.s4]),
    .g6: ("Adding callers to an order whose virtual number is still 11+4 is an error", [.s4]),
    .g7: ("When the OAID changes, the order's G group must be registered again", [.s4]),
    .g8: ("Couriers of integrated carriers are registered by the platform; coverage of other flows is a parameter", [.s4]),
    .g9: ("Recommended: register callers when needed rather than at printing", [.s4]),
    .v1: ("Harassment, private-trade steering, third-party decryption or misuse can suspend decrypt and calling rights", [.s0]),
    .m1: ("Mini-programs may not force phone-number authorization (2022-05)", [.s1]),
    .m2: ("wx.getUserProfile returns a grey avatar and the nickname 微信用户 (2022-10-25, extended to 2022-11-08)", [.s3]),
    .x1: ("Taobao blocks links opened from WeChat (2013-11-22)", [.s2]),
  ]
}

/// The public documents the RULEBOOK cites.
public enum SourceDocument: String, CaseIterable, Hashable, Sendable {
  case s0 = "S0", s1 = "S1", s2 = "S2", s3 = "S3", s4 = "S4", p1 = "P1"

  /// What the document is.
  public var title: String {
    switch self {
    case .s0: "WeChat Shop article (2025-11-16): three rounds of receiving-info privacy rules and caller real-name verification"
    case .s1: "WeChat mini-program rule (2022-05): no forced phone-number authorization"
    case .s2: "Taobao closes the WeChat channel (2013-11-22)"
    case .s3: "WeChat mini-program avatar/nickname rule (2022)"
    case .s4: "Taobao TOP document: virtual number upgrade to the 700 range (updated 2026-01-06), with FAQ"
    case .p1: "WeChat Shop API documentation (decode, virtual-number, after-sale number, caller verification)"
    }
  }
}

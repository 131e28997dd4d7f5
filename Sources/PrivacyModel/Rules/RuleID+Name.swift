extension RuleID {
  /// A few words naming the rule, for sentences and legends beside its ID
  /// (``summary`` has the whole rule).
  public var name: String {
    switch self {
    case .l1: "order lifecycle"
    case .l2: "no logistics, no number"
    case .l3: "buyer edits contact details"
    case .l4: "days in China Standard Time"
    case .d1: "official e-waybill required"
    case .d2: "daily decrypt quota"
    case .d3: "official tools first"
    case .d4: "decrypt only in some order states"
    case .d5: "shops without decrypt quota"
    case .d6: "OAID decrypt"
    case .w1: "virtual numbers by default"
    case .w2: "real number on a second application"
    case .w3: "30-day number validity"
    case .w4: "one re-application after expiry"
    case .w5: "number shown while decryptable"
    case .w6: "no SMS to virtual numbers"
    case .w7: "real-name callers"
    case .w8: "after-sale numbers"
    case .t1: "11+4 numbers"
    case .t2: "registered callers only"
    case .t3: "valid until 7 days after completion"
    case .t4: "700-number upgrade window"
    case .t5: "waybill prints the number"
    case .g1: "shop-level callers"
    case .g2: "order-level callers"
    case .g3: "80 callers per order"
    case .g4: "deleting callers"
    case .g5: "caller number format"
    case .g6: "no callers on 11+4 orders"
    case .g7: "re-register on OAID change"
    case .g8: "platform registers couriers"
    case .g9: "register callers when needed"
    case .v1: "misuse suspends rights"
    case .m1: "no forced phone authorization"
    case .m2: "grey avatar and nickname"
    case .x1: "Taobao blocks WeChat links"
    }
  }
}

/// The channels a merchant's contact need tries, in order (RULEBOOK §2–§5,
/// §8), as one explicit policy a test can enumerate.
///
/// - A real number the shop holds is called first — unless R-V1 has
///   suspended its calling rights.
/// - R-D3: when an official tool can meet the need and the shop uses tools,
///   the need goes to the tool, then to the platform's message; never to a
///   decrypt (it would be refused, or be a violation). A shop that does not
///   use tools tries the decrypt, which R-D3 refuses (or grants as a
///   violation, ``DecryptPolicy/UnnecessaryDecrypt``).
/// - WeChat: a decrypt. Before R-W1/R-W2 it yields the real number, so it is
///   not tried when that number is already held (the call would ring the
///   same phone). From R-W1/R-W2 it yields a virtual number; when the shop's
///   line cannot call it (R-W7) it may apply for the real number (R-W2,
///   fulfilment and after-sale only).
/// - Taobao: a call to the order's virtual number.
/// - The platform's message, and on Taobao the OAID SMS API, last.
///
/// Each channel is tried once, with the configured call attempts; a need
/// never re-enters a channel that already yielded a number.
public enum MerchantContactPolicy {
  public static func channels(for s: ContactSituation) -> ChannelSequence {
    var channels = ChannelSequence()
    if s.holdsRealNumber && !s.suspended { channels.append(.heldNumber) }
    if s.toolMeetsNeed && s.rules.contains(.d3) && s.isWeChat {
      channels.append(.officialTool)
      channels.append(.officialMessage)
      return channels
    }
    if s.needsLogistics && !s.suspended {
      if s.isWeChat {
        let virtual = s.rules.contains(.w1) && s.rules.contains(.w2)
        if virtual || !s.holdsRealNumber { channels.append(.decrypt) }
        if virtual && s.purpose != .marketing && !s.holdsRealNumber { channels.append(.realNumberApplication) }
      } else {
        channels.append(.virtualNumberCall)
      }
    }
    channels.append(.officialMessage)
    if !s.isWeChat { channels.append(.smsAPI) }
    return channels
  }
}

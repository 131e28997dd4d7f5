/// Why a merchant contacts a buyer (RULEBOOK §8).
public enum ContactPurpose: Int, CaseIterable, Sendable {
  case fulfilment, afterSale, marketing
}

/// How a contact was made (RULEBOOK §8).
public enum ContactChannel: Int, CaseIterable, Sendable {
  /// The merchant already held the real number.
  case plaintext
  /// A decrypt revealed the real number.
  case decrypt
  /// A call to a virtual number.
  case virtualNumberCall
  /// The platform's customer-service message.
  case officialMessage
  /// Taobao's OAID-based SMS API.
  case smsAPI
}

/// Why a courier's call did not reach the buyer (RULEBOOK §8).
public enum CourierFailure: Int, CaseIterable, Sendable {
  case virtualNumberExpired, callerNotRegistered, callerNotVerified, extensionNotDialled, noAnswer
  /// R-T5: a non-official waybill not adapted to 700 numbers shows none.
  case waybillNotAdapted
}

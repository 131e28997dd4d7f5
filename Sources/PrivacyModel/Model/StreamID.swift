/// The random streams of the order model, one per random quantity, so that
/// phases run with the same seed share common random numbers stream by
/// stream (a rule that changes how often one part draws does not shift the
/// numbers the other parts see).
enum StreamID {
  static let population: UInt64 = 100
  static let arrivals: UInt64 = 101
  static let merchantPick: UInt64 = 102
  static let orderAttributes: UInt64 = 103
  static let payment: UInt64 = 104
  static let fulfilment: UInt64 = 105
  static let logistics: UInt64 = 106
  static let courierCalls: UInt64 = 107
  static let afterSale: UInt64 = 108
  static let marketing: UInt64 = 109
  /// One per contact purpose (fulfilment, after-sale, marketing): a rule
  /// that changes one purpose's contacts leaves the others' draws alone.
  static let merchantContact: [UInt64] = [110, 112, 113]
  static let platform: UInt64 = 111
  /// The context rules' draws (R-M1, R-M2, R-X1), four per arrival.
  static let context: UInt64 = 114
  /// Buyers' availability to couriers, one beta draw per delivery that
  /// needs a call (drawn at arrival, so aligned across phases).
  static let buyerAvailability: UInt64 = 115
  /// Return pick-up calls (their own stream, so pick-ups failing earlier
  /// under one rule do not shift delivery calls).
  static let returnPickup: UInt64 = 116
  /// Whether a held number is recorded and still reaches the buyer after
  /// the order (one draw per finished order, whatever the outcome).
  static let retention: UInt64 = 117
  /// The real-shop counts behind a simulated shop's events (quota use,
  /// API calls, penalties; ``SampleScale``): drawn only for shops that do
  /// not stand for exactly one real shop.
  static let shopScale: UInt64 = 118
}

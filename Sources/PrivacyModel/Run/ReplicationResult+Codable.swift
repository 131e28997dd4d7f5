/// Exactly, and the same bytes for the same result in any process: the
/// weekly series are written as a list in ``Platform`` order, not as a
/// dictionary (whose order differs from one process to the next).
extension ReplicationResult: Codable {
  private enum CodingKeys: String, CodingKey {
    case counts, segments, weekly, eventsExecuted, peakOrdersInFlight
  }

  private struct Weekly: Codable {
    let platform: Platform
    let weeks: [ModelCounts]
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let weekly = try c.decode([Weekly].self, forKey: .weekly)
    self.init(counts: try c.decode(ModelCounts.self, forKey: .counts),
              segments: try c.decode([ModelCounts].self, forKey: .segments),
              weeklyByPlatform: Dictionary(weekly.map { ($0.platform, $0.weeks) }, uniquingKeysWith: { a, _ in a }),
              eventsExecuted: try c.decode(UInt64.self, forKey: .eventsExecuted),
              peakOrdersInFlight: try c.decode(Int.self, forKey: .peakOrdersInFlight))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(counts, forKey: .counts)
    try c.encode(segments, forKey: .segments)
    try c.encode(Platform.allCases.compactMap { p in weeklyByPlatform[p].map { Weekly(platform: p, weeks: $0) } }, forKey: .weekly)
    try c.encode(eventsExecuted, forKey: .eventsExecuted)
    try c.encode(peakOrdersInFlight, forKey: .peakOrdersInFlight)
  }
}

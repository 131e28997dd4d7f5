extension Metric {
  /// The metric's position in ``Metric/allCases``: where its value is in
  /// ``ReplicationValues/values``.
  public var index: Int { Self.indices[self]! }

  private static let indices: [Metric: Int] =
    Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

extension ModelCounts {
  /// The same counts with compact contact-time sketches (their non-empty
  /// buckets only): for counts that are kept, such as a timeline's weekly
  /// series, where every week's full sketches would cost about 60 KB. Every
  /// metric reads exactly as before.
  public func compacted() -> ModelCounts {
    var c = self
    for i in c.contactTimeByPurpose.indices { c.contactTimeByPurpose[i].compact() }
    return c
  }
}

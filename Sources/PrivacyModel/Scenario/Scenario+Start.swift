public import SimKernel

extension Scenario {
  /// Moves the first simulated day to `date`, keeping every dated setting
  /// on its calendar date: the Taobao ramp (R-T4) is held as times from
  /// the start, so its points move the other way by the same number of
  /// days. What `attribute`'s waterfall does to run an earlier phase at
  /// its own dates under the scenario's settings.
  public mutating func moveStart(to date: CivilDate) {
    let shift = SimDuration.days(Int64(start.daysSinceEpoch - date.daysSinceEpoch))
    taobao.ramp = taobao.ramp.map { (time: $0.time + shift, share: $0.share) }
    start = date
  }
}

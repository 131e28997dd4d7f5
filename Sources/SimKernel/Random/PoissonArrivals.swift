/// A non-homogeneous Poisson process whose rate follows a ``DailyCycle`` in
/// local time, optionally scaled up during campaign windows, sampled by
/// thinning (Lewis and Shedler 1979).
///
/// Candidates come from a homogeneous process at the envelope rate
/// λ* = base × peak multiplier × largest campaign factor; a candidate at *t* is
/// kept with probability λ(*t*) / λ*. The process keeps its own clock in
/// fractional milliseconds, so rounding to the kernel's integer time happens
/// only at the output and does not bias the rate.
public struct PoissonArrivals: Sendable {
  /// A window during which the rate is multiplied by `factor`.
  public struct Campaign: Hashable, Sendable {
    public var start: SimTime
    public var end: SimTime
    public var factor: Double
    public init(start: SimTime, end: SimTime, factor: Double) {
      self.start = start
      self.end = end
      self.factor = factor
    }
  }

  /// Average events per day outside campaigns.
  public let ratePerDay: Double
  public let cycle: DailyCycle
  public let calendar: SimCalendar
  public let campaigns: [Campaign]

  @usableFromInline let envelopePerMillisecond: Double
  @usableFromInline var clock: Double

  /// A process starting at `start`.
  public init(
    ratePerDay: Double, cycle: DailyCycle, calendar: SimCalendar,
    campaigns: [Campaign] = [], start: SimTime = .zero
  ) {
    precondition(ratePerDay > 0 && ratePerDay.isFinite, "rate must be positive")
    precondition(campaigns.allSatisfy { $0.factor >= 0 && $0.factor.isFinite }, "campaign factors must be ≥ 0")
    self.ratePerDay = ratePerDay
    self.cycle = cycle
    self.calendar = calendar
    self.campaigns = campaigns
    let maxFactor = max(1, campaigns.map(\.factor).max() ?? 1)
    self.envelopePerMillisecond = ratePerDay / 86_400_000 * cycle.peak * maxFactor
    self.clock = Double(start.milliseconds)
  }

  /// The rate at `time`, in events per day.
  public func rate(at time: SimTime) -> Double {
    var r = ratePerDay * cycle.multipliers[calendar.hourOfDay(time)]
    for c in campaigns where c.start <= time && time < c.end { r *= c.factor }
    return r
  }

  /// The next arrival time.
  public mutating func next(_ stream: RandomStream) -> SimTime {
    let envelopePerDay = envelopePerMillisecond * 86_400_000
    while true {
      clock += stream.exponential(mean: 1 / envelopePerMillisecond)
      let t = SimTime(milliseconds: SimDuration(roundingMilliseconds: clock).milliseconds)
      if stream.uniform() * envelopePerDay < rate(at: t) { return t }
    }
  }
}

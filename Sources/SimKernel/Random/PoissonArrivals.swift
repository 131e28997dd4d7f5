/// A non-homogeneous Poisson process whose rate follows a ``DailyCycle`` in
/// local time, optionally scaled up during campaign windows, sampled by
/// inversion of its cumulative rate (Çinlar 1975).
///
/// The rate is constant within each local hour (and campaign window), so the
/// cumulative rate Λ is piecewise linear: each arrival draws one unit-mean
/// exponential *E* and moves on until Λ has grown by *E*, hour by hour. This
/// is exact, and draws one number per arrival. (Until 2026-12 the process
/// was thinned, Lewis and Shedler 1979: candidates at the peak rate, each
/// kept with probability λ(*t*)/λ\*, two draws per candidate and peak/mean
/// candidates per arrival; callgrind counted 525 instructions per order in
/// it on `model-throughput phases 30000`.) The process keeps its own clock
/// in fractional milliseconds, so rounding to the kernel's integer time
/// happens only at the output and does not bias the rate.
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

  /// Average events per millisecond outside campaigns.
  @usableFromInline let ratePerMillisecond: Double
  @usableFromInline var clock: Double
  /// The stretch of constant rate the clock is in (``startSegment()``): its
  /// end and its rate per millisecond; none yet at −∞.
  @usableFromInline var segmentEnd = -Double.infinity
  @usableFromInline var segmentRate = 0.0

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
    self.ratePerMillisecond = ratePerDay / 86_400_000
    self.clock = Double(start.milliseconds)
  }

  /// The rate at `time`, in events per day.
  public func rate(at time: SimTime) -> Double {
    var r = ratePerDay * cycle.multipliers[calendar.hourOfDay(time)]
    for c in campaigns where c.start <= time && time < c.end { r *= c.factor }
    return r
  }

  static let hour = 3_600_000.0

  /// The next arrival time (``SimTime/distantFuture`` if the rate stays
  /// zero for ever after).
  public mutating func next(_ stream: RandomStream) -> SimTime {
    var work = stream.exponential(mean: 1)
    while clock < 9e18 {
      if !(clock < segmentEnd) {
        startSegment()
        continue
      }
      let room = segmentRate * (segmentEnd - clock)
      if work < room {
        clock += work / segmentRate
        return SimTime(milliseconds: SimDuration(roundingMilliseconds: clock).milliseconds)
      }
      work -= room
      clock = segmentEnd
    }
    return .distantFuture
  }

  /// Works out the stretch of constant rate that starts at ``clock``: to the
  /// end of the local hour or the next campaign boundary, whichever comes
  /// first (a silent campaign's stretch is skipped: the clock moves to its
  /// end). Kept until the clock passes its end, so most arrivals reuse it.
  @usableFromInline
  mutating func startSegment() {
    // Simulated time zero is a local midnight (``SimCalendar``), so local
    // hours begin at whole multiples of an hour.
    let hourStart = (clock / Self.hour).rounded(.down) * Self.hour
    var end = hourStart + Self.hour
    var rate = ratePerMillisecond * cycle.multipliers[calendar.hourOfDay(SimTime(milliseconds: Int64(hourStart)))]
    var silentUntil: Double? = nil
    for c in campaigns {
      let from = Double(c.start.milliseconds)
      let to = Double(c.end.milliseconds)
      if from <= clock && clock < to {
        rate *= c.factor
        end = min(end, to)
        // A window of factor 0 is silent to its end, whatever else runs.
        if c.factor == 0 { silentUntil = max(silentUntil ?? to, to) }
      } else if from > clock {
        end = min(end, from)
      }
    }
    if let silentUntil {
      clock = silentUntil
      segmentEnd = -.infinity
      return
    }
    segmentEnd = end
    segmentRate = rate
  }
}

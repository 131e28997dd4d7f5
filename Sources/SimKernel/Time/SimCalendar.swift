/// Maps simulated time to local calendar dates in a fixed-offset time zone.
///
/// Platform rules reset at local midnight and phases start on calendar dates,
/// all in China Standard Time (UTC+8, no daylight saving: RULEBOOK R-L4). The
/// calendar fixes which local instant simulated time zero is, and converts in
/// both directions with integer arithmetic.
public struct SimCalendar: Hashable, Sendable {
  /// Offset of the local zone from UTC, in milliseconds.
  public let utcOffset: SimDuration
  /// The local date-time of simulated time zero, as milliseconds since
  /// 1970-01-01T00:00 *local*.
  @usableFromInline let originLocalMilliseconds: Int64

  @usableFromInline static let millisecondsPerDay: Int64 = 86_400_000

  /// China Standard Time, UTC+8.
  public static let chinaStandardTimeOffset = SimDuration.hours(8)

  /// A calendar whose simulated time zero is local midnight starting `origin`.
  public init(origin: CivilDate, utcOffset: SimDuration = SimCalendar.chinaStandardTimeOffset) {
    self.utcOffset = utcOffset
    self.originLocalMilliseconds = Int64(origin.daysSinceEpoch) * Self.millisecondsPerDay
  }

  /// The local date of simulated time zero.
  public var origin: CivilDate { date(of: .zero) }

  /// Milliseconds since 1970-01-01T00:00 local time.
  @inlinable
  func localMilliseconds(_ time: SimTime) -> Int64 {
    // Saturating: an event at the far future (a saturated delay) still has a day.
    SimDuration.saturatingSum(originLocalMilliseconds, time.milliseconds)
  }

  /// Days since 1970-01-01 in local time (floor division: correct before 1970).
  @inlinable
  public func localDayNumber(of time: SimTime) -> Int64 {
    let ms = localMilliseconds(time)
    let q = ms / Self.millisecondsPerDay
    return ms % Self.millisecondsPerDay < 0 ? q - 1 : q
  }

  /// The local calendar date at `time`.
  public func date(of time: SimTime) -> CivilDate {
    CivilDate(daysSinceEpoch: Int(localDayNumber(of: time)))
  }

  /// Milliseconds since local midnight at `time`, in `0 ..< 86_400_000`.
  @inlinable
  public func millisecondOfDay(_ time: SimTime) -> Int64 {
    let r = localMilliseconds(time) % Self.millisecondsPerDay
    return r < 0 ? r + Self.millisecondsPerDay : r
  }

  /// Local hour of day at `time`, `0 ... 23`.
  @inlinable
  public func hourOfDay(_ time: SimTime) -> Int {
    Int(millisecondOfDay(time) / 3_600_000)
  }

  /// The simulated time of local midnight starting `date`.
  public func startOfDay(_ date: CivilDate) -> SimTime {
    SimTime(milliseconds: Int64(date.daysSinceEpoch) * Self.millisecondsPerDay - originLocalMilliseconds)
  }

  /// The simulated time of `hour:minute` local time on `date`.
  public func time(of date: CivilDate, hour: Int = 0, minute: Int = 0) -> SimTime {
    startOfDay(date) + SimDuration(milliseconds: Int64(hour) * 3_600_000 + Int64(minute) * 60_000)
  }

  /// The most recent local midnight at or before `time`.
  @inlinable
  public func startOfDay(containing time: SimTime) -> SimTime {
    SimTime(milliseconds: time.milliseconds - millisecondOfDay(time))
  }

  /// The first local midnight strictly after `time` (when daily quotas reset).
  @inlinable
  public func nextMidnight(after time: SimTime) -> SimTime {
    startOfDay(containing: time) + SimDuration(milliseconds: Self.millisecondsPerDay)
  }
}

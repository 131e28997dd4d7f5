public import SimKernel

/// Real-name verification of one calling number (R-W7): the carrier checks
/// phone, ID, name and face; each number on its own; shared outbound lines
/// and team seats cannot be verified. Verification takes time and can fail;
/// a number under carrier review can usually already dial (P1), which is a
/// parameter.
public struct CallerVerification: Hashable, Sendable {
  /// What kind of line the merchant calls from.
  public enum Line: String, Hashable, Sendable {
    /// A staff member's own number: verifiable.
    case personal
    /// A shared outbound line or team seat: never verified (R-W7).
    case sharedOutbound = "shared-outbound"
  }

  /// The carrier's verdict at some time (P1's statuses).
  public enum Status: Hashable, Sendable {
    case unverified
    case reviewing
    case verified
    case failed
  }

  public let line: Line
  private var submitted: SimTime?
  private var decidedAt: SimTime = .distantFuture
  private var approved = false

  public init(line: Line) {
    self.line = line
  }

  /// The merchant submits the number at `time`; the carrier decides after
  /// `reviewDelay`, approving if `approve` (a shared line is never approved).
  public mutating func submit(at time: SimTime, reviewDelay: SimDuration, approve: Bool) {
    submitted = time
    decidedAt = time + reviewDelay
    approved = approve && line == .personal
  }

  public func status(at now: SimTime) -> Status {
    guard let submitted, now >= submitted else { return .unverified }
    if now < decidedAt { return .reviewing }
    return approved ? .verified : .failed
  }

  /// Whether a call from this number to a virtual number connects.
  public func canDial(at now: SimTime, reviewingCanDial: Bool = true) -> Bool {
    switch status(at: now) {
    case .verified: true
    case .reviewing: reviewingCanDial && line == .personal
    case .unverified, .failed: false
    }
  }
}

public import SimKernel

/// Real-name verification of a shop's calling line (R-W7): the carrier checks
/// phone, ID, name and face; each number on its own; shared outbound lines
/// and team seats cannot be verified. Verification takes time and can fail;
/// a number under carrier review can usually already dial (P1), which is a
/// parameter.
///
/// A shop may submit again after a failure, and a shop on a shared line may
/// move to personal, verifiable lines at some time; the latest submission
/// decides the status.
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

  /// One submission and the carrier's decision.
  struct Review: Hashable, Sendable {
    let submitted: SimTime
    let decided: SimTime
    let approved: Bool
  }

  /// The line the shop started with.
  public let line: Line
  /// When a shared-line shop moved to personal lines (`nil`: never).
  public private(set) var personalFrom: SimTime?
  /// Submissions in the order they were made.
  private var reviews: [Review] = []

  public init(line: Line) {
    self.line = line
    if line == .personal { personalFrom = .zero }
  }

  /// The line in use at `now`.
  public func line(at now: SimTime) -> Line {
    if let personalFrom, now >= personalFrom { return .personal }
    return line
  }

  /// The shop replaces its shared line by personal lines at `time`.
  public mutating func convertToPersonal(at time: SimTime) {
    if line(at: time) == .sharedOutbound { personalFrom = time }
  }

  /// The merchant submits its line at `time`; the carrier decides after
  /// `reviewDelay`, approving if `approve` and the line is personal then.
  public mutating func submit(at time: SimTime, reviewDelay: SimDuration, approve: Bool) {
    reviews.append(Review(submitted: time, decided: time + reviewDelay, approved: approve && line(at: time) == .personal))
  }

  /// The verdict at `now`: that of the latest submission made by then.
  public func status(at now: SimTime) -> Status {
    guard let review = reviews.last(where: { $0.submitted <= now }) else { return .unverified }
    if now < review.decided { return .reviewing }
    return review.approved ? .verified : .failed
  }

  /// Whether a call from this line to a virtual number connects.
  public func canDial(at now: SimTime, reviewingCanDial: Bool = true) -> Bool {
    switch status(at: now) {
    case .verified: true
    case .reviewing: reviewingCanDial && line(at: now) == .personal
    case .unverified, .failed: false
    }
  }
}

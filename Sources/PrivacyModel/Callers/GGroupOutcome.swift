/// The answer of a G-group update, mirroring `taobao.top.secret.group.update`
/// (S4): success, or `success = false` with error code
/// `gxb-group-update-failed` and a reason.
public enum GGroupOutcome: Hashable, Sendable {
  /// The group changed; `registered` numbers are now in it.
  case success(registered: Int)
  /// A delete that removed nothing: the platform answers success (FAQ 26).
  case noOpDelete(registered: Int)
  /// The call would take the order past its limit (R-G3, FAQ 17); nothing
  /// changed, earlier registrations stay.
  case rejectedOverLimit(wouldBe: Int, limit: Int)
  /// More numbers in one call than allowed (R-G2: 20).
  case rejectedTooManyInCall(count: Int, limit: Int)
  /// The mobile list holds more numbers than one G group may (R-G5: 200).
  case rejectedListTooLong(count: Int, limit: Int)
  /// A number in the list fails validation (R-G5).
  case invalidNumber(position: Int, problem: PhoneNumber.Problem)
  /// The consumer number fails validation (R-G5).
  case invalidConsumerNumber(PhoneNumber.Problem)
  /// The order's virtual number is still 11+4 (R-G6, FAQ 22).
  case wrongVirtualNumberFormat
  /// The shop's caller directory is full (a simulation limit, not the
  /// platform's).
  case directoryFull

  /// What the API's `success` field would say.
  public var isSuccess: Bool {
    switch self {
    case .success, .noOpDelete: true
    default: false
    }
  }

  /// The API's error code, `nil` on success.
  public var errorCode: String? { isSuccess ? nil : "gxb-group-update-failed" }

  /// Why a rejected registration failed, for the reports (RULEBOOK §8).
  public var rejection: GGroupRejection? {
    switch self {
    case .success, .noOpDelete, .directoryFull: nil
    case .rejectedOverLimit: .overLimit
    case .rejectedTooManyInCall, .rejectedListTooLong: .tooManyInCall
    case .invalidNumber, .invalidConsumerNumber: .invalidNumber
    case .wrongVirtualNumberFormat: .wrongFormat
    }
  }
}

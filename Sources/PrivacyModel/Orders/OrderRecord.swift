public import SimKernel

/// One order in flight. A fixed-size value kept in an ``OrderPool`` slot and
/// released when the order ends, so memory follows the orders in flight, not
/// the orders simulated. The benchmark reports its size (target ≤ 256 bytes).
public struct OrderRecord: Sendable {
  /// Bumped when the slot is reused, so events of a finished order are
  /// recognised as stale.
  public var generation: UInt32 = 0
  public var merchant: UInt32 = 0
  public var state = OrderState.pendingPayment
  /// Whether the order is counted in the metrics (created after warm-up).
  public var measured = false
  /// The platform: WeChat Shop or Taobao.
  public var isWeChat = true
  /// The shop's size segment (its counts are kept by segment).
  public var segment = ShopSegment.under10
  /// Week of creation, counted from the end of the warm-up.
  public var week: UInt16 = 0
  /// R-L2: goods that need shipping.
  public var needsLogistics = true
  /// The delivering carrier: an index into the scenario's carriers (R-G8).
  public var carrier: UInt8 = 0
  /// Whether the courier's number is registered for this order (R-G8).
  public var courierRegistered = true
  /// Whether the waybill can show a 700 number (R-T5).
  public var waybillAdapted = true
  /// R-M1: the shop holds the buyer's phone through its own mini-program.
  public var sideChannelNumber = false
  /// Whether the merchant holds the buyer's real number (exposure).
  public var merchantHoldsRealNumber = false
  /// Whether it was shown in plain text (the WeChat baseline's order
  /// list) rather than revealed by a decrypt (retention differs).
  public var heldInPlaintext = false
  /// Delivery days used so far.
  public var deliveryDay: UInt8 = 0
  /// Whether this delivery needs the courier to phone the buyer.
  public var courierCallNeeded = false
  /// Follow-ups (after-sale case, marketing contact) still open; the order
  /// ends when it has completed and none is left.
  public var pendingTasks: UInt8 = 0
  /// An after-sale case will open after completion (drawn at shipping).
  public var afterSalePlanned = false
  /// The buyer's confirmation (or auto-confirmation) came while a case
  /// opened from shipped was open: the order completes when it closes.
  public var completionDeferred = false
  /// The buyer's chance of answering a courier on this delivery, drawn once
  /// per delivery (``CourierParameters/answerConcentration``).
  public var buyerAvailability: Float = 0
  /// Taobao: the order's G group and number format (R-G1…R-G7, R-T1, R-T2).
  public var gGroup = GGroup(members: .empty, format: .elevenPlusFour, oaidGeneration: 0)
  /// WeChat: the order's virtual number (R-W1…R-W5).
  public var virtualNumber = WeChatVirtualNumber()
  /// WeChat: the after-sale case's number (R-W8), while a case is open.
  public var afterSaleCaseOpened: SimTime = .distantFuture
  public var afterSaleCaseClosed: SimTime = .distantFuture
  /// R-D2: the local day this order was last decrypted.
  public var lastDecryptDay: Int64? {
    get { lastDecryptDayNumber == .min ? nil : lastDecryptDayNumber }
    set { lastDecryptDayNumber = newValue ?? .min }
  }
  /// ``lastDecryptDay``, `Int64.min` for none: 8 bytes where the optional
  /// took 16.
  private var lastDecryptDayNumber = Int64.min
  public var created: SimTime = .zero
  public var completed: SimTime = .distantFuture

  public init() {}
}

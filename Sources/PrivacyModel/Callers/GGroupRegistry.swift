/// Taobao's caller registration ("G group", RULEBOOK §4) as an explicit
/// component: the limits, and operations whose answers mirror the platform
/// API (`taobao.top.secret.group.update`, S4).
///
/// Two entry points share one implementation: ``update(_:operation:mobileList:consumerNumber:directory:)``
/// takes the API's strings and validates them (R-G5); the simulation calls
/// ``update(_:operation:callers:)`` with already-interned callers.
public struct GGroupRegistry: Hashable, Sendable {
  /// Shop-level numbers (R-G1).
  public var shopLevelLimit = 40
  /// Numbers per order, shop-level included (R-G2).
  public var orderLimit = 80
  /// Numbers per update call (R-G2).
  public var perCallLimit = 20
  /// Numbers in one mobile list (R-G5, FAQ 27).
  public var listLimit = 200

  /// The operation of an update call.
  public enum Operation: String, Hashable, Sendable {
    case add = "ADD_GXB_GROUP"
    case delete = "DELETE_GXB_GROUP"
  }

  public init() {}

  /// The group of a new order: the shop-level callers are bound to it
  /// automatically (R-G1, FAQ 11).
  public func groupForNewOrder(format: VirtualNumberFormat, directory: CallerDirectory) -> GGroup {
    groupForNewOrder(format: format, shopLevel: directory.shopLevel)
  }

  /// The same, given the shop-level callers directly (the simulation's path).
  public func groupForNewOrder(format: VirtualNumberFormat, shopLevel: CallerSet) -> GGroup {
    GGroup(members: shopLevel, format: format, oaidGeneration: 0)
  }

  /// The buyer changed phone or address and the OAID changed (R-L3): the
  /// order-level registrations are gone and must be made again (R-G7, FAQ
  /// 16). The shop-level callers are bound to the new OAID again, as to any
  /// new order (an assumption: S4 does not say).
  public func oaidChanged(_ group: inout GGroup, directory: CallerDirectory) {
    oaidChanged(&group, shopLevel: directory.shopLevel)
  }

  /// The same, given the shop-level callers directly (the simulation's path).
  public func oaidChanged(_ group: inout GGroup, shopLevel: CallerSet) {
    group.members = shopLevel
    group.oaidGeneration &+= 1
  }

  /// An update with the API's arguments: validates the consumer number and
  /// the mobile list (R-G5), interns the numbers, then applies
  /// ``update(_:operation:callers:)``.
  public func update(
    _ group: inout GGroup, operation: Operation, mobileList: [String], consumerNumber: String,
    directory: inout CallerDirectory
  ) -> GGroupOutcome {
    do {
      _ = try PhoneNumber(validating: consumerNumber)
    } catch {
      return .invalidConsumerNumber(error)
    }
    guard mobileList.count <= listLimit else { return .rejectedListTooLong(count: mobileList.count, limit: listLimit) }
    var callers: [Int] = []
    for (position, text) in mobileList.enumerated() {
      let number: PhoneNumber
      do {
        number = try PhoneNumber(validating: text)
      } catch {
        return .invalidNumber(position: position, problem: error)
      }
      switch operation {
      case .add:
        guard let i = directory.intern(number) else { return .directoryFull }
        callers.append(i)
      case .delete:
        // A number the shop never used cannot be registered anywhere.
        if let i = directory.lookup(number) { callers.append(i) }
      }
    }
    return update(&group, operation: operation, callers: CallerSet(callers), listed: mobileList.count)
  }

  /// An update with interned callers.
  ///
  /// - `add`: rejected on an 11+4 order (R-G6) or with more than
  ///   ``perCallLimit`` numbers (R-G2); rejected as a whole if the group would
  ///   exceed ``orderLimit``, counting numbers already present once (R-G3).
  /// - `delete`: removes the listed numbers from this order only, shop-level
  ///   ones included (R-G4, FAQ 21); removing nothing is a successful no-op
  ///   (FAQ 26).
  public func update(_ group: inout GGroup, operation: Operation, callers: [Int]) -> GGroupOutcome {
    update(&group, operation: operation, callers: CallerSet(callers), listed: callers.count)
  }

  /// An update with a set of interned callers (no allocation: the
  /// simulation's path). Callers in `invalid` stand for numbers that fail
  /// validation (R-G5); the checks run in the order of the string path:
  /// list length, each number, then the update's own.
  public func update(_ group: inout GGroup, operation: Operation, callers: CallerSet,
                     invalid: CallerSet = .empty) -> GGroupOutcome {
    let listed = callers.count
    guard listed <= listLimit else { return .rejectedListTooLong(count: listed, limit: listLimit) }
    let bad = callers.intersection(invalid)
    if let first = bad.lowest {
      return .invalidNumber(position: callers.position(of: first), problem: .notDigits)
    }
    return update(&group, operation: operation, callers: callers, listed: listed)
  }

  private func update(_ group: inout GGroup, operation: Operation, callers requested: CallerSet, listed: Int) -> GGroupOutcome {
    guard listed <= perCallLimit else { return .rejectedTooManyInCall(count: listed, limit: perCallLimit) }
    switch operation {
    case .add:
      guard group.format == .sevenHundred else { return .wrongVirtualNumberFormat }
      let after = group.members.union(requested)
      guard after.count <= orderLimit else { return .rejectedOverLimit(wouldBe: after.count, limit: orderLimit) }
      group.members = after
      return .success(registered: after.count)
    case .delete:
      let removed = group.members.intersection(requested)
      guard !removed.isEmpty else { return .noOpDelete(registered: group.members.count) }
      group.members = group.members.subtracting(removed)
      return .success(registered: group.members.count)
    }
  }
}

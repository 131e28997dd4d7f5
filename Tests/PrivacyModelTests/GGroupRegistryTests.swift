import PrivacyModel
import Testing

/// Distinct valid mobile numbers for tests.
func mobiles(_ range: Range<Int>) -> [String] { range.map { "131\(String(10_000_000 + $0))" } }

/// A 700-number order of a shop with `shopLevel` shop-level callers, and
/// `registered` further order-level callers already registered.
func order(shopLevel: Int = 0, registered: Int = 0) -> (GGroupRegistry, CallerDirectory, GGroup) {
  let registry = GGroupRegistry()
  var directory = CallerDirectory()
  let shop = mobiles(0..<shopLevel).map { try! PhoneNumber(validating: $0) }
  let accepted = directory.setShopLevel(shop)
  #expect(accepted)
  var group = registry.groupForNewOrder(format: .sevenHundred, directory: directory)
  var next = 1_000
  while group.members.count < shopLevel + registered {
    let batch = min(20, shopLevel + registered - group.members.count)
    let outcome = registry.update(&group, operation: .add, mobileList: mobiles(next..<(next + batch)),
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(outcome.isSuccess)
    next += batch
  }
  return (registry, directory, group)
}

@Suite("G-group registry (RULEBOOK §4, S4 FAQ)")
struct GGroupRegistryTests {
  @Test("R-G1: shop-level callers (at most 40) are bound to every new order")
  func rG1ShopLevel() throws {
    var directory = CallerDirectory()
    let forty = try mobiles(0..<40).map { try PhoneNumber(validating: $0) }
    let fortyOne = try mobiles(0..<41).map { try PhoneNumber(validating: $0) }
    let refused = directory.setShopLevel(fortyOne)
    #expect(!refused, "41 shop-level numbers are refused")
    #expect(directory.shopLevel.isEmpty)
    let accepted = directory.setShopLevel(forty)
    #expect(accepted)
    let group = GGroupRegistry().groupForNewOrder(format: .sevenHundred, directory: directory)
    #expect(group.members.count == 40)
    #expect(group.members == directory.shopLevel)
  }

  @Test("R-G2: at most 20 numbers per call, 80 per order including shop-level")
  func rG2Limits() {
    var (registry, directory, group) = order(shopLevel: 40)
    let tooMany = registry.update(&group, operation: .add, mobileList: mobiles(100..<121),
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(tooMany == .rejectedTooManyInCall(count: 21, limit: 20))
    #expect(group.members.count == 40)
    for start in [100, 120] {
      let ok = registry.update(&group, operation: .add, mobileList: mobiles(start..<(start + 20)),
                               consumerNumber: "700101234567890", directory: &directory)
      #expect(ok.isSuccess)
    }
    #expect(group.members.count == 80)
    let over = registry.update(&group, operation: .add, mobileList: mobiles(200..<201),
                               consumerNumber: "700101234567890", directory: &directory)
    #expect(over == .rejectedOverLimit(wouldBe: 81, limit: 80))
  }

  @Test("R-G3 (FAQ 17, scenario 1): 70 registered + 20 of which 8 old, 12 new → 82 > 80, rejected whole; the 8 stay")
  func rG3Faq17Rejected() {
    var (registry, directory, group) = order(registered: 70)
    let before = group.members
    let list = Array(mobiles(1_000..<1_008)) + mobiles(5_000..<5_012)  // 8 registered, 12 new
    let outcome = registry.update(&group, operation: .add, mobileList: list,
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(outcome == .rejectedOverLimit(wouldBe: 82, limit: 80))
    #expect(outcome.errorCode == "gxb-group-update-failed")
    #expect(group.members == before, "the earlier registrations are untouched")
  }

  @Test("R-G3 (FAQ 17, scenario 2): 70 registered + 20 of which 12 old, 8 new → 78, accepted")
  func rG3Faq17Accepted() {
    var (registry, directory, group) = order(registered: 70)
    let list = Array(mobiles(1_000..<1_012)) + mobiles(5_000..<5_008)  // 12 registered, 8 new
    let outcome = registry.update(&group, operation: .add, mobileList: list,
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(outcome == .success(registered: 78))
    #expect(outcome.errorCode == nil)
  }

  @Test("R-G4 (FAQ 26): deleting a number never registered succeeds and changes nothing")
  func rG4Faq26NoOpDelete() {
    var (registry, directory, group) = order(shopLevel: 3, registered: 2)
    let before = group.members
    let outcome = registry.update(&group, operation: .delete, mobileList: ["13999999999"],
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(outcome == .noOpDelete(registered: 5))
    #expect(outcome.isSuccess)
    #expect(group.members == before)
  }

  @Test("R-G4 (FAQ 21): deleting a shop-level number through the order API removes it from that order only")
  func rG4Faq21ShopLevelDelete() {
    var (registry, directory, group) = order(shopLevel: 3)
    let other = registry.groupForNewOrder(format: .sevenHundred, directory: directory)
    let outcome = registry.update(&group, operation: .delete, mobileList: [mobiles(0..<1)[0]],
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(outcome == .success(registered: 2))
    #expect(other.members.count == 3, "another order keeps it")
    #expect(directory.shopLevel.count == 3, "the shop-level list keeps it")
    #expect(registry.groupForNewOrder(format: .sevenHundred, directory: directory).members.count == 3)
  }

  @Test("R-G5 (FAQ 27): numbers must be non-empty, digits only, not start with 00, at most 15 digits")
  func rG5Validation() {
    #expect(throws: PhoneNumber.Problem.empty) { try PhoneNumber(validating: "") }
    #expect(throws: PhoneNumber.Problem.notDigits) { try PhoneNumber(validating: "1369999-1234") }
    #expect(throws: PhoneNumber.Problem.notDigits) { try PhoneNumber(validating: "+8613699999999") }
    #expect(throws: PhoneNumber.Problem.startsWithDoubleZero) { try PhoneNumber(validating: "008613699999999") }
    #expect(throws: PhoneNumber.Problem.tooLong(digits: 16)) { try PhoneNumber(validating: "7001012345678901") }
    #expect((try? PhoneNumber(validating: "700101234567890"))?.description == "700101234567890")
    #expect((try? PhoneNumber(validating: "01012345678"))?.description == "01012345678", "landlines are allowed (FAQ 9)")
    var (registry, directory, group) = order()
    let bad = registry.update(&group, operation: .add, mobileList: ["13100000000", "00123"],
                              consumerNumber: "700101234567890", directory: &directory)
    #expect(bad == .invalidNumber(position: 1, problem: .startsWithDoubleZero))
    let badConsumer = registry.update(&group, operation: .add, mobileList: ["13100000000"],
                                      consumerNumber: "13699999999-1234", directory: &directory)
    #expect(badConsumer == .invalidConsumerNumber(.notDigits))
    let tooLong = registry.update(&group, operation: .add, mobileList: mobiles(0..<201),
                                  consumerNumber: "700101234567890", directory: &directory)
    #expect(tooLong == .rejectedListTooLong(count: 201, limit: 200))
    #expect(group.members.isEmpty, "no failed call changed the group")
  }

  @Test("R-G6 (FAQ 22): adding callers to an order whose virtual number is still 11+4 is an error")
  func rG6Faq22ElevenPlusFour() {
    let registry = GGroupRegistry()
    var directory = CallerDirectory()
    var group = registry.groupForNewOrder(format: .elevenPlusFour, directory: directory)
    let outcome = registry.update(&group, operation: .add, mobileList: ["13100000000"],
                                  consumerNumber: "13699999999", directory: &directory)
    #expect(outcome == .wrongVirtualNumberFormat)
    #expect(!outcome.isSuccess)
  }

  @Test("R-G7 (FAQ 16): when the OAID changes, order-level registrations must be made again")
  func rG7OaidChange() {
    var (registry, directory, group) = order(shopLevel: 2, registered: 5)
    #expect(group.members.count == 7)
    registry.oaidChanged(&group, directory: directory)
    #expect(group.members == directory.shopLevel)
    #expect(group.oaidGeneration == 1)
    let again = registry.update(&group, operation: .add, mobileList: Array(mobiles(1_000..<1_005)),
                                consumerNumber: "700101234567890", directory: &directory)
    #expect(again == .success(registered: 7))
  }

  @Test("R-T1/R-T2: anyone reaches an 11+4 number; only G-group members reach a 700 number")
  func rT1rT2Admission() {
    var (registry, directory, group) = order(shopLevel: 1)
    let stranger = directory.intern(try! PhoneNumber(validating: "13888888888"))!
    let staff = directory.lookup(try! PhoneNumber(validating: mobiles(0..<1)[0]))!
    #expect(group.admits(caller: staff))
    #expect(!group.admits(caller: stranger))
    _ = registry.update(&group, operation: .add, callers: [stranger])
    #expect(group.admits(caller: stranger))
    let legacy = registry.groupForNewOrder(format: .elevenPlusFour, directory: directory)
    #expect(legacy.admits(caller: stranger))
  }
}

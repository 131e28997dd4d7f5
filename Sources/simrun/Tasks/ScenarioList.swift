import PrivacyModel

/// The scenarios a running command runs, in order, each made when it is
/// read: an exploration of 10⁵ points holds its design's values, not 10⁵
/// scenarios (about 1.5 KB each) at once. A list of scenarios already made
/// is one too.
struct ScenarioList: RandomAccessCollection, Sendable {
  let startIndex = 0
  let endIndex: Int
  private let make: @Sendable (Int) -> Scenario

  /// The scenarios given.
  init(_ scenarios: [Scenario]) {
    endIndex = scenarios.count
    make = { scenarios[$0] }
  }

  /// `count` scenarios, the `i`th made by `make(i)` each time it is read
  /// (so `make` must give equal scenarios for equal `i`).
  init(count: Int, _ make: @escaping @Sendable (Int) -> Scenario) {
    endIndex = count
    self.make = make
  }

  subscript(position: Int) -> Scenario {
    precondition(indices.contains(position), "scenario \(position) of \(count)")
    return make(position)
  }
}

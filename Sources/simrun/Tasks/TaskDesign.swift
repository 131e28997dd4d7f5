import PrivacyModel

/// How a command's scenarios come from one base scenario and a design (an
/// exploration's): scenario `i` is point `i / variants` of the design
/// (the last, `points`, is the base case: the base's own values), variant
/// `i % variants`. A plan stores the base and the design once and each task
/// names its point, instead of writing each point's scenario out.
struct TaskDesign {
  /// The design as stored (``StoredExplorationDesign``).
  let stored: StoredExplorationDesign
  let base: Scenario
  let points: Int
  let variants: Int

  /// The point and variant of scenario `item`.
  func point(of item: Int) -> (index: Int?, variant: Int) {
    let p = item / variants
    return (p == points ? nil : p, item % variants)
  }
}

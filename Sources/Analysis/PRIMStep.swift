/// One box of PRIM's peeling trajectory with its trade-off: coverage (the
/// share of all cases of interest that fall inside), density (the share of
/// the box's points that are cases of interest) and mass (the share of all
/// points inside). `restricted` lists the factors whose range the box
/// narrows.
public struct PRIMStep: Hashable, Sendable {
  public let box: PRIMBox
  public let coverage: Double
  public let density: Double
  public let mass: Double
  public let restricted: [Int]

  public init(box: PRIMBox, coverage: Double, density: Double, mass: Double, restricted: [Int]) {
    self.box = box
    self.coverage = coverage
    self.density = density
    self.mass = mass
    self.restricted = restricted
  }
}

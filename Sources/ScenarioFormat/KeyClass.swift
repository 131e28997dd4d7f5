/// What a scenario key stands for, marked explicitly for every key
/// (``ScenarioSchema/keyClasses``) rather than read from its source text.
///
/// The class decides what a key may be used for: only figures a platform
/// sets (``ruleParameter`` and ``assumedRuleFigure``) may be **levers** of a
/// design, and only figures no source gives (``assumedRuleFigure`` and
/// ``assumption``) are varied by `uncertain: all-assumptions`.
public enum KeyClass: String, CaseIterable, Sendable {
  /// A figure a platform sets, given by its source (a quota, a validity, a
  /// limit, a ban): a possible lever.
  case ruleParameter = "rule parameter"
  /// A figure a platform sets whose value no source states (a review's
  /// approval rate, a grant's size): an assumption today, a lever in a design.
  case assumedRuleFigure = "rule figure (assumed)"
  /// How the model reads a rule's text where the text allows two readings:
  /// a modelling choice, not a setting anyone controls.
  case ruleReading = "reading of a rule"
  /// A figure about buyers, merchants, couriers or the market that no source
  /// gives: varied in explorations, calibrated against observations.
  case assumption
  /// How finely the model samples the market (simulated orders, shops,
  /// days): changes the precision of results, not what they estimate.
  case precision
  /// The period an analyst chooses to look at (dates, retention horizon).
  case horizon
  /// What the scenario is (its name, phases, switched-off rules, checks,
  /// and the sections explorations and designs read).
  case structure

  /// Whether a platform controls the key, so that a design may set it.
  public var isLever: Bool { self == .ruleParameter || self == .assumedRuleFigure }

  /// Whether no source gives the key's figure.
  public var isAssumption: Bool { self == .assumedRuleFigure || self == .assumption }

  /// One line on what the class means, for listings.
  public var explanation: String {
    switch self {
    case .ruleParameter: "a platform sets it; figure from a source (a lever)"
    case .assumedRuleFigure: "a platform sets it; figure assumed (a lever)"
    case .ruleReading: "how the model reads a rule's text"
    case .assumption: "behaviour or market figure no source gives"
    case .precision: "sampling precision, not a quantity of the world"
    case .horizon: "the period the analyst looks at"
    case .structure: "what the scenario is"
    }
  }
}

import Foundation
import PrivacyModel
import RunTasks
import ScenarioFormat

/// An exploration's design as a plan stores it once (JSON, in
/// `store.jsonl`): the method, its settings, the uncertain keys and the
/// contrasts, enough for `simrun exec` to draw the same points again, so a
/// task names a point by its index instead of spelling out its values.
struct StoredExplorationDesign: Codable, Equatable {
  struct Key: Codable, Equatable {
    let path: String
    let lower: Double
    let upper: Double
    let scale: String
  }

  let method: String
  let samples: Int
  let levels: Int
  let seed: UInt64
  let keys: [Key]
  /// `rule:R-W7` or `phase:PHASE-ID`, in variant order (variant 1 first).
  let contrasts: [String]

  init(_ design: ExplorationDesign, samples: Int, levels: Int, seed: UInt64, contrasts: [ExplorationContrast]) {
    method = design.method.rawValue
    self.samples = samples
    self.levels = levels
    self.seed = seed
    keys = design.uncertainties.map { Key(path: $0.path, lower: $0.lower, upper: $0.upper, scale: $0.scale.rawValue) }
    self.contrasts = contrasts.map {
      switch $0 {
      case .rule(let rule): "rule:\(rule.rawValue)"
      case .phase(let phase): "phase:\(phase.id)"
      }
    }
  }

  /// The JSON text stored.
  var text: String { String(decoding: RunTaskDigest.canonicalJSON(self), as: UTF8.self) }

  /// The design and contrasts it describes; `nil` when it names a method,
  /// scale, rule or phase this simrun does not know.
  func rebuilt() -> (design: ExplorationDesign, contrasts: [ExplorationContrast])? {
    guard let method = ExplorationMethod(rawValue: method) else { return nil }
    var uncertainties: [ScenarioUncertainty] = []
    for key in keys {
      guard let scale = ScenarioUncertainty.Scale(rawValue: key.scale) else { return nil }
      uncertainties.append(ScenarioUncertainty(path: key.path, lower: key.lower, upper: key.upper, scale: scale, origin: "the plan"))
    }
    var rebuiltContrasts: [ExplorationContrast] = []
    for contrast in contrasts {
      if contrast.hasPrefix("rule:"), let rule = RuleID(rawValue: String(contrast.dropFirst(5))) {
        rebuiltContrasts.append(.rule(rule))
      } else if contrast.hasPrefix("phase:"), let phase = Phase.named(String(contrast.dropFirst(6))) {
        rebuiltContrasts.append(.phase(phase))
      } else {
        return nil
      }
    }
    return (ExplorationDesign(method: method, uncertainties: uncertainties, samples: samples, levels: levels, seed: seed),
            rebuiltContrasts)
  }
}

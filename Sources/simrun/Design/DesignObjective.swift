import PrivacyModel
import ScenarioFormat

/// A metric a design maximises or minimises (ScenarioFormat's type).
typealias DesignObjective = ScenarioObjective

/// A bad `--objective`, `--require` or lever setting: exit 64.
struct DesignInputError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

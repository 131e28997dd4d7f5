import PrivacyModel
import ScenarioFormat

/// A metric a design maximises or minimises (ScenarioFormat's type).
typealias DesignObjective = ScenarioObjective

import ArgumentParser
import ScenarioFormat

extension Override {
  /// Parses like ``Override/init(parsing:option:)``, a malformed argument
  /// being a usage error (exit 64, with the usage line).
  init(validating argument: String, option: String = "--set") throws {
    do {
      try self.init(parsing: argument, option: option)
    } catch let error as OverrideError {
      throw ValidationError(error.description)
    }
  }
}

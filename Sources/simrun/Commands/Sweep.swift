import ScenarioFormat
import ArgumentParser
import PrivacyModel

/// `simrun sweep`: one scenario over a grid of parameter values.
struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario over a grid of parameter values: a metric-by-value table.",
    discussion: """
      Each --vary KEY.PATH=V1,V2,… gives one axis; several --vary make a grid \
      (every combination). Every point runs with the same seed, so points share \
      common random numbers and their paired differences from the first point \
      are reported. Values are checked like the file's own (commas inside \
      {…} or […] do not split).

      Examples:
        simrun sweep wechat-2024-04-quota --vary merchants.daily_base_quota=10,30,60,100,200
        simrun sweep Scenarios/taobao-700-full.yaml --vary merchants.registration_lazy_share=0,0.4,0.7
        simrun sweep taobao-700-full --vary couriers.gift_coverage=0,1 --vary contact.answer_probability=0.6,0.8
      """)

  @Argument(help: "A scenario file (.yaml) or a phase id.")
  var scenario: String

  @Option(help: ArgumentHelp("A parameter and its values (repeatable: a grid).", valueName: "KEY.PATH=V1,V2,…"))
  var vary: [String] = []

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  /// The axes: key path and its values, in the order given.
  func axes() throws -> [(path: String, values: [String])] {
    try vary.map { argument in
      let override = try Override(validating: argument, option: "--vary")
      let values = Sweep.splitTopLevel(override.value)
      guard values.allSatisfy({ !$0.isEmpty }) else {
        throw ValidationError("--vary \(argument): an empty value between commas.")
      }
      guard Set(values).count == values.count else { throw ValidationError("--vary \(argument): a value is given twice.") }
      return (override.path, values)
    }
  }

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
    guard !vary.isEmpty else { throw ValidationError("give at least one --vary KEY.PATH=V1,V2,….") }
    let axes = try axes()
    guard Set(axes.map(\.path)).count == axes.count else { throw ValidationError("a --vary key is given twice.") }
    let lastParts = axes.map { $0.path.split(separator: ".").last.map(String.init) ?? $0.path }
    guard Set(lastParts).count == lastParts.count else {
      throw ValidationError("two --vary keys end in the same name; the columns would be ambiguous.")
    }
    // The product checked as it grows: five axes of 10,000 values each
    // must be refused, not overflow.
    var points = 1
    for axis in axes {
      let (product, overflow) = points.multipliedReportingOverflow(by: axis.values.count)
      guard !overflow, product <= 200 else {
        throw ValidationError("the grid has more than 200 points (\(axes.map { String($0.values.count) }.joined(separator: " × "))); at most 200 are allowed.")
      }
      points = product
    }
  }

  /// Splits `text` at commas that are not inside braces or brackets.
  static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for c in text {
      switch c {
      case "{", "[": depth += 1
      case "}", "]": depth -= 1
      default: break
      }
      if c == "," && depth == 0 {
        parts.append(current.trimmingWhitespace)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current.trimmingWhitespace)
    return parts
  }

  func run() throws {
    let execution = Execution(options: options, output: output)
    // Every point of the grid, first axis varying slowest.
    var points: [[(key: String, value: String)]] = [[]]
    for axis in try axes() {
      points = points.flatMap { point in axis.values.map { point + [(axis.path, $0)] } }
    }
    var items: [Execution.Item] = []
    var problems: [String] = []
    // The scenario is read once; each point validates it with its overrides.
    let source: (text: String, file: String)
    do {
      source = try ScenarioSources.text(of: scenario)
    } catch {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
    for point in points {
      let extra = try point.map { try Override(validating: "\($0.key)=\($0.value)", option: "--vary") }
      do {
        let document = try ScenarioFile.parse(source.text, file: source.file, overrides: try options.overrides + extra)
        // Columns are named by the keys' last parts (unique within a grid:
        // the full paths are in `parameters`).
        let id = point.map { "\($0.key.split(separator: ".").last!)=\($0.value)" }.joined(separator: " ")
        items.append(Execution.Item(id: id, document: document, parameters: point))
      } catch let error as ScenarioFileError {
        for line in error.diagnostics.map(\.description) where !problems.contains(line) { problems.append(line) }
      }
    }
    guard problems.isEmpty else {
      printError(problems.joined(separator: "\n"))
      throw SimRunExit.invalidInput
    }
    try execution.emit(try execution.run(.sweep, items))
  }
}

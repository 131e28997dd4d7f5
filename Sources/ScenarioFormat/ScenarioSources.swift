import Foundation
public import PrivacyModel

/// Turns the scenario arguments of a command (phase ids or `.yaml` files)
/// into validated scenarios. A phase id stands for its built-in scenario —
/// the very text `simrun template ID` writes — so ids and files go through
/// the same reader and the same `--set` overrides.
public enum ScenarioSources {
  /// Whether an argument names a scenario file: it ends in `.yaml` or
  /// `.yml` (any case), or an existing file has that name (an existing file
  /// always wins over a phase id).
  public static func isFile(_ argument: String) -> Bool {
    let lower = argument.lowercased()
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return true }
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: argument, isDirectory: &directory) && !directory.boolValue
  }

  /// The built-in scenario of a phase id, or of `timeline`.
  public static func builtIn(_ id: String) -> Scenario? {
    id == "timeline" ? Scenario.timeline() : Phase.named(id).map { Scenario(phase: $0) }
  }

  /// `nil` when `argument` names a file (if allowed) or a known phase (or
  /// `timeline`, when allowed); otherwise the message, with a suggestion.
  public static func unknownArgumentMessage(_ argument: String, allowTimeline: Bool = false, allowFiles: Bool = true) -> String? {
    if (allowFiles && isFile(argument)) || Phase.named(argument) != nil || (allowTimeline && argument == "timeline") { return nil }
    let known = Phase.all.map(\.id) + (allowTimeline ? ["timeline"] : [])
    let hint = Suggestion.closest(to: argument, in: known).map { " Did you mean '\($0)'?" } ?? ""
    let give = allowFiles ? "Give a scenario file (.yaml) or one of" : "Known"
    return ScenarioDiagnostic.printable("unknown phase '\(argument)'.\(hint) \(give): \(known.joined(separator: ", ")).")
  }

  /// The scenario an argument stands for, read with `overrides`; an
  /// edited copy of a phase's template is named after its file
  /// (``isEditedCopy(_:overrides:)``).
  public static func document(_ argument: String, overrides: [Override]) throws(ScenarioFileError) -> ScenarioDocument {
    let source = try text(of: argument)
    var document = try ScenarioFile.parse(source.text, file: source.file, overrides: overrides)
    if isFile(argument), isEditedCopy(document.scenario, overrides: overrides) {
      document.scenario.name = fileStem(argument)
    }
    return document
  }

  /// Whether `scenario`, read from a file, carries a built-in phase's name
  /// but differs from that phase (with the same overrides): a template
  /// written by `simrun template` and then edited. Reports then call it by
  /// its file's name (``fileStem(_:)``), not the phase's, which it no
  /// longer is.
  static func isEditedCopy(_ scenario: Scenario, overrides: [Override]) -> Bool {
    guard Phase.named(scenario.name) != nil, let original = builtIn(scenario.name) else { return false }
    guard let unedited = try? ScenarioFile.parse(ScenarioTemplate.yaml(original), file: "built-in \(scenario.name)",
                                                 overrides: overrides).scenario else { return false }
    return unedited != scenario
  }

  /// A file's name without its folder and its `.yaml`/`.yml` extension
  /// (any case, as ``isFile(_:)`` reads it).
  static func fileStem(_ path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return ["yaml", "yml"].contains(url.pathExtension.lowercased()) ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
  }

  /// Each scenario's column name: its `name`, or its argument when two
  /// scenarios share a name.
  public static func columnNames(_ arguments: [String], _ documents: [ScenarioDocument]) -> [String] {
    let names = documents.map(\.scenario.name)
    return zip(arguments, names).map { argument, name in names.filter { $0 == name }.count > 1 ? argument : name }
  }

  /// The scenario text an argument stands for, and the name its problems
  /// are reported under: a file's contents, or a phase's built-in template.
  public static func text(of argument: String) throws(ScenarioFileError) -> (text: String, file: String) {
    if isFile(argument) { return (try ScenarioFile.contents(of: argument), argument) }
    return (ScenarioTemplate.yaml(builtIn(argument)!), "built-in \(argument)")
  }

  /// Every argument read and validated; all problems of all of them are
  /// thrown together before anything runs.
  public static func load(_ arguments: [String], overrides: [Override]) throws(ScenarioFileError) -> [ScenarioDocument] {
    var documents: [ScenarioDocument] = []
    var problems: [ScenarioDiagnostic] = []
    for argument in arguments {
      do {
        documents.append(try document(argument, overrides: overrides))
      } catch {
        problems += error.diagnostics
      }
    }
    // One bad override shows up once, not once per scenario.
    var seen = Set<ScenarioDiagnostic>()
    problems = problems.filter { $0.line > 0 || seen.insert($0).inserted }
    guard problems.isEmpty else { throw ScenarioFileError(diagnostics: problems) }
    return documents
  }
}

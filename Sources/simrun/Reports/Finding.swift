/// One sentence of a report's findings, with what it speaks of, so that
/// `results.json` carries the sentence and its subject apart.
struct Finding: Sendable, Codable, Equatable {
  enum Kind: String, Sendable, Codable {
    /// A paired effect that stays significant after Holm's correction.
    case effect
    /// A metric a rule is expected to move that did not move measurably.
    case noChange = "no_change"
    /// Which assumptions a result rests on, and whether its sign holds.
    case sensitivity
    /// Anything else a reader needs first (how many effects were left out).
    case note
  }

  let kind: Kind
  let text: String
  /// The metric ids the sentence is about.
  let metrics: [String]
}

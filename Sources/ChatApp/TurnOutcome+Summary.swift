import Assistant

extension TurnOutcome {
    /// What happened to the line, as the panel and the status line say it.
    var summary: String {
        switch self {
        case .replied: "replied"
        case .fallback: "fell back"
        case .handoff(.requested): "handed off: asked for a person"
        case .handoff(.repeatedFallback): "handed off: two fallbacks"
        case .handoff(.agent): "handed off to an agent"
        case .quiet: "quiet: an agent holds it"
        }
    }

    /// The one or two words of `summary` for the status line.
    var shortSummary: String {
        switch self {
        case .replied: "replied"
        case .fallback: "fell back"
        case .handoff: "handed off"
        case .quiet: "quiet"
        }
    }
}

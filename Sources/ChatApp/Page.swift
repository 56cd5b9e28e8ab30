/// The screens an agent moves between.
public enum Page: String, Sendable, Equatable, CaseIterable {
    /// The conversation, input line and live intent panel (F2).
    case chat
    /// The relabel queue (F3).
    case review
    /// Intents and their reply variants (F4).
    case templates
    /// Monitoring figures (F5).
    case monitor
    /// Stored conversations: find, filter, reopen (F6).
    case conversations
    /// The model registry: versions, scores, promote and roll back (F7).
    case models
    /// Keys and slash commands (F1).
    case help

    /// The function key that opens it.
    public var functionKey: Int {
        switch self {
        case .help: 1
        case .chat: 2
        case .review: 3
        case .templates: 4
        case .monitor: 5
        case .conversations: 6
        case .models: 7
        }
    }

    /// Its name on the tab bar.
    public var title: String {
        switch self {
        case .chat: "Chat"
        case .review: "Review"
        case .templates: "Templates"
        case .monitor: "Monitor"
        case .conversations: "Conversations"
        case .models: "Models"
        case .help: "Help"
        }
    }
}

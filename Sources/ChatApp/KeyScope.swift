/// Where a key binding applies: everywhere, in a text field, over the picker, or on one screen
/// (a screen with two modes has a scope for each). `Keymap` lists the scopes in Help's order.
public enum KeyScope: String, Sendable, Equatable, CaseIterable {
    /// Every screen, before anything else sees the key.
    case global
    /// The Chat screen's input line.
    case chat
    /// The Chat screen with a transcript turn selected (Tab).
    case transcript
    /// Any one-line text field (the input line, the picker's filter, the template editor).
    case editing
    /// The relabel picker, over any screen.
    case picker
    /// The promote prompt at the end of a background retrain, over any screen.
    case retrainPrompt
    /// The Review screen.
    case review
    /// The Templates screen's lists.
    case templates
    /// The Templates screen while a variant is written.
    case templateEditor
    /// The Conversations screen.
    case conversations
    /// The Monitor screen.
    case monitor
    /// The Models screen.
    case models
    /// The Help screen.
    case help

    /// Its heading on the Help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .chat: "Chat"
        case .transcript: "Chat, a turn selected (Tab)"
        case .editing: "Text fields (input line, picker filter, template editor)"
        case .picker: "Relabel picker"
        case .retrainPrompt: "Promote prompt (after a background retrain)"
        case .review: "Review"
        case .templates: "Templates"
        case .templateEditor: "Templates, writing a variant"
        case .conversations: "Conversations"
        case .monitor: "Monitor"
        case .models: "Models"
        case .help: "Help"
        }
    }
}

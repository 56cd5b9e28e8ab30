/// One step of a demo script, as the presenter would do it by hand.
public enum DemoStep: Sendable, Equatable {
    /// Type a customer line key by key and send it (`customer: TEXT`).
    case customer(String)
    /// Type the agent's own reply while an agent holds the conversation (`agent: TEXT`).
    case agent(String)
    /// Show a caption above the page; an empty text takes it away (`caption: TEXT`).
    case caption(String)
    /// Wait this long, or (nil) until the presenter presses space or → (`pause`, `pause 2s`).
    case pause(Duration?)
    /// Relabel the last bot turn through the picker (`relabel: INTENT`).
    case relabel(String)
    /// Open a screen with its function key (`screen: review`).
    case screen(Page)
    /// Hand the conversation to a human (`handoff`, typed as `/handoff`).
    case handoff
    /// Give the conversation back to the bot (`handback`, Ctrl-T).
    case handback
    /// Start a new conversation (`new`, typed as `/new`).
    case newConversation
}

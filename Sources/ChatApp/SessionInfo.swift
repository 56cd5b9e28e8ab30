/// What the status line shows about the running session.
public struct SessionInfo: Sendable, Equatable {
    /// The conversation's id.
    public var conversation: String
    /// The model's version or name.
    public var model: String
    /// The agent's name.
    public var agent: String
    /// Every intent the model knows (for the relabel picker).
    public var intents: [String]
    /// The slots the customer filled in this conversation, which replies use (`/forget-slots` clears them).
    public var slots: [String: String] = [:]

    /// Creates session information.
    public init(conversation: String, model: String, agent: String, intents: [String]) {
        self.conversation = conversation
        self.model = model
        self.agent = agent
        self.intents = intents
    }
}

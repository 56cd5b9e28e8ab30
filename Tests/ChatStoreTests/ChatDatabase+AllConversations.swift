import Assistant
import ChatStore

extension ChatDatabase {
    /// Every conversation, newest first, through the conversation browser's request.
    func allConversations() throws -> [ConversationSummary] {
        try conversationSummaries(ConversationFilter(), limit: Int(Int32.max))
    }
}

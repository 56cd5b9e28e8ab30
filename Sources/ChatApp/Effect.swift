import Assistant

/// Work `update` asks the runtime to do; its results come back as `Event`s.
public enum Effect: Sendable, Equatable {
    /// Classify the draft for the live intent panel (answer: `.draftAnalyzed`).
    case classifyDraft(String)
    /// Send a customer message to the bot (answer: `.replied`).
    case sendCustomerMessage(String)
    /// Log the agent's own reply in take-over mode (answer: `.appended`).
    case sendAgentReply(String)
    /// Record a label event for a turn (answer: `.relabeled`).
    case relabel(turn: TurnID, intent: String)
    /// Record a label event of a kind naming no intent of choice — out of scope, discard,
    /// skip, undo (answer: `.marked`).
    case mark(turn: TurnID, kind: LabelKind)
    /// Load the conversation turns around a review item (answer: `.reviewContextLoaded`).
    case loadReviewContext(turn: TurnID)
    /// Hand the conversation to a human (answer: `.appended`).
    case handoff
    /// Give the conversation back to the bot (answer: `.handedBack`).
    case handBack
    /// Load the stored explanation of a customer turn (answer: `.turnExplained`).
    case explainTurn(TurnID)
    /// Forget the slots the customer filled (answer: `.sessionChanged` and a notice).
    case forgetSlots
    /// Find the conversations a query admits (answer: `.conversationsLoaded`).
    case loadConversations(String)
    /// Show a stored conversation: read-only, or continued (answer: `.conversationOpened`).
    case openConversation(ConversationSummary, continuing: Bool)
    /// Load the registry's versions (answer: `.modelsLoaded`).
    case loadModels
    /// Make a version active (answer: `.modelsLoaded` and a notice).
    case promote(version: Int64)
    /// Make the previously active version active again (answer: `.modelsLoaded` and a notice).
    case rollback
    /// Compare registry version `version` with the active one, `active`, on today's evaluation
    /// set (answer: `.modelDiffLoaded`).
    case loadModelDiff(version: Int64, active: Int64)
    /// Start retraining in the background (answers: `.retrain` updates, taken each time round the loop).
    case startRetrain
    /// Start a new conversation (answer: `.sessionStarted`).
    case newConversation
    /// Load the page of transcript lines before the customer turn `before` (answer: `.earlierLoaded`).
    case loadEarlier(before: TurnID)
    /// Load the page of transcript lines after the customer turn `after` (answer: `.laterLoaded`).
    case loadLater(after: TurnID)
    /// Load the review queue and how many turns need a label (answer: `.reviewLoaded`).
    case loadReviewQueue
    /// Load the templates (answer: `.templatesLoaded`).
    case loadTemplates
    /// Add (`variant` nil) or change a reply variant (answer: `.templatesLoaded`).
    case saveTemplate(intent: String, variant: Int64?, text: String)
    /// Delete a reply variant (answer: `.templatesLoaded`).
    case deleteTemplate(intent: String, variant: Int64)
    /// Load the stats of a period, by day (answer: `.monitorLoaded`).
    case loadMonitor(MonitorPeriod)
    /// Send `.monitorRefreshDue(serial)` once `after` has passed on the runtime's clock.
    case refreshMonitor(serial: Int, after: Duration)
    /// Send `.noticeExpired(serial)` once `after` has passed on the runtime's clock.
    case expireNotice(serial: Int, after: Duration)
    /// Leave the program, restoring the terminal.
    case quit
}

extension Effect {
    /// `effects` with every draft classification but the last dropped, so a batch of queued
    /// input (a long paste) costs one classification.
    public static func coalesced(_ effects: [Effect]) -> [Effect] {
        guard let last = effects.lastIndex(where: { if case .classifyDraft = $0 { true } else { false } }) else {
            return effects
        }
        return effects.enumerated().filter { i, e in
            if case .classifyDraft = e { return i == last }
            return true
        }.map(\.element)
    }
}

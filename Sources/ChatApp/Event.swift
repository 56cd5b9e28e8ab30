import Assistant

/// Something that happened: a key, a paste, a resize, or a result the runtime brings back.
public enum Event: Sendable, Equatable {
    /// A key was pressed.
    case key(Key)
    /// Text arrived at once (a paste, or typing queued faster than frames): inserted as is.
    case paste(String)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The session started or changed (a new conversation).
    case sessionStarted(SessionInfo)
    /// The session's details changed — its conversation was stored with its first turn, a
    /// newly promoted model answers — and nothing else resets.
    case sessionChanged(SessionInfo)
    /// The draft was classified.
    case draftAnalyzed(DraftAnalysis)
    /// The registry's versions, newest first.
    case modelsLoaded([ModelSummary])
    /// What changes from the active version `active` to version `version` on today's evaluation set.
    case modelDiffLoaded(version: Int64, active: Int64, ModelDiff)
    /// The background retrain reported.
    case retrain(RetrainUpdate)
    /// The explanation of a past customer turn.
    case turnExplained(TurnInsight)
    /// The conversations a query found, newest first.
    case conversationsLoaded([ConversationSummary])
    /// A stored conversation is shown (continued: its next turns are logged there); its latest lines.
    case conversationOpened(ConversationSummary, continuing: Bool, session: SessionInfo, lines: [TranscriptLine])
    /// A customer message was answered.
    case replied(lines: [TranscriptLine], reply: BotReply)
    /// The bot holds the conversation again (the hand-back is stored); the lines to show.
    case handedBack([TranscriptLine])
    /// Lines to append to the transcript (an agent's reply, a handoff note).
    case appended([TranscriptLine])
    /// A turn was relabeled.
    case relabeled(turn: TurnID, intent: String)
    /// A label event of `kind` was stored on a turn (`Effect.mark`).
    case marked(turn: TurnID, kind: LabelKind)
    /// The conversation turns around review item `turn`, in order.
    case reviewContextLoaded(turn: TurnID, lines: [TranscriptLine])
    /// Stored transcript lines that came before the oldest customer turn in memory, oldest first.
    case earlierLoaded([TranscriptLine])
    /// Stored transcript lines that came after the newest customer turn in memory, oldest first.
    case laterLoaded([TranscriptLine])
    /// The head of the review queue, most in need of a label first, and how many turns need one in all.
    case reviewLoaded([ReviewCandidate], total: Int)
    /// Every intent with its reply variants.
    case templatesLoaded([IntentTemplates])
    /// Fresh monitoring figures: the stats of the period shown, by day.
    case monitorLoaded(StatsReport)
    /// The time asked for by `Effect.refreshMonitor` has passed.
    case monitorRefreshDue(serial: Int)
    /// The runtime has something to say (a notice on the page shown).
    case notice(String)
    /// An effect failed; the message is shown as an error notice on the page shown.
    case failed(String)
    /// The time asked for by `Effect.expireNotice` has passed.
    case noticeExpired(serial: Int)
}

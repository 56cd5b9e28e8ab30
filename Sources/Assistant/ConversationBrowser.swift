/// The stored conversations as the terminal UI reads them: the browser's list, transcript
/// pages around a turn, a past turn's explanation and Review's context. A bot turn in a page
/// carries its customer turn's prediction, and is a fallback when that turn's outcome was low
/// confidence; its label is the customer turn's label in force.
public protocol ConversationBrowser: Sendable {
    /// The newest `limit` conversations `filter` admits, newest first; each word matches any
    /// turn's text, case-insensitively, parts of words too.
    func conversationSummaries(_ filter: ConversationFilter, limit: Int) throws -> [ConversationSummary]
    /// At most `limit` turns on `side` of turn `anchor` in its conversation, nearest first;
    /// none when `conversation` is given and the anchor is not in it.
    func transcriptPage(of conversation: Int64?, from anchor: Int64, _ side: TranscriptTurn.Side, limit: Int) throws
        -> [TranscriptTurn]
    /// The id of `conversation`'s last turn; nil when it has none.
    func lastTurn(of conversation: Int64) throws -> Int64?
    /// Turn `turn`'s 1-based position in its conversation, or nil when there is no such turn.
    func position(of turn: Int64) throws -> Int?
    /// How customer turn `turn` was answered, as stored; nil when there is no such customer turn.
    func explanation(of turn: Int64) throws -> TurnExplanation?
    /// The turns of `conversation`, in order.
    func turns(in conversation: Int64) throws -> [StoredTurn]
}

extension ConversationBrowser {
    /// The newest `limit` turns of `conversation`, oldest first (a reopened conversation).
    public func transcript(of conversation: Int64, latest limit: Int) throws -> [TranscriptTurn] {
        guard limit > 0, let last = try lastTurn(of: conversation) else { return [] }
        let before = try transcriptPage(of: conversation, from: last, .before, limit: limit - 1)
        return before.reversed() + (try transcriptPage(of: conversation, from: last, .at, limit: 1))
    }

    /// The newest `limit` turns of `conversation` before turn `anchor`, oldest first.
    public func transcript(of conversation: Int64, before anchor: Int64, limit: Int) throws -> [TranscriptTurn] {
        try transcriptPage(of: conversation, from: anchor, .before, limit: limit).reversed()
    }

    /// The oldest `limit` turns of `conversation` after turn `anchor`, oldest first.
    public func transcript(of conversation: Int64, after anchor: Int64, limit: Int) throws -> [TranscriptTurn] {
        try transcriptPage(of: conversation, from: anchor, .after, limit: limit)
    }

    /// Up to `count` turns before and after turn `turn` in its conversation, in order, with
    /// the turn itself: the context Review shows. Fails for an unknown turn.
    public func reviewContext(of turn: Int64, count: Int = 2) throws -> [TranscriptTurn] {
        let this = try transcriptPage(of: nil, from: turn, .at, limit: 1)
        guard !this.isEmpty else { throw StoreError.unknownTurn(turn) }
        let before = try transcriptPage(of: nil, from: turn, .before, limit: count)
        return before.reversed() + this + (try transcriptPage(of: nil, from: turn, .after, limit: count))
    }
}

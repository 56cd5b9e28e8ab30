import GRDB

extension ChatDatabase {
    /// Migration `turn-outcome`: each customer turn stores what the bot did with it
    /// (`TurnOutcome`: `outcome`, `handoffReason`); hand-offs and hand-backs become events
    /// of `conversationEvent`, `conversation.handedOffAt` the time of the hand-off in force.
    /// A v1 store's outcomes are derived once: a customer turn without a bot reply was quiet;
    /// the first one whose reply came at the conversation's hand-off time handed it off (a
    /// fallback reply: after a second fallback, else requested); other replies naming no
    /// intent were fallbacks. Conversations without turns are dropped: a conversation exists
    /// from its first turn.
    static func migrateTurnOutcome(_ db: Database) throws {
        try db.alter(table: "turn") { t in
            t.add(column: "outcome", .text)
                .check(
                    sql:
                        """
                        outcome IS NULL OR (role = 'customer' AND outcome IN ('replied', 'fallback', 'handoff', \
                        'quiet'))
                        """
                )
            t.add(column: "handoffReason", .text)
                .check(
                    sql:
                        """
                        handoffReason IS NULL AND outcome IS NOT 'handoff' OR handoffReason IN ('requested', \
                        'repeated_fallback') AND outcome = 'handoff'
                        """
                )
        }
        try db.execute(
            sql: """
                DELETE FROM conversation WHERE NOT EXISTS (SELECT 1 FROM turn WHERE turn.conversationId = \
                conversation.id);
                CREATE TEMP TABLE v1Outcome AS
                    SELECT c.id, reply.id AS replyId, reply.intent AS replyIntent,
                           reply.createdAt = v.handedOffAt AS atHandoff
                    FROM turn c JOIN conversation v ON v.id = c.conversationId
                    LEFT JOIN turn reply ON reply.conversationId = c.conversationId AND reply.position = c.position + 1
                         AND reply.role = 'bot'
                    WHERE c.role = 'customer';
                UPDATE turn SET
                    outcome = (SELECT CASE
                        WHEN o.replyId IS NULL THEN 'quiet'
                        WHEN o.atHandoff AND o.id = (SELECT MIN(f.id) FROM v1Outcome f JOIN turn ft ON ft.id = f.id
                                                     WHERE ft.conversationId = turn.conversationId AND f.atHandoff) \
                                                     THEN 'handoff'
                        WHEN o.replyIntent IS NULL THEN 'fallback'
                        ELSE 'replied' END FROM v1Outcome o WHERE o.id = turn.id)
                    WHERE role = 'customer';
                UPDATE turn SET handoffReason = CASE
                        WHEN (SELECT replyIntent FROM v1Outcome o WHERE o.id = turn.id) IS NULL THEN 'repeated_fallback'
                        ELSE 'requested' END
                    WHERE outcome = 'handoff';
                DROP TABLE v1Outcome;
                """)
        try db.create(table: "conversationEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("conversationId", .integer).notNull().indexed().references("conversation", onDelete: .cascade)
            t.column("kind", .text).notNull().check { ["handoff", "handback"].contains($0) }
            t.column("reason", .text)
            t.column("agent", .text)
            t.column("createdAt", .datetime).notNull()
            t.check(
                sql:
                    """
                    kind = 'handoff' AND reason IN ('requested', 'repeated_fallback', 'agent') OR kind = \
                    'handback' AND reason IS NULL
                    """
            )
        }
        try db.execute(
            sql: """
                INSERT INTO conversationEvent (conversationId, kind, reason, agent, createdAt)
                SELECT v.id, 'handoff',
                       COALESCE((SELECT t.handoffReason FROM turn t WHERE t.conversationId = v.id AND t.outcome = \
                       'handoff'), 'agent'),
                       CASE WHEN EXISTS (SELECT 1 FROM turn t WHERE t.conversationId = v.id AND t.outcome = 'handoff')
                            THEN NULL ELSE v.agent END,
                       v.handedOffAt
                FROM conversation v WHERE v.handedOffAt IS NOT NULL ORDER BY v.id
                """)
    }
}

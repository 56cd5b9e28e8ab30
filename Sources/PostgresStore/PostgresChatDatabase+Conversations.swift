import Assistant
import Foundation
import IntentModel
import PostgresNIO

extension PostgresChatDatabase: ConversationBrowser {
    /// The browser's list (`ConversationBrowser`): words match any turn's text through `ILIKE`,
    /// which the `turnSearch` trigram index serves for words of three characters or more.
    public func conversationSummaries(_ filter: ConversationFilter, limit: Int) throws -> [ConversationSummary] {
        var binds = PostgresBindings()
        func bind(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var conditions = ["true"]
        if let agent = filter.agent { conditions.append("c.agent = \(bind(agent))") }
        if let day = filter.day {
            conditions.append(#"to_char(c."startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') = \#(bind(day))"#)
        }
        if filter.handedOff { conditions.append(#"c."handedOffAt" IS NOT NULL"#) }
        if filter.hasFallback { conditions.append(Self.hasLowConfidenceTurn) }
        for word in filter.words {
            let pattern =
                "%"
                + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append(
                #"c.id IN (SELECT w."conversationId" FROM turn w WHERE w.text ILIKE \#(bind(pattern)) ESCAPE '\')"#)
        }
        let sql = #"""
            SELECT c.id, c."startedAt", c.agent, c."handedOffAt" IS NOT NULL,
                   (SELECT COUNT(*) FROM turn t WHERE t."conversationId" = c.id),
                   \#(Self.hasLowConfidenceTurn),
                   (SELECT t.text FROM turn t WHERE t."conversationId" = c.id AND t.role = 'customer'
                    ORDER BY t.position LIMIT 1)
            FROM conversation c
            WHERE \#(conditions.joined(separator: " AND "))
            ORDER BY c.id DESC
            LIMIT \#(limit)
            """#
        return try link.rows(PostgresQuery(unsafeSQL: sql, binds: binds)).map { row in
            let (id, started, agent, handedOff, turns, hasFallback, firstLine) = try row.decode(
                (Int64, Date, String?, Bool, Int, Bool, String?).self
            )
            return ConversationSummary(
                id: id, started: started, agent: agent, turns: turns, handedOff: handedOff, hasFallback: hasFallback,
                firstLine: firstLine
            )
        }
    }

    /// Whether conversation `c` has a low-confidence customer turn, in SQL.
    private static let hasLowConfidenceTurn =
        #"EXISTS (SELECT 1 FROM turn f WHERE f."conversationId" = c.id AND \#(isLowConfidence("f")))"#

    public func transcriptPage(of conversation: Int64?, from anchor: Int64, _ side: TranscriptTurn.Side, limit: Int)
        throws
        -> [TranscriptTurn]
    {
        let order =
            switch side {
            case .before: "t.position < a.position ORDER BY t.position DESC"
            case .at: "t.position = a.position"
            case .after: "t.position > a.position ORDER BY t.position"
            }
        let query = PostgresQuery(
            unsafeSQL: #"""
                SELECT t.id, t.role, t.text, q.id, q.position, q.intent, q.confidence,
                       t.role = 'bot' AND COALESCE(\#(Self.isLowConfidence("q")), false),
                       (SELECT l.intent FROM "currentLabel" l WHERE l."turnId" = q.id)
                FROM turn t
                JOIN turn a ON a.id = $1 AND a."conversationId" = t."conversationId"
                LEFT JOIN turn q ON q."conversationId" = t."conversationId" AND q.role = 'customer'
                     AND (q.id = t.id OR (t.role = 'bot' AND q.position = t.position - 1))
                WHERE ($2::bigint IS NULL OR t."conversationId" = $2) AND \#(order)
                LIMIT \#(limit)
                """#, binds: Self.bindings(anchor, conversation))
        return try link.rows(query).map { row in
            let (id, role, text, customer, position, intent, confidence, fallback, label) = try row.decode(
                (Int64, String, String, Int64?, Int?, String?, Double?, Bool, String?).self
            )
            return TranscriptTurn(
                id: id, role: TurnRole(rawValue: role) ?? .customer, text: text, customerTurn: customer,
                customerPosition: position,
                intent: intent, confidence: confidence.map(Float.init), fallback: fallback, label: label
            )
        }
    }

    /// `anchor` and `conversation` as `$1` and `$2`.
    private static func bindings(_ anchor: Int64, _ conversation: Int64?) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(anchor)
        binds.append(conversation)
        return binds
    }

    public func lastTurn(of conversation: Int64) throws -> Int64? {
        try link.value(
            #"SELECT id FROM turn WHERE "conversationId" = \#(conversation) ORDER BY position DESC LIMIT 1"#,
            as: Int64.self)
    }

    public func position(of turn: Int64) throws -> Int? {
        try link.value("SELECT position FROM turn WHERE id = \(turn)", as: Int.self)
    }

    public func explanation(of turn: Int64) throws -> TurnExplanation? {
        guard
            let row = try link.rows(
                #"""
                SELECT t.id, t.position, t.text, t."topIntents", t."modelVersion", t.language, t.slots, t.outcome,
                       t."handoffReason",
                       b.text, b."templateId", tp.text, l.intent
                FROM turn t
                LEFT JOIN turn b
                       ON b."conversationId" = t."conversationId" AND b.position = t.position + 1 AND b.role = 'bot'
                LEFT JOIN template tp ON tp.id = b."templateId"
                LEFT JOIN "currentLabel" l ON l."turnId" = t.id
                WHERE t.id = \#(turn) AND t.role = 'customer'
                """#
            ).first
        else { return nil }
        let (
            id, position, text, ranking, model, language, slots, outcome, reason, reply, template, templateText, label
        ) =
            try row.decode(
                (
                    Int64, Int, String, String?, Int64?, String?, String?, String?, String?, String?, Int64?, String?,
                    String?
                ).self)
        return TurnExplanation(
            turn: id, position: position, text: text, ranking: try Self.decodeJSON([IntentScore].self, ranking) ?? [],
            modelVersion: model, language: language, slots: try Self.decodeJSON([String: String].self, slots) ?? [:],
            outcome: outcome.flatMap { TurnOutcome(name: $0, reason: reason) }, reply: reply, templateID: template,
            templateText: templateText, label: label
        )
    }

    /// `TurnOutcome.isLowConfidence` of the turn aliased `alias`, in SQL (NULL for an unknown outcome).
    static func isLowConfidence(_ alias: String) -> String {
        #"(\#(alias).outcome = 'fallback' OR "#
            + #"(\#(alias).outcome = 'handoff' AND \#(alias)."handoffReason" = 'repeated_fallback'))"#
    }
}

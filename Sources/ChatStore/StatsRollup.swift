import Assistant
import GRDB

/// A rollup of the customer turns' additive stats figures (migration `stats-rollups`): one row
/// per cell — UTC `hour` (in `createdAt`'s format, `YYYY-MM-DD HH:00:00.000`), `modelVersion`,
/// the conversation's `agent`, and `extraKeys` — whose columns each sum one rule (`sums`) over
/// the cell's customer turns `t` meeting `condition`. Triggers keep the rows as turns come,
/// change and go (`ChatDatabase.migrateStatsRollups`); the same definitions sum a period's
/// partial hours from the turns themselves, so both paths apply one rule. Sums are integers,
/// confidence in units of 2⁻³², so they add up exactly in any order.
struct StatsRollup: Sendable {
    /// A rollup column and its value for turn `t`.
    struct Column: Sendable {
        var name: String, value: SQL
        init(_ name: String, _ value: SQL) { (self.name, self.value) = (name, value) }
    }

    let table: String
    let extraKeys: [Column]
    let condition: SQL
    let sums: [Column]

    /// Per cell: customer turns predicted, confidence, fallbacks, out-of-scope turns, tokens, deciles.
    static let hours = StatsRollup(
        table: "statsHour", extraKeys: [], condition: "1",
        sums: [
            Column("customerTurns", StatsRequests.predicted),
            Column("confidenceUnits", "IFNULL(\(StatsRequests.confidenceUnits), 0)"),
            Column("fallbacks", "IFNULL(\(StatsRequests.predicted) AND \(StatsRequests.lowConfidence), 0)"),
            Column("outOfScope", "IFNULL(\(StatsRequests.outOfScope), 0)"),
            Column("tokenTurns", "t.tokenCount IS NOT NULL"),
            Column("tokens", "IFNULL(t.tokenCount, 0)"),
            Column("unknownTokens", "IFNULL(t.unknownTokens, 0)"),
        ]
            + (0..<10).map {
                Column(
                    "decile\($0)",
                    "IFNULL(\(StatsRequests.predicted) AND \(StatsRequests.decile) = \(sql: String($0)), 0)")
            })

    /// Per cell and predicted intent: customer turns and fallbacks.
    static let intents = StatsRollup(
        table: "statsIntent", extraKeys: [Column("intent", "t.intent")],
        condition: "\(StatsRequests.predicted) AND t.intent IS NOT NULL",
        sums: [Column("turns", "1"), Column("fallbacks", "IFNULL(\(StatsRequests.lowConfidence), 0)")])

    /// The hour cell of the turn (or trigger row) aliased `alias`.
    static func hour(_ alias: String) -> SQL { SQL(sql: "substr(\(alias).createdAt, 1, 13) || ':00:00.000'") }

    /// The agent of turn `t`'s conversation.
    static let turnAgent: SQL = "(SELECT v.agent FROM conversation v WHERE v.id = t.conversationId)"

    /// The cell's columns, with NULL kept apart from every value (a unique index treats NULLs as distinct).
    private var cell: [SQL] {
        ["hour", "IFNULL(modelVersion, X'')", "IFNULL(agent, X'')"] + extraKeys.map { SQL(sql: $0.name) }
    }

    /// Creates the table and its unique cell index.
    func create(_ db: Database) throws {
        try db.create(table: table) { t in
            t.column("hour", .text).notNull()
            t.column("modelVersion", .integer)
            t.column("agent", .text)
            for key in extraKeys { t.column(key.name, .text).notNull() }
            for sum in sums { t.column(sum.name, .integer).notNull().defaults(to: 0) }
        }
        try db.execute(
            literal: "CREATE UNIQUE INDEX \(sql: table)_cell ON \(sql: table)(\(cell.joined(separator: ", ")))")
    }

    /// Adds (`sign` 1) or takes away (-1) the sums of the customer turns `t` that `source`
    /// (`FROM … WHERE …`) yields, under the conversation agent `agent`.
    func add(_ source: SQL, agent: SQL = turnAgent, sign: Int = 1) -> SQL {
        let names = ["hour", "modelVersion", "agent"] + extraKeys.map(\.name) + sums.map(\.name)
        let keys: [SQL] = [Self.hour("t"), "t.modelVersion", agent] + extraKeys.map(\.value)
        let minus: SQL = sign < 0 ? "-" : ""
        let values = keys + sums.map { "\(minus)SUM(\($0.value))" as SQL }
        let groups = (1...keys.count).map { String($0) }.joined(separator: ", ")
        let updates = sums.map { "\($0.name) = \($0.name) + excluded.\($0.name)" }.joined(separator: ", ")
        return """
            INSERT INTO \(sql: table) (\(sql: names.joined(separator: ", "))) \
            SELECT \(values.joined(separator: ", ")) \(source) AND t.role = 'customer' AND (\(condition)) \
            GROUP BY \(sql: groups) \
            ON CONFLICT (\(cell.joined(separator: ", "))) DO UPDATE SET \(sql: updates)
            """
    }

    /// The sums of `scope` by series key and `extraKeys` (named as the table's columns): the
    /// whole hours from the rollup when `rollups`, the rest from the turns.
    func request(_ scope: StatsScope, rollups: Bool) -> SQLRequest<Row> {
        let (hours, edges) = rollups ? scope.hourSplit : (nil, [scope])
        var parts = edges.map(scan)
        if let hours { parts.append(read(hours)) }
        let extras = extraKeys.map { SQL(sql: $0.name) }
        let totals = sums.map { SQL(sql: "SUM(\($0.name)) AS \($0.name)") }
        let groups = (["k"] + extras).joined(separator: ", ")
        return """
            SELECT \((["k"] + extras + totals).joined(separator: ", ")) \
            FROM (\(parts.joined(separator: " UNION ALL "))) GROUP BY \(groups)
            """
    }

    /// The sums of `scope`'s turns, read from the turns.
    private func scan(_ scope: StatsScope) -> SQL {
        let values: [SQL] = [scope.key] + extraKeys.map(\.value) + sums.map { "SUM(\($0.value))" as SQL }
        let groups = (["k"] + extraKeys.map { SQL(sql: $0.name) }).joined(separator: ", ")
        return """
            SELECT \(named(values)) \(scope.turns(.customer, where: condition)) GROUP BY \(groups)
            """
    }

    /// The sums of `scope`'s whole hours, read from the rollup.
    private func read(_ scope: StatsScope) -> SQL {
        let values: [SQL] =
            [scope.key(.rollup)] + extraKeys.map { SQL(sql: "r.\($0.name)") }
            + sums.map { SQL(sql: "SUM(r.\($0.name))") }
        let groups = (["k"] + extraKeys.map { SQL(sql: $0.name) }).joined(separator: ", ")
        return """
            SELECT \(named(values)) FROM \(sql: table) r \
            WHERE \(scope.period(column: "r.hour")) AND \(scope.others(.rollup)) GROUP BY \(groups)
            """
    }

    /// `values` named k, then the extra keys' and sums' names.
    private func named(_ values: [SQL]) -> SQL {
        let names = ["k"] + extraKeys.map(\.name) + sums.map(\.name)
        return zip(values, names).map { "\($0) AS \(sql: $1)" }.joined(separator: ", ")
    }
}
